using System.Diagnostics.CodeAnalysis;
using TenantScanner.SecretScanning.Catalog;

namespace TenantScanner.Cli.Commands;

/// <summary>
/// Reads the secret pattern catalog a user names with <c>--patterns</c> (<c>scanner secrets</c>, <c>scanner scan</c>).
/// The secret library reads no files: the CLI reads the text, and every complaint names the file (and the line
/// and column when the text is at fault).
/// </summary>
internal static class SecretPatternFiles
{
    /// <param name="path">The patterns file; null for the built-in secret-patterns.yaml.</param>
    /// <param name="error">Why the file cannot be used, for an <c>error:</c> line; null on success.</param>
    public static bool TryLoad(string? path, [NotNullWhen(true)] out SecretPatternCatalog? catalog, [NotNullWhen(false)] out string? error)
    {
        catalog = null;
        error = null;
        if (path is null)
        {
            catalog = SecretPatternCatalog.LoadDefault();
            return true;
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read patterns file {path}: {e.Message}";
            return false;
        }
        try
        {
            catalog = SecretPatternCatalog.Parse(text, path);
            return true;
        }
        catch (SecretCatalogException e)
        {
            error = e.Message;
            return false;
        }
    }
}
