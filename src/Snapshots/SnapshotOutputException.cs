namespace TenantScanner.Snapshots;

/// <summary>
/// The folder a snapshot should be written to cannot be used (it already exists), or a finished snapshot
/// could not be moved into it. The message names the folder; the CLI maps it to exit code 2.
/// </summary>
public sealed class SnapshotOutputException : Exception
{
    public SnapshotOutputException(string message) : base(message) { }

    public SnapshotOutputException(string message, Exception inner) : base(message, inner) { }

    public SnapshotOutputException() : base("The snapshot output folder cannot be used.") { }
}
