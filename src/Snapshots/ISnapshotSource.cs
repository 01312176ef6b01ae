namespace TenantScanner.Snapshots;

/// <summary>
/// Where a snapshot's files come from: a folder on disk, or resources embedded in an assembly (the demo
/// tenant). Paths are the manifest's relative, '/'-separated paths; implementations refuse paths that
/// would leave the snapshot.
/// </summary>
public interface ISnapshotSource
{
    /// <summary>For messages, e.g. the folder path or "embedded demo tenant".</summary>
    string Description { get; }

    /// <summary>Opens a file of the snapshot for reading; <see cref="SnapshotFormatException"/> when it is missing or outside.</summary>
    Stream Open(string relativePath);
}

/// <summary>
/// A snapshot that cannot be used as it is. The message names the file and, where it applies, the
/// line/byte position or the manifest field.
/// </summary>
public sealed class SnapshotFormatException : Exception
{
    public SnapshotFormatException(string message, string? file = null, Exception? inner = null)
        : base(message, inner) => File = file;

    public SnapshotFormatException() : base("The snapshot is not valid.") { }

    public SnapshotFormatException(string message) : base(message) { }

    public SnapshotFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The snapshot file (relative path) at fault, when there is one.</summary>
    public string? File { get; }
}
