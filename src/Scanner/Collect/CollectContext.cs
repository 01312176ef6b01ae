using Azure;
using Microsoft.Kiota.Abstractions;
using TenantScanner.Cli.Collect.Http;
using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Collect;

/// <summary>What every collector of one run shares: options, the snapshot being written, counters, clients.</summary>
public sealed class CollectContext
{
    public required CollectOptions Options { get; init; }
    public required SnapshotWriter Writer { get; init; }
    public required CollectStatistics Statistics { get; init; }
    public required EndpointMap Endpoints { get; init; }
    public required CachingTokenCredential Credential { get; init; }
    public required TimeProvider Time { get; init; }
    /// <summary>Recording, resilient, authorised client for the Power Platform and Dataverse APIs.</summary>
    public required HttpClient Http { get; init; }
    public required ICollectProgress? Progress { get; init; }
    /// <summary>The hosts that may get a request and a token; Dataverse hosts are added as environments are listed.</summary>
    public required TrustedHosts Hosts { get; init; }
    public required CollectionDeadline Deadline { get; init; }

    public JsonPager Pager => new(Http, NewTrail);

    /// <summary>The paging guard of one list that starts at <paramref name="firstUrl"/>.</summary>
    public PageTrail NewTrail(string firstUrl) => new(firstUrl, Options.Limits.MaxPagesPerSource, Endpoints);

    /// <summary>
    /// Runs the reading of one source; when it fails after retries the failure becomes a coverage gap
    /// (with the permission that is missing for a 401/403) and collection goes on. Returns false on a gap.
    /// </summary>
    public async Task<bool> TryReadAsync(SourceKind kind, string? environmentId, string url, Func<Task> read, CancellationToken cancellationToken)
    {
        try
        {
            await read();
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ToGap(kind, environmentId, url, ex) is { } gap)
        {
            Writer.AddCoverageGap(gap);
            Statistics.Failed(environmentId is null ? kind.ToId() : $"{kind.ToId()}[{environmentId}]", $"{gap.Status?.ToString() ?? "no response"} {gap.Error}");
            return false;
        }
    }

    private static CoverageGap? ToGap(SourceKind kind, string? environmentId, string url, Exception ex)
    {
        (int? status, string message, string? failedUrl) = ex switch
        {
            SourceReadException read => (read.Status, read.Message, read.Url),
            Microsoft.Graph.Models.ODataErrors.ODataError odata => (odata.ResponseStatusCode == 0 ? null : odata.ResponseStatusCode, $"{odata.Error?.Code}: {odata.Error?.Message}", null),
            ApiException api => (api.ResponseStatusCode == 0 ? null : api.ResponseStatusCode, api.Message, null),
            RequestFailedException azure => (azure.Status == 0 ? null : azure.Status, $"{azure.ErrorCode}: {FirstLine(azure.Message)}", null),
            HttpRequestException http => ((int?)http.StatusCode, $"Request failed after retries: {http.Message}", null),
            TaskCanceledException => ((int?)null, "The request timed out.", null),
            _ => ((int?)null, "", null),
        };
        if (message.Length == 0)
            return null; // a bug, not a service failure: let it surface
        return new CoverageGap
        {
            Source = kind.ToId(),
            EnvironmentId = environmentId,
            Url = string.IsNullOrEmpty(failedUrl) ? url : failedUrl,
            Status = status,
            // The message may quote the service (error.message): never more than a cleaned, redacted, cut line of it.
            Error = PermissionHints.Describe(kind, status, ServiceText.Clean(message)),
        };
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
