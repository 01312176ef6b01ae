namespace TenantScanner.Snapshots;

/// <summary>
/// A snapshot stored as a folder on disk. Refuses paths that leave the folder: '..' segments, absolute
/// paths, drive letters, and symbolic links (file or directory) whose target lies outside the folder.
/// </summary>
public sealed class FolderSnapshotSource : ISnapshotSource
{
    private readonly string _root;
    private readonly string _realRoot;
    // Directories already checked: snapshots hold thousands of files in a few folders. Concurrent
    // because a source may serve parallel readers (the fake tenant answers requests in parallel).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _checkedDirectories = new(StringComparer.Ordinal);

    public FolderSnapshotSource(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!Directory.Exists(_root))
            throw new SnapshotFormatException($"Snapshot folder '{folder}' does not exist.");
        // The folder itself may legitimately be reached through a link (e.g. /tmp on some systems).
        _realRoot = Path.TrimEndingDirectorySeparator(RealPath(new DirectoryInfo(_root)));
    }

    public string Description => _root;

    public Stream Open(string relativePath)
    {
        SnapshotPaths.EnsureSafe(relativePath, $"snapshot '{_root}'");
        var segments = relativePath.Split('/');
        var current = _root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            current = Path.Combine(current, segments[i]);
            if (_checkedDirectories.ContainsKey(current))
                continue;
            EnsureNotLinkingOutside(new DirectoryInfo(current), relativePath);
            _checkedDirectories.TryAdd(current, true);
        }
        var file = new FileInfo(Path.Combine(current, segments[^1]));
        if (!file.Exists)
            throw SnapshotPaths.Missing(relativePath, $"snapshot '{_root}'");
        EnsureNotLinkingOutside(file, relativePath);
        // Opening a FIFO blocks until something writes to it, and a device can read without end.
        if (FileKinds.Of(file.FullName, followLinks: true) == FileKind.Special)
            throw new SnapshotFormatException($"{relativePath}: not a regular file (a FIFO, socket or device) in snapshot '{_root}'; it was not read.", relativePath);
        return new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
    }

    private void EnsureNotLinkingOutside(FileSystemInfo info, string relativePath)
    {
        if (!info.Exists || info.LinkTarget is null)
            return;
        if (!IsInside(RealPath(info)))
            throw new SnapshotFormatException(
                $"{relativePath}: a symbolic link in the path points outside snapshot '{_root}'.", relativePath);
    }

    private bool IsInside(string fullPath) =>
        fullPath.StartsWith(_realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) || fullPath == _realRoot;

    private static string RealPath(FileSystemInfo info)
    {
        var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
        var resolved = target?.FullName ?? info.FullName;
        // A parent directory of the link target may itself be a link; resolve it too.
        var parent = Path.GetDirectoryName(resolved);
        if (parent is null)
            return resolved;
        var parentInfo = new DirectoryInfo(parent);
        var realParent = parentInfo.Exists && parentInfo.Parent is not null ? RealPath(parentInfo) : parent;
        return Path.Combine(realParent, Path.GetFileName(resolved));
    }
}
