using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Secrets;

/// <summary>
/// Turns the command's PATH arguments into documents, lazily, as the scan asks for them: JSON files (flow exports,
/// definitions, Dataverse rows), solution XML files, solution packages (<c>.zip</c>, read in memory entry by entry,
/// never extracted; <see cref="ZipInputReader"/>) and folders (recursively, e.g. an unpacked solution;
/// <see cref="FolderWalker"/>). Only regular files are opened: a FIFO or a device named in a folder is skipped
/// (opening a FIFO blocks until something writes to it; <c>/dev/zero</c> never ends). A file reached twice (through
/// a link, or named twice) is scanned once. Paths that cannot be read become errors, what a limit keeps out
/// becomes a skip (<see cref="SecretScanLog"/>); neither stops the scan. Every name shown is escaped
/// (<see cref="DisplayText"/>).
/// </summary>
public sealed class SecretInputCollector
{
    private readonly string _workingFolder;
    private readonly SecretScanLimits _limits;
    private readonly FolderWalker _walker;

    public SecretInputCollector(string workingFolder, SecretScanLimits limits)
        : this(workingFolder, limits, FolderWalker.RealListing)
    {
    }

    /// <param name="listFolder">Lists one folder (tests make a folder unlistable through it).</param>
    internal SecretInputCollector(string workingFolder, SecretScanLimits limits, Func<DirectoryInfo, IEnumerable<FileSystemInfo>> listFolder)
    {
        _workingFolder = workingFolder;
        _limits = limits;
        _walker = new FolderWalker(listFolder);
    }

    public IEnumerable<SecretScanInput> Collect(IEnumerable<string> paths, SecretScanLog log)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            switch (FileKinds.Of(path, followLinks: true))
            {
                case FileKind.Directory:
                    foreach (var file in _walker.CandidateFiles(path, IsCandidate, Display, log))
                    {
                        foreach (var input in FileInputs(file, explicitlyNamed: false, seen, log))
                            yield return input;
                    }
                    break;
                case FileKind.Missing:
                    log.Error(Display(path), "no such file or folder");
                    break;
                case FileKind.Special:
                    log.Error(Display(path), "not a regular file (a FIFO, socket or device); not read");
                    break;
                default:
                    foreach (var input in FileInputs(path, explicitlyNamed: true, seen, log))
                        yield return input;
                    break;
            }
        }
    }

    private IEnumerable<SecretScanInput> FileInputs(string path, bool explicitlyNamed, HashSet<string> seen, SecretScanLog log)
    {
        var display = Display(path);
        var kind = FileKinds.Of(path, followLinks: true);
        if (kind == FileKind.Special)
        {
            log.Skip(display, SkipReason.NotRegularFile, "not a regular file (a FIFO, socket or device); not read");
            yield break;
        }
        if (kind == FileKind.Missing)
        {
            log.Error(display, "cannot read: the file disappeared or cannot be reached");
            yield break;
        }
        if (!seen.Add(Identity(path)))
            yield break;
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var input in new ZipInputReader(_limits, log).Read(path, display, Unescaped(path)))
                yield return input;
            yield break;
        }
        if (FormatOf(path, explicitlyNamed) is not { } format)
            yield break;
        var limit = _limits.MaxFileBytes;
        yield return new SecretScanInput(display, format, () => ReadFile(path, limit)) { ArtifactPath = Unescaped(path) };
    }

    /// <summary>The file a path finally names, so that a file reached through a link, or named twice, is scanned once.</summary>
    private static string Identity(string path)
    {
        var file = new FileInfo(path);
        try
        {
            return file.Attributes.HasFlag(FileAttributes.ReparsePoint) ? file.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file.FullName : file.FullName;
        }
        catch (IOException)
        {
            return file.FullName;
        }
    }

    /// <summary>Reads on the scanning thread, never more than the limit (a file may grow after it was listed).</summary>
    private static byte[] ReadFile(string path, long limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        var length = stream.Length;
        if (length > limit)
            throw new SecretInputSkippedException(SkipReason.TooLarge, $"{length:N0} bytes, over --max-file-size ({limit:N0} bytes); not read");
        return BoundedRead.ReadAtMost(stream, limit, length)
            ?? throw new SecretInputSkippedException(SkipReason.TooLarge, $"grew past --max-file-size ({limit:N0} bytes) while it was read; not scanned");
    }

    private static bool IsCandidate(string name) =>
        name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || FormatOf(name, explicitlyNamed: false) is not null;

    /// <summary>JSON anywhere; XML only where solutions keep values (environment variables, customizations.xml), or when named explicitly.</summary>
    internal static SecretInputFormat? FormatOf(string path, bool explicitlyNamed)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return SecretInputFormat.Json;
        if (!name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            return null;
        return explicitlyNamed
            || name.Equals("environmentvariabledefinition.xml", StringComparison.OrdinalIgnoreCase)
            || name.Equals("customizations.xml", StringComparison.OrdinalIgnoreCase)
            ? SecretInputFormat.Xml
            : null;
    }

    /// <summary>An exception's message for a report: system messages quote paths, and a path can hold escape sequences.</summary>
    internal static string Reason(Exception e) => DisplayText.Escape(e.Message.TrimEnd('.'));

    /// <summary>The path as reports show it: relative to the working folder when inside it, forward slashes, escaped.</summary>
    private string Display(string path) => DisplayText.Escape(Unescaped(path));

    private string Unescaped(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(_workingFolder, full);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
        return shown.Replace('\\', '/');
    }
}
