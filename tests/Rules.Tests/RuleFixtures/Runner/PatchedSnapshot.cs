using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using TenantScanner.Snapshots;

namespace TenantScanner.Tests.RuleFixtures.Runner;

/// <summary>
/// A snapshot folder with a case's edits applied, held in memory: patched files are re-serialised and every
/// manifest entry gets the SHA-256 of its (possibly patched) file, so the loader checks it like any snapshot.
/// </summary>
internal static class PatchedSnapshot
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static ISnapshotSource Build(string folder, IEnumerable<SnapshotEdit> edits)
    {
        var manifest = JsonNode.Parse(File.ReadAllBytes(Path.Combine(folder, SnapshotManifest.FileName)))!.AsObject();
        var bytes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var documents = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var entry in Entries(manifest))
            bytes[FileOf(entry)] = File.ReadAllBytes(Path.Combine(folder, FileOf(entry).Replace('/', Path.DirectorySeparatorChar)));

        foreach (var edit in edits)
        {
            foreach (var (file, operations) in edit.Patches)
            {
                if (file == SnapshotManifest.FileName)
                {
                    manifest = operations.Aggregate<JsonPatchOperation, JsonNode?>(manifest, JsonPatch.Apply)?.AsObject()
                        ?? throw new FixtureFormatException($"{operations[0].Where}: the manifest must stay an object");
                    continue;
                }
                var document = documents.TryGetValue(file, out var parsed) ? parsed
                    : bytes.TryGetValue(file, out var raw) ? JsonNode.Parse(raw) : null;
                documents[file] = operations.Aggregate(document, JsonPatch.Apply);
            }
            foreach (var (file, status) in edit.HttpStatus)
            {
                EntryOf(manifest, file)["status"] = status;
                documents[file] = new JsonObject
                {
                    ["error"] = new JsonObject { ["code"] = ErrorCode(status), ["message"] = "refused in a rule fixture" },
                };
            }
            foreach (var file in edit.NotCollected)
            {
                var entry = EntryOf(manifest, file);
                manifest["entries"]!.AsArray().Remove(entry);
            }
        }

        foreach (var (file, document) in documents)
            bytes[file] = JsonSerializer.SerializeToUtf8Bytes(document, Indented);
        var listed = Entries(manifest).Select(FileOf).ToHashSet(StringComparer.Ordinal);
        foreach (var file in documents.Keys.Where(f => !listed.Contains(f)))
            throw new FixtureFormatException($"{file} is patched but no manifest entry lists it (add one with a manifest.json patch, or check the name)");
        foreach (var entry in Entries(manifest))
        {
            var content = bytes.GetValueOrDefault(FileOf(entry))
                ?? throw new FixtureFormatException($"the manifest lists '{FileOf(entry)}' but no such file exists (create it with an add at path \"\")");
            entry["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content));
        }
        bytes[SnapshotManifest.FileName] = JsonSerializer.SerializeToUtf8Bytes(manifest, Indented);
        return new InMemorySnapshotSource(bytes, $"known-good tenant patched ({folder})");
    }

    private static IEnumerable<JsonObject> Entries(JsonObject manifest) =>
        manifest["entries"]?.AsArray().OfType<JsonObject>() ?? [];

    private static string FileOf(JsonObject entry) => entry["file"]?.GetValue<string>() ?? "";

    private static JsonObject EntryOf(JsonObject manifest, string file) =>
        Entries(manifest).FirstOrDefault(e => FileOf(e) == file)
        ?? throw new FixtureFormatException($"no manifest entry lists '{file}'; files: {string.Join(", ", Entries(manifest).Select(FileOf))}");

    private static string ErrorCode(int status) => status switch
    {
        401 => "InvalidAuthenticationToken",
        403 => "Authorization_RequestDenied",
        404 => "NotFound",
        429 => "TooManyRequests",
        _ => "ServiceError",
    };
}

/// <summary>Serves a snapshot's files from memory.</summary>
internal sealed class InMemorySnapshotSource(IReadOnlyDictionary<string, byte[]> files, string description) : ISnapshotSource
{
    public string Description => description;

    public Stream Open(string relativePath) => files.TryGetValue(relativePath, out var content)
        ? new MemoryStream(content, writable: false)
        : throw new SnapshotFormatException($"{relativePath}: file listed in the manifest is missing from {description}.", relativePath);
}
