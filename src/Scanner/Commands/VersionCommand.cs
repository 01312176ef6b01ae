using System.CommandLine;

namespace TenantScanner.Cli.Commands;

/// <summary><c>scanner version</c>: prints the tool version (also recorded in every scan.json).</summary>
public sealed class VersionCommand : ICliCommand
{
    public static string ToolVersion { get; } =
        typeof(VersionCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public const string ToolName = "tenant-scanner";

    public Command Build()
    {
        var command = new Command("version", "Print the scanner's version.");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine($"{ToolName} {ToolVersion}");
            return ExitCodes.Success;
        });
        return command;
    }
}
