using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Collect;

/// <summary>
/// Translates between canonical service URLs (what the snapshot records) and the URLs actually called
/// (the same, unless <see cref="EndpointOptions"/> redirects them). Convention: canonical
/// <c>https://{host}/{path}?{query}</c> is served at <c>{base}/{host}/{path}?{query}</c>.
/// </summary>
public sealed class EndpointMap
{
    private readonly Uri? _baseUrl;
    private readonly Uri? _keyVaultBaseUrl;

    public EndpointMap(EndpointOptions options)
    {
        _baseUrl = Normalize(options.BaseUrl);
        _keyVaultBaseUrl = Normalize(options.KeyVaultBaseUrl);
    }

    /// <summary>The URL to send a request for <paramref name="canonical"/> to.</summary>
    public Uri ToActual(Uri canonical)
    {
        var target = IsKeyVaultHost(canonical.Host) ? _keyVaultBaseUrl : _baseUrl;
        if (target is null || IsUnder(canonical, _baseUrl) || IsUnder(canonical, _keyVaultBaseUrl))
            return canonical;
        return new Uri(target.AbsoluteUri + canonical.Host + canonical.PathAndQuery);
    }

    /// <summary>
    /// The canonical URL of a request that was sent to <paramref name="actual"/> (identity when not redirected,
    /// and for a URL under a base that names no host: such a link came from a service and is not trusted).
    /// </summary>
    public Uri ToCanonical(Uri actual)
    {
        foreach (var root in new[] { _baseUrl, _keyVaultBaseUrl })
        {
            if (root is null || !IsUnder(actual, root))
                continue;
            var rest = actual.AbsoluteUri[root.AbsoluteUri.Length..];
            var slash = rest.IndexOfAny(['/', '?']);
            var host = slash < 0 ? rest : rest[..slash];
            var remainder = slash < 0 ? "/" : rest[slash..];
            if (!remainder.StartsWith('/'))
                remainder = "/" + remainder;
            return host.Length > 0 && Uri.TryCreate("https://" + host + remainder, UriKind.Absolute, out var canonical) ? canonical : actual;
        }
        return actual;
    }

    public string ToCanonical(string actual) => ToCanonical(new Uri(actual)).AbsoluteUri;

    public static bool IsKeyVaultHost(string host) => SourceServices.Classify(host) == SourceService.KeyVault;

    private static bool IsUnder(Uri uri, Uri? root) =>
        root is not null && uri.AbsoluteUri.StartsWith(root.AbsoluteUri, StringComparison.OrdinalIgnoreCase);

    private static Uri? Normalize(Uri? uri) =>
        uri is null ? null : new Uri(uri.AbsoluteUri.TrimEnd('/') + "/");
}
