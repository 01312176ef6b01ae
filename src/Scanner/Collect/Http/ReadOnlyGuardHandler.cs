using System.Text.Json;

namespace TenantScanner.Cli.Collect.Http;

/// <summary>
/// Collection is read-only, and this handler proves it: it lets through GET, and POST only to the two
/// read-only Graph endpoints (<c>$batch</c> whose every sub-request is a GET, and
/// <c>directoryObjects/getByIds</c>). Anything else is a bug and throws before it reaches the wire.
/// </summary>
public sealed class ReadOnlyGuardHandler(EndpointMap endpoints) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await EnsureReadOnlyAsync(request, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task EnsureReadOnlyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Get)
            return;
        var canonical = endpoints.ToCanonical(request.RequestUri!);
        var path = canonical.AbsolutePath;
        if (request.Method == HttpMethod.Post && path.EndsWith("/directoryObjects/getByIds", StringComparison.OrdinalIgnoreCase))
            return;
        if (request.Method == HttpMethod.Post && path.EndsWith("/$batch", StringComparison.Ordinal) && request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            var writes = BatchRequestBody.Parse(body).Where(step => !string.Equals(step.Method, "GET", StringComparison.OrdinalIgnoreCase)).ToList();
            if (writes.Count == 0)
                return;
            throw new ReadOnlyViolationException($"Refused a $batch holding {writes[0].Method} {writes[0].Url}: collection only reads.");
        }
        throw new ReadOnlyViolationException($"Refused {request.Method} {canonical.GetLeftPart(UriPartial.Path)}: collection only reads.");
    }
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
