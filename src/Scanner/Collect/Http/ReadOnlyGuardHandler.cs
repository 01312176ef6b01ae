using System.Text.Json;
using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Collect.Http;

/// <summary>
/// Collection is read-only, and this handler proves it with an allow-list: a <c>GET</c> only of a list or
/// object the scanner reads (a known source route, so never <c>GET /secrets/{name}</c>, which would return a
/// Key Vault secret's value), and a <c>POST</c> only to Graph's two read-only endpoints (<c>$batch</c> whose
/// every sub-request is such a <c>GET</c>, and <c>directoryObjects/getByIds</c>). Any other method is a bug
/// and throws <see cref="ReadOnlyViolationException"/>; a <c>GET</c> of any other path can only come from a
/// link a service sent, so it becomes a coverage gap. Both are refused before they reach the wire.
/// </summary>
/// <param name="alsoReadable">
/// More GETs to allow (apply and undo re-read single Graph objects that are no collection source); null for collection.
/// </param>
public sealed class ReadOnlyGuardHandler(EndpointMap endpoints, Func<Uri, bool>? alsoReadable = null) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await EnsureReadOnlyAsync(request, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task EnsureReadOnlyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var canonical = endpoints.ToCanonical(request.RequestUri!);
        if (request.Method == HttpMethod.Get)
        {
            if (IsReadable(canonical.AbsoluteUri) || alsoReadable?.Invoke(canonical) == true)
                return;
            throw new SourceReadException("", null,
                $"Not sent: a link led to GET {canonical.GetLeftPart(UriPartial.Authority)}{Shorten(canonical.AbsolutePath)}, which is not a list or object this scanner reads.");
        }
        var path = canonical.AbsolutePath;
        if (request.Method == HttpMethod.Post && SourceRoutes.Match(canonical.AbsoluteUri)?.Kind == SourceKind.GraphDirectoryObjectsByIds)
            return;
        if (request.Method == HttpMethod.Post && path.Equals("/v1.0/$batch", StringComparison.Ordinal) && request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            var refused = BatchRequestBody.Parse(body).FirstOrDefault(step => !string.Equals(step.Method, "GET", StringComparison.OrdinalIgnoreCase)
                || !IsReadable(RecordingHandler.ToCanonicalSubUrl(step.Url)));
            if (refused is null)
                return;
            throw new ReadOnlyViolationException($"Refused a $batch holding {refused.Method} {refused.Url}: collection only reads.");
        }
        throw new ReadOnlyViolationException($"Refused {request.Method} {canonical.GetLeftPart(UriPartial.Path)}: collection only reads.");
    }

    /// <summary>A GET the collector makes: a source route (getByIds is a POST).</summary>
    private static bool IsReadable(string canonicalUrl) =>
        SourceRoutes.Match(canonicalUrl) is { } route && route.Kind != SourceKind.GraphDirectoryObjectsByIds;

    private static string Shorten(string path) => path.Length <= 120 ? path : path[..120] + "…";
}

/// <summary>The collector tried to send something that is not a read. Always a bug.</summary>
public sealed class ReadOnlyViolationException : InvalidOperationException
{
    public ReadOnlyViolationException(string message) : base(message) { }
    public ReadOnlyViolationException() : base("Collection only reads.") { }
    public ReadOnlyViolationException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The sub-requests of a Graph JSON batch body (<c>{"requests":[{"id","method","url"}]}</c>).</summary>
public static class BatchRequestBody
{
    public sealed record Step(string Id, string Method, string Url);

    public static IReadOnlyList<Step> Parse(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        if (!document.RootElement.TryGetProperty("requests", out var requests) || requests.ValueKind != JsonValueKind.Array)
            return [];
        return [.. requests.EnumerateArray().Select(r => new Step(
            r.TryGetProperty("id", out var id) ? id.ToString() : "",
            r.TryGetProperty("method", out var method) ? method.GetString() ?? "GET" : "GET",
            r.TryGetProperty("url", out var url) ? url.GetString() ?? "" : ""))];
    }
}
