namespace TenantScanner.Cli.Secrets;

/// <summary>How a file's content is read for secrets.</summary>
public enum SecretInputFormat
{
    Json,
    /// <summary>Solution XML (environment variable definitions, customizations.xml): element text and attributes.</summary>
    Xml,
}

/// <summary>
/// One document to scan. <see cref="DisplayPath"/> is what reports show: a path relative to the working
/// folder (forward slashes), or <c>solution.zip!/Workflows/x.json</c> for a zip entry.
/// </summary>
public sealed record SecretScanInput(string DisplayPath, SecretInputFormat Format, Func<byte[]> Read)
{
    /// <summary>For a zip entry: the zip's own display path (SARIF points at it); otherwise <see cref="DisplayPath"/>.</summary>
    public string ArtifactPath { get; init; } = DisplayPath;

    /// <summary>For a zip entry: the entry name inside the zip.</summary>
    public string? ArchiveEntry { get; init; }
}
