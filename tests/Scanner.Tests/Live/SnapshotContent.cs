using System.Text.Json;
using System.Text.Json.Nodes;
using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Tests.Live;

/// <summary>
/// What a snapshot says, independent of how it was fetched: per request (source, host, environment,
/// object ids) the concatenated list items of its successful pages, batch sub-responses included.
/// </summary>
public static class SnapshotContent
{
    public static SortedDictionary<string, List<string>> Read(string folder)
    {
        var manifest = JsonSerializer.Deserialize<SnapshotManifest>(File.ReadAllBytes(Path.Combine(folder, SnapshotManifest.FileName)))!;
        var content = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entry in manifest.Entries)
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, entry.File));
            Assert.Equal(entry.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
            using var document = JsonDocument.Parse(bytes);
            if (entry.Batch is { } batch)
            {
                var urls = batch.ToDictionary(b => b.Id, b => b.Url);
                foreach (var response in document.RootElement.GetProperty("responses").EnumerateArray())
                {
                    if (urls.TryGetValue(response.GetProperty("id").ToString(), out var url) && response.GetProperty("status").GetInt32() is >= 200 and < 300)
                        Add(content, url, response.GetProperty("body"));
                }
            }
            else if (entry.Status is >= 200 and < 300)
            {
                Add(content, entry.Url, document.RootElement);
            }
        }
        return content;
    }

    private static void Add(SortedDictionary<string, List<string>> content, string url, JsonElement body)
    {
        var route = SourceRoutes.Match(url);
        if (route is null)
            return;
        if (!content.TryGetValue(route.RequestKey, out var items))
            content[route.RequestKey] = items = [];
        if (body.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array)
            items.AddRange(value.EnumerateArray().Select(Normalize));
        else
            items.Add(Normalize(body));
    }

    private static string Normalize(JsonElement item) => JsonNode.Parse(item.GetRawText())!.ToJsonString();
}
