using TenantScanner.Cli.Collect.Http;
using System.Net.Http.Json;
using System.Text.Json;
using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Collect;

/// <summary>
/// Reads one per-object list (<c>servicePrincipals/{id}/appRoleAssignedTo</c>,
/// <c>applications/{id}/federatedIdentityCredentials</c>) for many objects with Graph JSON batching (20
/// GETs per POST). Sub-requests that come back throttled are sent again in a later batch after their
/// Retry-After; a sub-response with <c>@odata.nextLink</c> is followed with plain GETs. The batch body is
/// built here rather than with the SDK's batch helper so the exact canonical sub-request URLs are known
/// and recorded in <c>entries[].batch</c>.
/// </summary>
public sealed class GraphBatchReader(CollectContext context)
{
    private static readonly string AssignmentQuery = "?$top=999&$select=" + string.Join(',', GraphCollector.AssignmentFields);
    private const int MaxGraphBatch = 20;

    /// <summary>The principals holding each resource's app roles, read from the resource side (few resources, many principals).</summary>
    public Task ReadAppRoleAssignedToAsync(IReadOnlyList<string> resourceIds, CancellationToken ct) =>
        ReadPerObjectAsync(SourceKind.GraphAppRoleAssignedTo, resourceIds, id => SubUrl(SourceKind.GraphAppRoleAssignedTo, id) + AssignmentQuery, ct);

    /// <summary>
    /// Federated identity credentials of each application (at most 20 per application, so one page each;
    /// the list API has no $select worth using: the objects are small).
    /// </summary>
    public Task ReadFederatedCredentialsAsync(IReadOnlyList<string> applicationIds, CancellationToken ct) =>
        ReadPerObjectAsync(SourceKind.GraphApplicationFederatedCredentials, applicationIds, id => SubUrl(SourceKind.GraphApplicationFederatedCredentials, id), ct);

    /// <summary>A sub-request URL as Graph wants it in a batch body: the source's route relative to the v1.0 root, e.g. <c>/applications/{id}/owners</c>.</summary>
    private static string SubUrl(SourceKind kind, string id) => SourceTable.Of(kind).CanonicalUrl(id: id)[RecordingHandler.GraphRoot.Length..];

    private async Task ReadPerObjectAsync(SourceKind kind, IReadOnlyList<string> objectIds, Func<string, string> subUrl, CancellationToken ct)
    {
        var size = Math.Clamp(context.Options.GraphBatchSize, 1, MaxGraphBatch);
        var pending = objectIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        for (var round = 1; pending.Count > 0; round++)
        {
            var retry = new System.Collections.Concurrent.ConcurrentBag<(string Id, TimeSpan? Wait)>();
            var chunks = pending.Chunk(size).ToList();
            await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = context.Options.Resilience.MaxConcurrencyPerHost, CancellationToken = ct },
                async (chunk, token) =>
                {
                    var url = $"{RecordingHandler.GraphRoot}/$batch";
                    await context.TryReadAsync(kind, null, url, async () =>
                    {
                        foreach (var throttled in await SendBatchAsync(kind, chunk, subUrl, round >= context.Options.Resilience.MaxAttempts, token))
                            retry.Add(throttled);
                    }, token);
                });
            // A Retry-After above the cap is not waited for: those sub-requests become gaps, the others go on.
            var cap = context.Options.Resilience.MaxRetryAfter;
            await GiveUpAsync(kind, subUrl, retry.Where(r => r.Wait > cap).Select(r => r.Id),
                id => $"Throttled in $batch with a Retry-After of {retry.First(r => r.Id == id).Wait!.Value.TotalSeconds:0.###} s, more than the {cap.TotalSeconds:0.###} s cap (resilience.maxRetryAfterSeconds): not waited for.", ct);
            pending = [.. retry.Where(r => !(r.Wait > cap)).Select(r => r.Id)];
            if (pending.Count == 0)
                break;
            var wait = retry.Where(r => !(r.Wait > cap)).Max(r => r.Wait) ?? TimeSpan.FromMilliseconds(context.Options.Resilience.BaseDelay.TotalMilliseconds * Math.Pow(2, round - 1));
            if (wait >= context.Deadline.Remaining)
            {
                var reason = context.Deadline.Reached().Message;
                await GiveUpAsync(kind, subUrl, pending, _ => reason, ct);
                break;
            }
            context.Statistics.Retried("graph.batch", $"{pending.Count} throttled sub-requests; round {round + 1} in {wait.TotalSeconds:0.###} s");
            await Task.Delay(wait, context.Time, ct);
        }
    }

    /// <summary>Records a coverage gap for each sub-request that will not be sent again.</summary>
    private async Task GiveUpAsync(SourceKind kind, Func<string, string> subUrl, IEnumerable<string> objectIds, Func<string, string> reason, CancellationToken ct)
    {
        foreach (var id in objectIds.ToList())
        {
            var url = RecordingHandler.ToCanonicalSubUrl(subUrl(id));
            await context.TryReadAsync(kind, null, url, () => throw new SourceReadException(url, 429, reason(id)), ct);
        }
    }

    /// <summary>Sends one batch; returns the sub-requests to send again (throttled), and records gaps for the ones that failed for good.</summary>
    private async Task<IReadOnlyList<(string Id, TimeSpan? Wait)>> SendBatchAsync(SourceKind kind, string[] objectIds, Func<string, string> subUrlOf,
        bool lastRound, CancellationToken ct)
    {
        var requests = objectIds.Select((id, index) => new
        {
            id = (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            method = "GET",
            url = subUrlOf(id),
        }).ToArray();
        using var response = await context.Http.PostAsJsonAsync($"{RecordingHandler.GraphRoot}/$batch", new { requests }, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new SourceReadException($"{RecordingHandler.GraphRoot}/$batch", (int)response.StatusCode, $"HTTP {(int)response.StatusCode}: {ErrorSummary.From(body)}");
        using var document = JsonDocument.Parse(body);
        var throttled = new List<(string, TimeSpan?)>();
        foreach (var sub in document.RootElement.GetProperty("responses").EnumerateArray())
        {
            var index = int.Parse(sub.GetProperty("id").ToString(), System.Globalization.CultureInfo.InvariantCulture) - 1;
            var objectId = objectIds[index];
            var subUrl = RecordingHandler.ToCanonicalSubUrl(requests[index].url);
            var status = sub.GetProperty("status").GetInt32();
            if (status is 429 or 503 or 504 && !lastRound)
            {
                throttled.Add((objectId, SubRetryAfter(sub)));
                continue;
            }
            await context.TryReadAsync(kind, null, subUrl, async () =>
            {
                if (status is < 200 or > 299)
                    throw new SourceReadException(subUrl, status, $"HTTP {status} in $batch: {SubError(sub)}");
                if (sub.TryGetProperty("body", out var subBody) && subBody.ValueKind == JsonValueKind.Object
                    && subBody.TryGetProperty("@odata.nextLink", out var next) && next.ValueKind == JsonValueKind.String && next.GetString() is { Length: > 0 } nextLink)
                    await context.Pager.GetAllAsync(context.NewTrail(subUrl).Follow(nextLink), ct);
            }, ct);
        }
        return throttled;
    }

    private TimeSpan? SubRetryAfter(JsonElement sub) =>
        sub.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object
            ? headers.EnumerateObject().Where(h => h.Name.Equals("Retry-After", StringComparison.OrdinalIgnoreCase))
                .Select(h => Http.RetryAfter.Parse(h.Value.ToString(), context.Time.GetUtcNow())).FirstOrDefault()
            : null;

    private static string SubError(JsonElement sub) =>
        sub.TryGetProperty("body", out var body) ? ErrorSummary.From(JsonSerializer.SerializeToUtf8Bytes(body)) : "no error details";
}
