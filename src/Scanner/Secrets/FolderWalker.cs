using System.Security;
using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Secrets;

/// <summary>
/// Lists the candidate files under a folder without following symbolic links to folders: followed, a link can
/// loop back into the tree (<c>ln -s . loop</c> made the old recursive listing report one file 41 times, and two
/// links pointing at each other ran until memory ran out) or lead out of it. Such links are reported as skipped.
/// A folder that cannot be listed is an error naming it, and its siblings are still listed. Files come back in
/// ordinal order of their full paths, as before.
/// </summary>
/// <param name="listFolder">Lists one folder's entries. The seam exists for tests: a root user can read a folder
/// whose permissions are 000, so tests make a folder unlistable through it; everything else is the real path.</param>
internal sealed class FolderWalker(Func<DirectoryInfo, IEnumerable<FileSystemInfo>> listFolder)
{
    public static readonly Func<DirectoryInfo, IEnumerable<FileSystemInfo>> RealListing =
        folder => folder.EnumerateFileSystemInfos("*", new EnumerationOptions
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = false,
            AttributesToSkip = 0, // hidden files are scanned too
            ReturnSpecialDirectories = false,
        });

    /// <param name="isCandidate">Whether a file name is worth scanning (only those are checked and reported).</param>
    /// <param name="display">How paths appear in messages.</param>
    public IReadOnlyList<string> CandidateFiles(string root, Func<string, bool> isCandidate, Func<string, string> display, SecretScanLog log)
    {
        var files = new List<string>();
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(root));
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            if (List(folder, display, log) is not { } entries)
                continue;
            foreach (var entry in entries)
            {
                // Attributes come with the listing (no system call); LinkTarget would read the link for every entry.
                var isLink = entry.Attributes.HasFlag(FileAttributes.ReparsePoint);
                if (entry is DirectoryInfo subfolder)
                {
                    if (!isLink)
                        pending.Push(subfolder);
                    else
                        log.Skip(display(subfolder.FullName), SkipReason.LinkNotFollowed,
                            "symbolic link to a folder; not followed (it could loop back into the tree or lead out of it)");
                }
                else if (isCandidate(entry.Name))
                {
                    var target = isLink ? FileKinds.Of(entry.FullName, followLinks: true) : FileKind.RegularFile;
                    if (target == FileKind.Missing)
                        log.Skip(display(entry.FullName), SkipReason.LinkNotFollowed, "symbolic link to nothing that can be read; not followed");
                    else if (target == FileKind.Directory)
                        log.Skip(display(entry.FullName), SkipReason.LinkNotFollowed, "symbolic link to a folder; not followed");
                    else
                        files.Add(entry.FullName); // a FIFO or device is told apart where every file is opened
                }
            }
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private List<FileSystemInfo>? List(DirectoryInfo folder, Func<string, string> display, SecretScanLog log)
    {
        try
        {
            return [.. listFolder(folder)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException)
        {
            log.Error(display(folder.FullName), $"cannot list folder: {SecretInputCollector.Reason(e)}; its files were not scanned");
            return null;
        }
    }
}
