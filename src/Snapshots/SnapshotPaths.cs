namespace TenantScanner.Snapshots;

/// <summary>
/// Validates the relative, '/'-separated paths a manifest names. Every snapshot source applies the same
/// check so that a manifest can never point at a file outside its snapshot, whatever stores the files.
/// </summary>
public static class SnapshotPaths
{
    /// <summary>Returns why <paramref name="relativePath"/> is not a safe snapshot path, or null when it is.</summary>
    public static string? Problem(string? relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath))
            return "the path is empty";
        if (relativePath.Contains('\0'))
            return "the path contains a NUL character";
        // Backslashes are refused rather than translated: on Windows "..\x" would otherwise escape.
        if (relativePath.Contains('\\'))
            return "the path contains '\\' (use '/')";
        if (relativePath.StartsWith('/'))
            return "the path is absolute";
        if (relativePath.Length >= 2 && relativePath[1] == ':' && char.IsAsciiLetter(relativePath[0]))
            return "the path starts with a drive letter";
        if (relativePath.Contains(':'))
            return "the path contains ':' (drive letters and alternate data streams are not allowed)";
        foreach (var segment in relativePath.Split('/'))
        {
            if (segment.Length == 0)
                return "the path has an empty segment";
            if (segment is "." or "..")
                return $"the path contains a '{segment}' segment";
        }
        return null;
    }

    /// <summary>Throws <see cref="SnapshotFormatException"/> when the path is not safe.</summary>
    public static void EnsureSafe(string relativePath, string where)
    {
        if (Problem(relativePath) is { } problem)
            throw new SnapshotFormatException($"{where}: '{relativePath}' leaves the snapshot folder or is not a valid relative path: {problem}.", relativePath);
    }

    /// <summary>The error for a file a source does not have; the manifest itself gets its own wording.</summary>
    /// <param name="where">The snapshot, e.g. "snapshot '/data/snap'" or the embedded tenant's description.</param>
    public static SnapshotFormatException Missing(string relativePath, string where) =>
        relativePath == SnapshotManifest.FileName
            ? new($"{relativePath}: the manifest is missing from {where}; a snapshot folder has a manifest.json at its top (see docs/snapshot-format.md).", relativePath)
            : new($"{relativePath}: file listed in the manifest is missing from {where}.", relativePath);
}
