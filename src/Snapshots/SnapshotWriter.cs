using System.Security.Cryptography;

namespace TenantScanner.Snapshots;

/// <summary>
/// The one way a snapshot folder is written (live collection, the tenant generator, the benchmark and
/// the test builders): every response body byte for byte with its manifest entry, then
/// <c>manifest.json</c>. Everything goes into <c>{out}.partial-{guid}</c>, which <see cref="Complete"/>
/// renames to <c>{out}</c> after writing the manifest through a temporary file, so a folder named
/// <c>{out}</c> is always a complete snapshot and an interrupted run leaves none. Record and the other
/// members are thread-safe.
/// </summary>
public sealed class SnapshotWriter : IDisposable
{
    private const string ManifestTemporaryName = SnapshotManifest.FileName + ".tmp";

    private readonly object _gate = new();
    private readonly List<ManifestEntry> _entries = [];
    private readonly List<CoverageGap> _coverage = [];
    // Case-insensitive: two names that differ only in case are one file on Windows and macOS.
    private readonly HashSet<string> _files = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;
    private int _sequence;
    private long _bytesWritten;
    private bool _completing;
    private bool _manifestWritten;

    /// <summary>Starts a snapshot that will become <paramref name="outputFolder"/>, which must not exist yet.</summary>
    /// <exception cref="SnapshotOutputException">The folder (or a file of that name) already exists.</exception>
    public SnapshotWriter(string outputFolder, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        _time = time ?? TimeProvider.System;
        OutputFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder));
        if (Directory.Exists(OutputFolder) || File.Exists(OutputFolder))
            throw new SnapshotOutputException($"The output folder '{outputFolder}' already exists; choose a new folder for each snapshot.");
        PartialFolder = $"{OutputFolder}.partial-{Guid.NewGuid():N}";
        Directory.CreateDirectory(PartialFolder);
        StartedAt = _time.GetUtcNow();
    }

    /// <summary>The complete snapshot's folder, once <see cref="Complete"/> has run.</summary>
    public string OutputFolder { get; }

    /// <summary>Where files are written until <see cref="Complete"/>.</summary>
    public string PartialFolder { get; }

    /// <summary>The writer's clock when it was created; the manifest's <c>collectedAt</c> unless <see cref="Complete"/> is given one.</summary>
    public DateTimeOffset StartedAt { get; }

    public IReadOnlyList<CoverageGap> Coverage { get { lock (_gate) return [.. _coverage]; } }

    public IReadOnlyList<ManifestEntry> Entries { get { lock (_gate) return [.. _entries]; } }

    /// <summary>Response files written so far.</summary>
    public int FileCount { get { lock (_gate) return _entries.Count; } }

    /// <summary>Bytes of every file written so far, the manifest included once it is written.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Stores one response body exactly as received under a path derived from its URL's route.</summary>
    public ManifestEntry Record(string method, string canonicalUrl, int status, byte[] body, IReadOnlyList<BatchRequestInfo>? batch = null) =>
        Record(new RecordedResponse { Method = method, Url = canonicalUrl, Status = status, Body = body, Batch = batch });

    /// <summary>Stores one response body exactly as received and adds its manifest entry; returns the entry.</summary>
    /// <exception cref="ArgumentException">An explicit <see cref="RecordedResponse.File"/> is not a safe relative path, or names the manifest.</exception>
    /// <exception cref="InvalidOperationException">The file was already recorded, or the snapshot is complete.</exception>
    public ManifestEntry Record(RecordedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.File is { } explicitFile)
            EnsureWritable(explicitFile);
        string relative;
        lock (_gate)
        {
            if (_completing)
                throw new InvalidOperationException($"The snapshot '{OutputFolder}' is already complete; '{response.Url}' cannot be added to it.");
            relative = response.File ?? DerivedPath(response.Url, ++_sequence);
            if (!_files.Add(relative))
                throw new InvalidOperationException($"'{relative}' is recorded twice in snapshot '{OutputFolder}'.");
        }
        // Written outside the lock so parallel collectors do not queue behind each other's disk writes. Pages
        // of one request stay in order: a page is requested only after the previous one was recorded.
        var path = Path.Combine(PartialFolder, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, response.Body.Span);
        Interlocked.Add(ref _bytesWritten, response.Body.Length);
        var entry = new ManifestEntry
        {
            File = relative,
            Method = response.Method,
            Url = response.Url,
            Status = response.Status,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(response.Body.Span)),
            CollectedAt = response.CollectedAt ?? _time.GetUtcNow(),
            Batch = response.Batch,
        };
        lock (_gate)
            _entries.Add(entry);
        return entry;
    }

    /// <summary>Lists a source (optionally in one environment) that could not be read.</summary>
    public void AddCoverageGap(CoverageGap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        lock (_gate)
            _coverage.Add(gap);
    }

    /// <summary>
    /// Writes manifest.json (through a temporary file and a rename) and renames the partial folder to the
    /// output folder; returns the output folder. <paramref name="collectedAt"/> defaults to <see cref="StartedAt"/>.
    /// </summary>
    /// <exception cref="SnapshotOutputException">The snapshot is complete but could not be moved into place; it stays in <see cref="PartialFolder"/>.</exception>
    public string Complete(string tenantId, string? tenantDisplayName, ToolInfo tool, DateTimeOffset? collectedAt = null)
    {
        SnapshotManifest manifest;
        lock (_gate)
        {
            if (_completing)
                throw new InvalidOperationException($"The snapshot '{OutputFolder}' is already complete.");
            _completing = true;
            manifest = new SnapshotManifest
            {
                FormatVersion = SnapshotManifest.CurrentFormatVersion,
                TenantId = tenantId,
                TenantDisplayName = tenantDisplayName,
                CollectedAt = collectedAt ?? StartedAt,
                Tool = tool,
                Entries = [.. _entries],
                Coverage = [.. _coverage],
            };
        }
        WriteManifest(ManifestJson.Serialize(manifest));
        _manifestWritten = true;
        try
        {
            Directory.Move(PartialFolder, OutputFolder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SnapshotOutputException(
                $"The snapshot is complete in '{PartialFolder}' but could not be moved to '{OutputFolder}': {ex.Message}", ex);
        }
        return OutputFolder;
    }

    /// <summary>An abandoned snapshot (no manifest written) removes its partial folder; a written one is kept.</summary>
    public void Dispose()
    {
        if (_manifestWritten || !Directory.Exists(PartialFolder))
            return;
        try
        {
            Directory.Delete(PartialFolder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Leave it: the .partial- name already says it is incomplete.
        }
    }

    private void WriteManifest(byte[] json)
    {
        var temporary = Path.Combine(PartialFolder, ManifestTemporaryName);
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(json);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, Path.Combine(PartialFolder, SnapshotManifest.FileName));
        Interlocked.Add(ref _bytesWritten, json.Length);
    }

    private static void EnsureWritable(string relativePath)
    {
        if (SnapshotPaths.Problem(relativePath) is { } problem)
            throw new ArgumentException($"'{relativePath}' is not a valid snapshot path: {problem}.", nameof(relativePath));
        if (relativePath.Equals(SnapshotManifest.FileName, StringComparison.OrdinalIgnoreCase)
            || relativePath.Equals(ManifestTemporaryName, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"'{relativePath}' is reserved for the manifest.", nameof(relativePath));
    }

    /// <summary>
    /// <c>{service}/{id}-{n}.json</c>, with the environment, Dataverse organisation or vault as a folder
    /// between; <c>other/response-{n}.json</c> for a URL no route knows. The loader never reads these names.
    /// </summary>
    private static string DerivedPath(string url, int sequence)
    {
        var route = SourceRoutes.Match(url);
        if (route is null)
            return $"other/response-{sequence:D5}.json";
        var source = route.Source;
        var service = source.Id.Split('.')[0];
        var scope = route.EnvironmentId ?? (source.Service is SourceService.Dataverse or SourceService.KeyVault ? route.Host : null);
        var folder = scope is null ? service : $"{service}/{Sanitize(scope)}";
        return $"{folder}/{source.Id}-{sequence:D5}.json";
    }

    /// <summary>
    /// A folder name from a service-given value. A name of dots only is none at all on Windows (trailing dots
    /// are dropped) and "." or ".." would leave the folder, so dots-only names become '_'s.
    /// </summary>
    private static string Sanitize(string value)
    {
        var name = string.Concat(value.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_'));
        return name.All(c => c == '.') ? new string('_', name.Length) : name;
    }
}
