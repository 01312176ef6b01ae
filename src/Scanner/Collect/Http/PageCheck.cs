using TenantScanner.Inventory.Loading;
using System.Security.Cryptography;
using System.Text.Json;
using TenantScanner.Inventory;
using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Collect.Http;

/// <summary>
/// Decides whether a successful (2xx) response may be recorded in the snapshot. It must be a JSON object of
/// the shape its API returns — judged by the same loader that will read the snapshot, so the collector never
/// writes a snapshot the loader refuses. A body that is HTML (a sign-in page, a proxy's error page), empty
/// or of another shape is a failed request and a coverage gap instead. Messages never quote the body.
/// </summary>
public static class PageCheck
{
    private const string PageFile = "response.json";

    /// <summary>Null when the body may be recorded; otherwise why not.</summary>
    /// <param name="requestedIds">For a <c>$batch</c>: the ids of every sub-request sent; each must be answered exactly once.</param>
    /// <param name="batch">For a <c>$batch</c>: the sub-requests the manifest entry will list (throttled ones left out).</param>
    public static string? Problem(string method, Uri canonical, byte[] body, string? mediaType,
        IReadOnlyList<string>? requestedIds = null, IReadOnlyList<BatchRequestInfo>? batch = null)
    {
        if (body.Length == 0)
            return "the body is empty";
        if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return $"the body is {mediaType}, not JSON";
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return $"the body is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object";
            if (requestedIds is not null && BatchProblem(document.RootElement, requestedIds) is { } batchProblem)
                return batchProblem;
        }
        catch (JsonException)
        {
            return "the body is not JSON";
        }
        return LoaderProblem(method, canonical, body, batch);
    }

    /// <summary>A <c>$batch</c> answer must hold one sub-response (with an integer status) per sub-request sent, and no other.</summary>
    private static string? BatchProblem(JsonElement root, IReadOnlyList<string> requestedIds)
    {
        if (!root.TryGetProperty("responses", out var responses) || responses.ValueKind != JsonValueKind.Array)
            return "the $batch answer has no 'responses' array";
        var unanswered = new HashSet<string>(requestedIds, StringComparer.Ordinal);
        foreach (var response in responses.EnumerateArray())
        {
            if (response.ValueKind != JsonValueKind.Object || !response.TryGetProperty("id", out var id)
                || !response.TryGetProperty("status", out var status) || !status.TryGetInt32(out _))
                return "a $batch sub-response has no id or no integer status";
            if (!unanswered.Remove(id.ToString()))
                return "a $batch sub-response answers a request that was not sent, or one already answered";
        }
        return unanswered.Count == 0 ? null : $"the $batch answer leaves {unanswered.Count} sub-request(s) unanswered";
    }

    /// <summary>Loads a snapshot made of this one page with the real loader; its refusal is the problem.</summary>
    private static string? LoaderProblem(string method, Uri canonical, byte[] body, IReadOnlyList<BatchRequestInfo>? batch)
    {
        var manifest = new SnapshotManifest
        {
            FormatVersion = SnapshotManifest.CurrentFormatVersion,
            TenantId = "page-check",
            CollectedAt = DateTimeOffset.UnixEpoch,
            Tool = new ToolInfo("page-check", "1"),
            Entries =
            [
                new ManifestEntry
                {
                    File = PageFile, Method = method, Url = canonical.AbsoluteUri, Status = 200,
                    Sha256 = Convert.ToHexStringLower(SHA256.HashData(body)), CollectedAt = DateTimeOffset.UnixEpoch, Batch = batch,
                },
            ],
        };
        try
        {
            InventoryLoader.Load(new OnePageSource(JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson.Options), body));
            return null;
        }
        catch (SnapshotFormatException ex)
        {
            var message = ex.Message.StartsWith(PageFile + ": ", StringComparison.Ordinal) ? ex.Message[(PageFile.Length + 2)..] : ex.Message;
            return $"the snapshot loader would refuse it ({message.TrimEnd('.')})";
        }
    }

    private sealed class OnePageSource(byte[] manifest, byte[] body) : ISnapshotSource
    {
        public string Description => "the response being checked";

        public Stream Open(string relativePath) => relativePath switch
        {
            SnapshotManifest.FileName => new MemoryStream(manifest, writable: false),
            PageFile => new MemoryStream(body, writable: false),
            _ => throw new SnapshotFormatException($"{relativePath}: not part of the response being checked.", relativePath),
        };
    }
}
