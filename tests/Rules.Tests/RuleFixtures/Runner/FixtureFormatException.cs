using YamlDotNet.RepresentationModel;

namespace TenantScanner.Tests.RuleFixtures.Runner;

/// <summary>A fixture data file that cannot be used as written; the message names the file, line and column.</summary>
internal sealed class FixtureFormatException(string message) : Exception(message)
{
    public static FixtureFormatException At(string file, YamlNode node, string message) =>
        new($"{file}:{node.Start.Line}:{node.Start.Column}: {message}");
}
