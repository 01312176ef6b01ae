using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TenantScanner.Inventory;
using TenantScanner.Snapshots;

namespace TenantScanner.Tests.Snapshots;

/// <summary>
/// Writes a small snapshot into a temporary folder: response files plus a manifest.json with correct
/// SHA-256 values. Tests then change one fact (a hash, a path, a body) and load it.
/// </summary>
internal sealed class SnapshotFixture : IDisposable
{
    public const string TenantId = "7d1c1a8e-6a5e-4c43-9d39-5b3b0c7f1e21";
    public const string Graph = "https://graph.microsoft.com/v1.0";
    public const string Bap = "https://api.bap.microsoft.com/providers/Microsoft.BusinessAppPlatform";
    public const string FlowAdmin = "https://api.flow.microsoft.com/providers/Microsoft.ProcessSimple/scopes/admin/environments";
    public const string PowerAppsAdmin = "https://api.powerapps.com/providers/Microsoft.PowerApps/scopes/admin/environments";

    private readonly List<JsonObject> _entries = [];
    private readonly List<JsonObject> _coverage = [];
    private int _counter;

    public SnapshotFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "snapshot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public int FormatVersion { get; set; } = SnapshotManifest.CurrentFormatVersion;

    /// <summary>Adds a response file with its manifest entry; returns the relative file name.</summary>
    public string Add(string url, string body, int status = 200, string method = "GET", string? file = null, JsonArray? batch = null)
    {
        file ??= $"responses/{++_counter:D4}.json";
        WriteFile(file, body);
        var entry = new JsonObject
        {
            ["file"] = file,
            ["method"] = method,
            ["url"] = url,
            ["status"] = status,
            ["sha256"] = Sha256(Encoding.UTF8.GetBytes(body)),
            ["collectedAt"] = "2026-11-27T02:00:03Z",
        };
        if (batch is not null)
            entry["batch"] = batch;
        _entries.Add(entry);
        return file;
    }

    /// <summary>A Graph-style list page.</summary>
    public string AddList(string url, string itemsJson, string? nextLink = null, int status = 200) =>
        Add(url, nextLink is null
            ? $$"""{"value":[{{itemsJson}}]}"""
            : $$"""{"@odata.nextLink":"{{nextLink}}","value":[{{itemsJson}}]}""", status);

    public string AddBatch(string body, params (string Id, string Url)[] requests)
    {
        var batch = new JsonArray([.. requests.Select(r => (JsonNode)new JsonObject { ["id"] = r.Id, ["method"] = "GET", ["url"] = r.Url })]);
        return Add($"{Graph}/$batch", body, method: "POST", batch: batch);
    }

    public void AddGap(string source, string? environmentId = null, int? status = 403, string error = "Forbidden")
    {
        var gap = new JsonObject { ["source"] = source, ["error"] = error };
        if (environmentId is not null) gap["environmentId"] = environmentId;
        if (status is not null) gap["status"] = status;
        _coverage.Add(gap);
    }

    /// <summary>Edits the last entry added (e.g. to break its hash or path).</summary>
    public JsonObject LastEntry => _entries[^1];

    public void WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(content));
    }

    public string ManifestJson()
    {
        var manifest = new JsonObject
        {
            ["formatVersion"] = FormatVersion,
            ["tenantId"] = TenantId,
            ["tenantDisplayName"] = "Contoso",
            ["collectedAt"] = "2026-11-27T02:00:00Z",
            ["tool"] = new JsonObject { ["name"] = "tests", ["version"] = "1.0" },
            ["entries"] = new JsonArray([.. _entries.Select(e => e.DeepClone())]),
            ["coverage"] = new JsonArray([.. _coverage.Select(c => c.DeepClone())]),
        };
        return manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public LoadedSnapshot Load()
    {
        WriteFile(SnapshotManifest.FileName, ManifestJson());
        return InventoryLoader.Load(new FolderSnapshotSource(Folder));
    }

    public SnapshotFormatException LoadFails() => Assert.Throws<SnapshotFormatException>(() => Load());

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a temp folder left behind is harmless */ }
    }
}
