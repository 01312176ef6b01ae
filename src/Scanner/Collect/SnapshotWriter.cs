using System.Security.Cryptography;
using System.Text.Json;
using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Collect;

/// <summary>
/// Writes a snapshot folder while collection runs: every response body byte for byte, then the manifest.
/// Everything goes into <c>{out}.partial-{guid}</c>, renamed to <c>{out}</c> only by <see cref="Complete"/>,
/// so an interrupted run never leaves a folder that looks like a complete snapshot. Thread-safe.
/// </summary>
public sealed class SnapshotWriter : IDisposable
{
    private readonly object _gate = new();
    private readonly List<ManifestEntry> _entries = [];
    private readonly List<CoverageGap> _coverage = [];
    private readonly TimeProvider _time;
    private readonly string _finalFolder;
    private int _sequence;
    private bool _completed;

    public SnapshotWriter(string outputFolder, TimeProvider time)
    {
        _time = time;
        _finalFolder = Path.GetFullPath(outputFolder);
        if (Directory.Exists(_finalFolder) || File.Exists(_finalFolder))
            throw new CollectConfigurationException($"The output folder '{outputFolder}' already exists; choose a new folder for each snapshot.");
        PartialFolder = $"{_finalFolder}.partial-{Guid.NewGuid():N}";
        Directory.CreateDirectory(PartialFolder);
        StartedAt = time.GetUtcNow();
    }

    /// <summary>Where files are written until <see cref="Complete"/>.</summary>
    public string PartialFolder { get; }

    public DateTimeOffset StartedAt { get; }

    public IReadOnlyList<CoverageGap> Coverage { get { lock (_gate) return [.. _coverage]; } }

    public IReadOnlyList<ManifestEntry> Entries { get { lock (_gate) return [.. _entries]; } }

    /// <summary>Stores one response body exactly as received and adds its manifest entry.</summary>
    public void Record(string method, string canonicalUrl, int status, byte[] body, IReadOnlyList<BatchRequestInfo>? batch = null)
    {
        var route = SourceRoutes.Match(canonicalUrl);
        lock (_gate)
        {
            var relative = $"{FolderFor(route, canonicalUrl)}/{(route?.Kind.ToId() ?? "response")}-{++_sequence:D5}.json";
            var path = Path.Combine(PartialFolder, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, body);
            _entries.Add(new ManifestEntry
            {
                File = relative,
                Method = method,
                Url = canonicalUrl,
                Status = status,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(body)),
                CollectedAt = _time.GetUtcNow(),
                Batch = batch,
            });
        }
    }

    public void AddCoverageGap(CoverageGap gap)
    {
        lock (_gate)
            _coverage.Add(gap);
    }

    /// <summary>Writes manifest.json and renames the partial folder to the output folder.</summary>
    public string Complete(string tenantId, string? tenantDisplayName, ToolInfo tool)
    {
        SnapshotManifest manifest;
        lock (_gate)
        {
            manifest = new SnapshotManifest
            {
                FormatVersion = SnapshotManifest.CurrentFormatVersion,
                TenantId = tenantId,
                TenantDisplayName = tenantDisplayName,
                CollectedAt = StartedAt,
                Tool = tool,
                Entries = [.. _entries],
                Coverage = [.. _coverage],
            };
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson.Options);
        var manifestPath = Path.Combine(PartialFolder, SnapshotManifest.FileName);
        using (var stream = new FileStream(manifestPath, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(json);
            stream.Flush(flushToDisk: true);
        }
        Directory.Move(PartialFolder, _finalFolder);
        _completed = true;
        return _finalFolder;
    }

    /// <summary>An abandoned run removes its partial folder; a completed one leaves the snapshot.</summary>
    public void Dispose()
    {
        if (!_completed && Directory.Exists(PartialFolder))
        {
            try { Directory.Delete(PartialFolder, recursive: true); }
            catch (IOException) { /* leave it: the .partial- name already says it is incomplete */ }
        }
    }

    private static string FolderFor(SourceRoute? route, string url)
    {
        if (route is null)
            return "other";
        var service = route.Kind.ToId().Split('.')[0];
        var scope = route.EnvironmentId ?? (service is "dataverse" or "keyvault" ? route.Host : null);
        return scope is null ? service : $"{service}/{Sanitize(scope)}";
    }

    private static string Sanitize(string value) =>
        string.Concat(value.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_'));
}

/// <summary>Serializer settings for manifest.json: indented, relaxed escaping so URLs stay readable.</summary>
public static class ManifestJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>Bad arguments or configuration for collect: the message names the option, file or field.</summary>
public sealed class CollectConfigurationException : Exception
{
    public CollectConfigurationException(string message) : base(message) { }
    public CollectConfigurationException(string message, Exception inner) : base(message, inner) { }
    public CollectConfigurationException() : base("The collect configuration is not valid.") { }
}
