using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Suppressions;
using TenantScanner.Rules.Yaml;

namespace TenantScanner.Cli.Commands;

/// <summary>
/// Reads the YAML files a user names (<c>--rules</c> overlays, <c>--suppressions</c>) and hands their text to the
/// engine, which reads no files. A file that cannot be read is a <see cref="RuleFileException"/> naming it, like a
/// file that cannot be parsed.
/// </summary>
internal static class RuleFiles
{
    /// <exception cref="RuleFileException">The file cannot be read or is not a valid overlay.</exception>
    public static RuleCatalog WithOverlayFile(this RuleCatalog catalog, string path) => catalog.WithOverlayText(path, Read(path));

    /// <exception cref="RuleFileException">The file cannot be read or is not a valid suppressions file.</exception>
    public static SuppressionSet LoadSuppressions(string path) => SuppressionSet.Parse(path, Read(path));

    /// <summary>The file's text; a missing or unreadable file is a <see cref="RuleFileException"/> naming it.</summary>
    public static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuleFileException(path, null, null, $"cannot read the file: {e.Message}");
        }
    }
}
