using System.Net.Http.Headers;

namespace TenantScanner.Cli.Collect.Http;

/// <summary>
/// Adds a bearer token for the request's canonical host, with the audience that host accepts; a host that is
/// not trusted gets no token (and no request: <see cref="TrustedHosts.ScopeFor"/> throws).
/// </summary>
public sealed class AuthorizationHandler(CachingTokenCredential tokens, EndpointMap endpoints, TrustedHosts hosts) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var canonical = endpoints.ToCanonical(request.RequestUri!);
        var scope = hosts.ScopeFor(canonical);
        var token = await tokens.GetBearerAsync(scope, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Sends a request built with a canonical URL to where <see cref="EndpointMap"/> says it is served.</summary>
public sealed class EndpointRewriteHandler(EndpointMap endpoints) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.RequestUri = endpoints.ToActual(request.RequestUri!);
        return base.SendAsync(request, cancellationToken);
    }
}
