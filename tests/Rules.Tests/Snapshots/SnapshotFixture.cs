using TenantScanner.Inventory.Loading;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TenantScanner.Inventory;
using TenantScanner.Snapshots;

namespace TenantScanner.Tests.Snapshots;

/// <summary>
/// Writes a small snapshot with the scanner's own <see cref="SnapshotWriter"/> into a temporary folder.
/// Tests then change one fact (a hash, a path, a body, a manifest field) and load it: files can be
/// changed in <see cref="Folder"/> at any time, and manifest edits (<see cref="LastEntry"/>,
/// <see cref="FormatVersion"/>) are applied to the manifest the writer wrote.
/// </summary>
internal sealed class SnapshotFixture : IDisposable
{
    public const string TenantId = "7d1c1a8e-6a5e-4c43-9d39-5b3b0c7f1e21";
    public const string Graph = "https://graph.microsoft.com/v1.0";
    public const string Bap = "https://api.bap.microsoft.com/providers/Microsoft.BusinessAppPlatform";
    public const string FlowAdmin = "https://api.flow.microsoft.com/providers/Microsoft.ProcessSimple/scopes/admin/environments";
    public const string PowerAppsAdmin = "https://api.powerapps.com/providers/Microsoft.PowerApps/scopes/admin/environments";

    private static readonly DateTimeOffset CollectedAt = DateTimeOffset.Parse("2026-11-27T02:00:00Z", CultureInfo.InvariantCulture);
    private static readonly DateTimeOffset EntryCollectedAt = CollectedAt.AddSeconds(3);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "snapshot-tests", Guid.NewGuid().ToString("N"));
    private readonly SnapshotWriter _writer;
    /// <summary>Manifest entries handed out by <see cref="LastEntry"/> (by index), which replace the written ones.</summary>
    private readonly Dictionary<int, JsonObject> _editedEntries = [];
    private string? _writtenManifest;
    private int _counter;

    public SnapshotFixture() => _writer = new SnapshotWriter(Path.Combine(_root, "snapshot"));

    /// <summary>The writer's partial folder until the manifest is written (by <see cref="Load"/> or <see cref="ManifestJson"/>), then the snapshot folder.</summary>
    public string Folder => _writtenManifest is null ? _writer.PartialFolder : _writer.OutputFolder;

    /// <summary>Written into the manifest in place of the current version, to test refusals.</summary>
    public int FormatVersion { get; set; } = SnapshotManifest.CurrentFormatVersion;

    /// <summary>Records a response file with its manifest entry; returns the relative file name.</summary>
    public string Add(string url, string body, int status = 200, string method = "GET", string? file = null, IReadOnlyList<BatchRequestInfo>? batch = null)
    {
        file ??= $"responses/{++_counter:D4}.json";
        _writer.Record(new RecordedResponse
        {
            File = file, Method = method, Url = url, Status = status, Body = Encoding.UTF8.GetBytes(body), Batch = batch, CollectedAt = EntryCollectedAt,
        });
        return file;
    }

    /// <summary>A Graph-style list page.</summary>
    public string AddList(string url, string itemsJson, string? nextLink = null, int status = 200) =>
        Add(url, nextLink is null
            ? $$"""{"value":[{{itemsJson}}]}"""
            : $$"""{"@odata.nextLink":"{{nextLink}}","value":[{{itemsJson}}]}""", status);

    public string AddBatch(string body, params (string Id, string Url)[] requests) =>
        Add($"{Graph}/$batch", body, method: "POST", batch: [.. requests.Select(r => new BatchRequestInfo(r.Id, "GET", r.Url))]);

    public void AddGap(string source, string? environmentId = null, int? status = 403, string error = "Forbidden") =>
        _writer.AddCoverageGap(new CoverageGap { Source = source, EnvironmentId = environmentId, Status = status, Error = error });

    /// <summary>The last entry recorded, as JSON to edit (e.g. to break its hash or path); the edit lands in the manifest.</summary>
    public JsonObject LastEntry
    {
        get
        {
            var index = _writer.FileCount - 1;
            if (!_editedEntries.TryGetValue(index, out var entry))
                _editedEntries[index] = entry = JsonSerializer.SerializeToNode(_writer.Entries[index], TenantScanner.Snapshots.ManifestJson.Options)!.AsObject();
            return entry;
        }
    }

    public void WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(content));
    }

    /// <summary>Completes the snapshot on first use; returns the manifest with the tests' edits applied.</summary>
    public string ManifestJson()
    {
        if (_writtenManifest is null)
        {
            _writer.Complete(TenantId, "Contoso", new ToolInfo("tests", "1.0"), CollectedAt);
            _writtenManifest = File.ReadAllText(Path.Combine(_writer.OutputFolder, SnapshotManifest.FileName));
        }
        if (_editedEntries.Count == 0 && FormatVersion == SnapshotManifest.CurrentFormatVersion)
            return _writtenManifest;
        var manifest = JsonNode.Parse(_writtenManifest)!.AsObject();
        manifest["formatVersion"] = FormatVersion;
        var entries = manifest["entries"]!.AsArray();
        foreach (var (index, entry) in _editedEntries)
            entries[index] = entry.DeepClone();
        return manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public LoadedSnapshot Load()
    {
        var manifest = ManifestJson();
        if (!ReferenceEquals(manifest, _writtenManifest))
            WriteFile(SnapshotManifest.FileName, manifest);
        return InventoryLoader.Load(new FolderSnapshotSource(Folder));
    }

    public SnapshotFormatException LoadFails() => Assert.Throws<SnapshotFormatException>(() => Load());

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public void Dispose()
    {
        _writer.Dispose();
        try { Directory.Delete(_root, recursive: true); }
        catch (DirectoryNotFoundException) { /* nothing was written */ }
        catch (IOException) { /* a temp folder left behind is harmless */ }
    }
}
