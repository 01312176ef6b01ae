using TenantScanner.Cli.Collect;

namespace TenantScanner.Cli.Changes.Http;

/// <summary>
/// The write side of apply and undo: lets through only POST, PATCH and DELETE to the hosts a registered
/// action writes to (today Microsoft Graph). Anything else is a bug and throws before it reaches the wire.
/// Reads never pass here: they go through the collection pipeline with its read-only guard.
/// </summary>
public sealed class WriteAllowListHandler(EndpointMap endpoints) : DelegatingHandler
{
    private static readonly HashSet<string> WritableHosts = new(StringComparer.OrdinalIgnoreCase) { "graph.microsoft.com" };
    private static readonly HashSet<string> WriteMethods = new(StringComparer.OrdinalIgnoreCase) { "POST", "PATCH", "DELETE" };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var canonical = endpoints.ToCanonical(request.RequestUri!);
        if (!WriteMethods.Contains(request.Method.Method))
            throw new InvalidOperationException($"Refused {request.Method} {canonical.GetLeftPart(UriPartial.Path)}: the write client sends only changes; reads go through the read-only pipeline.");
        if (!WritableHosts.Contains(canonical.Host) || canonical.Scheme != Uri.UriSchemeHttps)
            throw new InvalidOperationException($"Refused {request.Method} {canonical.GetLeftPart(UriPartial.Path)}: no change action writes to {canonical.Host}.");
        return base.SendAsync(request, cancellationToken);
    }
}
