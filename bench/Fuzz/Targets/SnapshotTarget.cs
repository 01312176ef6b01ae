using TenantScanner.Inventory.Loading;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using TenantScanner.Inventory;
using TenantScanner.Snapshots;

namespace TenantScanner.Fuzz.Targets;

/// <summary>
/// The snapshot loader on the demo tenant with one file mutated. When a response file is mutated its SHA-256 in
/// the manifest is updated, so the mutation reaches the page readers instead of stopping at the hash check.
/// <see cref="SnapshotFormatException"/> is the only refusal allowed.
/// </summary>
internal sealed class SnapshotTarget(IReadOnlyDictionary<string, byte[]> demoTenant) : IFuzzTarget
{
    private readonly string[] _files = [.. demoTenant.Keys.Where(k => k != SnapshotManifest.FileName).Order(StringComparer.Ordinal)];
    private string _mutated = SnapshotManifest.FileName;

    public string Name => "snapshot";

    /// <summary>Picks the file this round mutates: the manifest one time in five, else a response file.</summary>
    public byte[] Seed(Random random)
    {
        _mutated = random.Next(5) == 0 ? SnapshotManifest.FileName : _files[random.Next(_files.Length)];
        return demoTenant[_mutated];
    }

    public void Run(byte[] input)
    {
        var files = new Dictionary<string, byte[]>(demoTenant, StringComparer.Ordinal) { [_mutated] = input };
        if (_mutated != SnapshotManifest.FileName)
            files[SnapshotManifest.FileName] = Rehashed(demoTenant[SnapshotManifest.FileName], _mutated, input);
        InventoryLoader.Load(new MemorySource(files));
    }

    public bool IsDocumented(Exception exception) => exception is SnapshotFormatException;

    /// <summary>Prefix of the saved input's name: which file of the demo tenant it replaces.</summary>
    public string Describe() => _mutated.Replace('/', '_');

    private static byte[] Rehashed(byte[] manifest, string file, byte[] content)
    {
        var root = JsonNode.Parse(manifest)!;
        foreach (var entry in root["entries"]!.AsArray())
        {
            if ((string?)entry!["file"] == file)
                entry["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content));
        }
        return System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private sealed class MemorySource(Dictionary<string, byte[]> files) : ISnapshotSource
    {
        public string Description => "fuzzed demo tenant";

        public Stream Open(string relativePath)
        {
            SnapshotPaths.EnsureSafe(relativePath, Description);
            return files.TryGetValue(relativePath, out var bytes)
                ? new MemoryStream(bytes, writable: false)
                : throw new SnapshotFormatException($"{relativePath}: file listed in the manifest is missing from {Description}.", relativePath);
        }
    }
}
