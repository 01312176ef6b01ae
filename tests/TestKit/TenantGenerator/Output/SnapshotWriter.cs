using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TenantScanner.Snapshots;

namespace TenantScanner.TestKit.TenantGenerator.Output;

/// <summary>
/// Writes the files of a snapshot one response body at a time, records each in the manifest with its
/// SHA-256, and writes <c>manifest.json</c> last (atomically), so a folder with a manifest is always
/// complete. Only the manifest entries stay in memory.
/// </summary>
internal sealed class SnapshotWriter
{
    /// <summary>Real services send UTF-8 without escaping 'ë' or '山'; so do we, which keeps the demo readable.</summary>
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        Encoder = Encoder,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new UtcTimestampConverter() },
        NewLine = "\n",
    };

    private readonly string _folder;
    private readonly bool _indented;
    private readonly List<ManifestEntry> _entries = [];
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);
    private DateTimeOffset _clock;

    public SnapshotWriter(string folder, DateTimeOffset collectedAt, bool indented)
    {
        _folder = Path.GetFullPath(folder);
        _clock = collectedAt;
        _indented = indented;
        Directory.CreateDirectory(_folder);
    }

    public int FileCount => _entries.Count;

    public long TotalBytes { get; private set; }

    /// <summary>Writes one response body and records it. <paramref name="relativePath"/> uses '/'.</summary>
    public void WriteResponse(string relativePath, string url, JsonNode body, string method = "GET", int status = 200)
    {
        if (SourceRoutes.Match(url) is null)
            throw new InvalidOperationException($"Generator bug: '{url}' (for {relativePath}) matches no source route.");
        if (!_files.Add(relativePath))
            throw new InvalidOperationException($"Generator bug: '{relativePath}' is written twice.");

        var bytes = Serialize(body);
        var path = Path.Combine(_folder, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        TotalBytes += bytes.Length;

        // Collection takes time; spacing the entries 120 ms apart keeps their times realistic and ordered.
        _clock = _clock.AddMilliseconds(120);
        _entries.Add(new ManifestEntry
        {
            File = relativePath,
            Method = method,
            Url = url,
            Status = status,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            CollectedAt = _clock,
        });
    }

    /// <summary>Writes <c>manifest.json</c> through a temporary file and a rename.</summary>
    public void Complete(string tenantId, string tenantDisplayName, DateTimeOffset collectedAt, IReadOnlyList<CoverageGap> coverage)
    {
        var manifest = new SnapshotManifest
        {
            FormatVersion = SnapshotManifest.CurrentFormatVersion,
            TenantId = tenantId,
            TenantDisplayName = tenantDisplayName,
            CollectedAt = collectedAt,
            Tool = new ToolInfo("tenant-generator", "0.1.0"),
            Entries = _entries,
            Coverage = coverage,
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson);
        var target = Path.Combine(_folder, SnapshotManifest.FileName);
        var temp = target + ".tmp";
        File.WriteAllBytes(temp, [.. bytes, (byte)'\n']);
        File.Move(temp, target, overwrite: true);
        TotalBytes += bytes.Length + 1;
    }

    private byte[] Serialize(JsonNode body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = _indented, Encoder = Encoder, NewLine = "\n" }))
            body.WriteTo(writer);
        if (_indented)
            buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
