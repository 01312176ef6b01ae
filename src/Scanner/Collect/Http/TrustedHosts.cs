using System.Collections.Concurrent;

namespace TenantScanner.Cli.Collect.Http;

/// <summary>
/// The hosts a collection run may send a request (and so a bearer token) to, each with the token audience
/// it accepts: the exact service hosts of the cloud, the vaults named in the options, and the Dataverse
/// host of each environment the environment list returned. Anything else — a next link or a redirect that
/// a service, or whoever answers in its place, points elsewhere — is refused before it reaches the network
/// and becomes a coverage gap. Only https on the default port counts: a token never travels in clear.
/// Thread-safe.
/// </summary>
public sealed class TrustedHosts
{
    private const string DataverseDomain = ".dynamics.com";
    private readonly ConcurrentDictionary<string, string> _scopeByHost = new(StringComparer.OrdinalIgnoreCase);

    public TrustedHosts(IEnumerable<Uri> keyVaults)
    {
        foreach (var (host, scope) in TokenAudiences.PublicCloudHosts)
            _scopeByHost[host] = scope;
        foreach (var vault in keyVaults)
            _scopeByHost[vault.Host] = TokenAudiences.KeyVault;
    }

    /// <summary>Trusts an environment's Dataverse instance; false (and nothing trusted) when the URL is not an https <c>*.dynamics.com</c> address.</summary>
    public bool TryAddDataverse(Uri instanceUrl)
    {
        if (!IsSecure(instanceUrl) || !instanceUrl.Host.EndsWith(DataverseDomain, StringComparison.OrdinalIgnoreCase)
            || instanceUrl.Host.Length <= DataverseDomain.Length || instanceUrl.HostNameType != UriHostNameType.Dns)
            return false;
        _scopeByHost.TryAdd(instanceUrl.Host, TokenAudiences.Dataverse(instanceUrl.Host));
        return true;
    }

    public bool IsTrusted(Uri canonical) => IsSecure(canonical) && _scopeByHost.ContainsKey(canonical.Host);

    /// <summary>The token scope for a request to <paramref name="canonical"/>; <see cref="SourceReadException"/> (a coverage gap) for any other host.</summary>
    public string ScopeFor(Uri canonical) =>
        IsTrusted(canonical) && _scopeByHost.TryGetValue(canonical.Host, out var scope) ? scope : throw Refusal(canonical);

    /// <summary>
    /// Why a request to <paramref name="canonical"/> was not sent. Names only scheme, host and port: the rest of
    /// the URL came from the service and is not repeated. The gap keeps the URL of the list being read.
    /// </summary>
    public static SourceReadException Refusal(Uri canonical) => new("", null,
        $"Not sent: a link led to {canonical.GetLeftPart(UriPartial.Authority)}, which is not a service host of this cloud, a configured vault " +
        "or an environment's Dataverse instance (https only); no request and no token go there.");

    private static bool IsSecure(Uri uri) => uri.IsAbsoluteUri && uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort;
}

/// <summary>Refuses, before anything is sent, a request whose canonical host is not in <see cref="TrustedHosts"/>.</summary>
public sealed class TrustedHostHandler(EndpointMap endpoints, TrustedHosts hosts) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
            throw new SourceReadException("", null, "Not sent: the request has no absolute URL.");
        var canonical = endpoints.ToCanonical(uri);
        if (!hosts.IsTrusted(canonical))
            throw TrustedHosts.Refusal(canonical);
        return base.SendAsync(request, cancellationToken);
    }
}
