using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TenantScanner.Cli.Collect;
using TenantScanner.Cli.Collect.Http;

namespace TenantScanner.Cli.Changes.Http;

/// <summary>Where and as whom apply and undo connect: the tenant, the sign-in, endpoint overrides and retry limits.</summary>
public sealed record TenantConnection
{
    public required string Tenant { get; init; }
    public AuthMode Auth { get; init; } = AuthMode.Default;
    public EndpointOptions Endpoints { get; init; } = new();
    public ResilienceOptions Resilience { get; init; } = new();
}

/// <summary>The answer to one write: 2xx, a refusal the service meant (4xx), or an outcome nobody can know without looking.</summary>
public enum WriteStatus { Succeeded, Rejected, Uncertain }

public sealed record WriteOutcome(WriteStatus Status, int? HttpStatus, string Message, JsonNode? Body = null, TimeSpan? RetryAfter = null);

/// <summary>
/// The explicitly constructed write client of apply and undo. Reads go through the collection pipeline (read-only
/// guard, resilience with retries and throttling, token per audience, endpoint rewrite); writes go through their own
/// pipeline (write allow-list, token, endpoint rewrite) with no automatic retry: a write is sent again only by
/// <see cref="ChangeSession"/>, after a re-read shows it did not happen. Tokens are never logged or printed.
/// </summary>
public sealed class TenantChangeClient : IDisposable
{
    private readonly HttpClient _reads;
    private readonly HttpClient _writes;
    private readonly CachingTokenCredential _credential;

    public TenantChangeClient(TenantConnection connection, CollectRuntime runtime, ICollectProgress? progress)
    {
        var endpoints = new EndpointMap(connection.Endpoints);
        _credential = new CachingTokenCredential(
            runtime.Credential ?? CredentialFactory.Create(connection.Auth, connection.Tenant, runtime.Environment, runtime.Time), runtime.Time);
        var statistics = new CollectStatistics(progress);
        // The same trusted hosts, per-host gates and deadline as collection; apply and undo talk to Graph only.
        var hosts = new TrustedHosts([]);
        var gates = new HostGates(connection.Resilience);
        var deadline = new CollectionDeadline(new CollectLimits().Deadline, runtime.Time);
        _reads = new HttpClient(Chain(new TrustedHostHandler(endpoints, hosts), new ReadOnlyGuardHandler(endpoints, IsGraphObject),
            new ResilienceHandler(connection.Resilience, endpoints, statistics, runtime.Time, gates, deadline, runtime.Jitter),
            new AuthorizationHandler(_credential, endpoints, hosts), new EndpointRewriteHandler(endpoints))) { Timeout = TimeSpan.FromMinutes(5) };
        _writes = new HttpClient(Chain(new TrustedHostHandler(endpoints, hosts), new WriteAllowListHandler(endpoints),
            new AuthorizationHandler(_credential, endpoints, hosts), new EndpointRewriteHandler(endpoints))) { Timeout = TimeSpan.FromMinutes(2) };
        Resilience = connection.Resilience;
        Time = runtime.Time;
    }

    /// <summary>Re-reads of single directory objects: Graph never returns a credential's secret in a GET.</summary>
    private static bool IsGraphObject(Uri canonical) =>
        string.Equals(canonical.Host, "graph.microsoft.com", StringComparison.OrdinalIgnoreCase) && canonical.AbsolutePath.StartsWith("/v1.0/", StringComparison.Ordinal);

    public ResilienceOptions Resilience { get; }
    public TimeProvider Time { get; }

    /// <summary>GET of one object; null when the service answers 404 (the object does not exist).</summary>
    public async Task<JsonObject?> GetAsync(string canonicalUrl, CancellationToken cancellationToken)
    {
        using var response = await _reads.GetAsync(canonicalUrl, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new ChangeReadException(canonicalUrl, (int)response.StatusCode, ErrorText(text));
        return JsonNode.Parse(text) as JsonObject ?? throw new ChangeReadException(canonicalUrl, (int)response.StatusCode, "the answer is not a JSON object");
    }

    /// <summary>Every item of a Graph list, following <c>@odata.nextLink</c>; null when the list's parent does not exist (404).</summary>
    public async Task<List<JsonObject>?> ListAsync(string canonicalUrl, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        for (string? next = canonicalUrl; next is not null;)
        {
            var page = await GetAsync(next, cancellationToken);
            if (page is null)
                return next == canonicalUrl ? null : throw new ChangeReadException(next, 404, "a next page of the list disappeared while it was read");
            if (page["value"] is JsonArray value)
                items.AddRange(value.OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()));
            next = page["@odata.nextLink"]?.GetValue<string>();
        }
        return items;
    }

    /// <summary>Sends one write once. Never throws for an HTTP status or a broken connection: the caller decides what to do.</summary>
    public async Task<WriteOutcome> SendAsync(HttpCall call, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Url);
        if (call.Body is not null)
            request.Content = new StringContent(call.Body.ToJsonString(), Encoding.UTF8, "application/json");
        try
        {
            using var response = await _writes.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return new WriteOutcome(WriteStatus.Succeeded, status, $"HTTP {status}", text.Length == 0 ? null : TryParse(text));
            var transient = status is 408 or 429 or >= 500;
            return new WriteOutcome(transient ? WriteStatus.Uncertain : WriteStatus.Rejected, status, $"HTTP {status} {ErrorText(text)}".TrimEnd(),
                RetryAfter: RetryAfter.Read(response, Time.GetUtcNow()));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new WriteOutcome(WriteStatus.Uncertain, null, ex is TaskCanceledException ? "the request timed out" : $"the connection failed ({ex.GetType().Name})");
        }
    }

    /// <summary>A Graph token of the signed-in identity, to name it in the journal (never written itself).</summary>
    public Task<string> GraphTokenAsync(CancellationToken cancellationToken) => _credential.GetBearerAsync(TokenAudiences.Graph, cancellationToken);

    public void Dispose()
    {
        _reads.Dispose();
        _writes.Dispose();
    }

    /// <summary>"code: message" of a Graph error body, else its first 200 characters.</summary>
    private static string ErrorText(string body)
    {
        if (TryParse(body)?["error"] is JsonObject error)
            return $"{error["code"]?.GetValue<string>()}: {error["message"]?.GetValue<string>()}";
        return body.Length > 200 ? body[..200] : body;
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static HttpMessageHandler Chain(params DelegatingHandler[] outerToInner)
    {
        HttpMessageHandler inner = new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        for (var i = outerToInner.Length - 1; i >= 0; i--)
        {
            outerToInner[i].InnerHandler = inner;
            inner = outerToInner[i];
        }
        return inner;
    }
}

/// <summary>A read apply needed (to compare a target with its plan) failed after retries.</summary>
public sealed class ChangeReadException(string url, int status, string message)
    : Exception($"GET {url} failed: HTTP {status} {message}")
{
    public int Status { get; } = status;
}
