using System.Text.Json;
using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Collect.Http;

/// <summary>
/// Tees every final response body (after retries) into the snapshot, byte for byte, under its canonical
/// URL. It sits in the Graph SDK pipeline and in the plain HttpClient pipeline alike, which is how the
/// snapshot stays exactly what the services sent. For <c>$batch</c> it records the sub-requests too.
/// A successful response that <see cref="PageCheck"/> refuses (HTML, empty, wrong shape) is not recorded:
/// the request fails with the reason, and its source becomes a coverage gap.
/// </summary>
public sealed class RecordingHandler(SnapshotWriter writer, EndpointMap endpoints, CollectStatistics statistics) : DelegatingHandler
{
    /// <summary>Graph's canonical root for the relative URLs inside a batch body.</summary>
    public const string GraphRoot = "https://graph.microsoft.com/v1.0";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var canonical = endpoints.ToCanonical(response.RequestMessage?.RequestUri ?? request.RequestUri!);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        IReadOnlyList<BatchRequestInfo>? batch = null;
        IReadOnlyList<string>? requestedIds = null;
        if (request.Method == HttpMethod.Post && canonical.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal) && request.Content is not null)
        {
            var steps = BatchRequestBody.Parse(await request.Content.ReadAsByteArrayAsync(cancellationToken));
            requestedIds = [.. steps.Select(step => step.Id)];
            batch = DescribeBatch(steps, body);
        }
        if (response.IsSuccessStatusCode
            && PageCheck.Problem(request.Method.Method, canonical, body, response.Content.Headers.ContentType?.MediaType, requestedIds, batch) is { } problem)
        {
            response.Dispose();
            throw new SourceReadException("", (int)response.StatusCode, $"HTTP {(int)response.StatusCode}, but the response was not recorded: {problem}.");
        }
        writer.Record(request.Method.Method, canonical.AbsoluteUri, (int)response.StatusCode, body, batch);
        statistics.PageRecorded(RequestSource.Of(canonical), CountObjects(body));
        return response;
    }

    /// <summary>
    /// The sub-requests whose answers this batch holds. Sub-responses that were throttled or unavailable
    /// are left out: they are sent again in a later batch, and listing them would make a loader see a gap
    /// for data that was in fact collected. Their bytes still stay in the file as evidence.
    /// </summary>
    private static IReadOnlyList<BatchRequestInfo> DescribeBatch(IReadOnlyList<BatchRequestBody.Step> steps, byte[] responseBody)
    {
        var transient = TransientSubResponses(responseBody);
        return [.. steps
            .Where(step => !transient.Contains(step.Id))
            .Select(step => new BatchRequestInfo(step.Id, step.Method.ToUpperInvariant(), ToCanonicalSubUrl(step.Url)))];
    }

    public static string ToCanonicalSubUrl(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? url : GraphRoot + (url.StartsWith('/') ? url : "/" + url);

    private static HashSet<string> TransientSubResponses(byte[] responseBody)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(responseBody);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("responses", out var responses)
                || responses.ValueKind != JsonValueKind.Array)
                return ids; // not a batch answer: PageCheck refuses it
            foreach (var response in responses.EnumerateArray())
            {
                if (response.ValueKind == JsonValueKind.Object && response.TryGetProperty("status", out var status) && status.TryGetInt32(out var code)
                    && code is 429 or 503 or 504 && response.TryGetProperty("id", out var id))
                    ids.Add(id.ToString());
            }
        }
        catch (JsonException)
        {
            // not JSON: nothing to route, the entry is kept as evidence
        }
        return ids;
    }

    private static int CountObjects(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return 0;
            if (root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array)
                return value.GetArrayLength();
            if (root.TryGetProperty("responses", out var responses) && responses.ValueKind == JsonValueKind.Array)
                return responses.EnumerateArray().Sum(r => r.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.Object
                    && b.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Array ? v.GetArrayLength() : 0);
            return 1;
        }
        catch (JsonException)
        {
            return 0;
        }
    }
}
