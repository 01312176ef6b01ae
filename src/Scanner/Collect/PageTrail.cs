namespace TenantScanner.Cli.Collect;

/// <summary>
/// Guards the paging of one list against a service whose next links never end: a next link must be an
/// absolute http(s) URL, must not lead back to a page of this list already asked for, and a list has at most
/// <see cref="CollectLimits.MaxPagesPerSource"/> pages. Each refusal is a <see cref="SourceReadException"/>,
/// so the list becomes a coverage gap and the pages read so far are kept.
/// </summary>
public sealed class PageTrail
{
    private readonly string _firstUrl;
    private readonly int _maxPages;
    private readonly EndpointMap _endpoints;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _pages = 1;

    public PageTrail(string firstUrl, int maxPages, EndpointMap endpoints)
    {
        _firstUrl = firstUrl;
        _maxPages = maxPages;
        _endpoints = endpoints;
        if (Uri.TryCreate(firstUrl, UriKind.Absolute, out var first))
            _seen.Add(Key(first));
    }

    /// <summary>The page after the current one is <paramref name="nextLink"/>: returns it when it may be read, else throws.</summary>
    public string Follow(string nextLink)
    {
        if (!Uri.TryCreate(nextLink, UriKind.Absolute, out var next) || (next.Scheme != Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttp))
            throw new SourceReadException(_firstUrl, null, "The service's next link is not an absolute http(s) URL; the rest of the list was not read.");
        if (++_pages > _maxPages)
            throw new SourceReadException(_firstUrl, null,
                $"The list has more than {_maxPages:N0} pages (limits.maxPagesPerSource); the rest was not read.");
        if (!_seen.Add(Key(next)))
            throw new SourceReadException(_firstUrl, null,
                $"The service's next link leads back to a page already read (after {_pages - 1:N0} pages): paging would never end; the rest was not read.");
        return nextLink;
    }

    /// <summary>
    /// One page, however its link is spelled: the canonical URL, unescaped, with <c>api-version</c> left out
    /// (an SDK puts its own on a next link) and the other query parameters in order.
    /// </summary>
    private string Key(Uri link)
    {
        var canonical = _endpoints.ToCanonical(link);
        var query = canonical.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(Uri.UnescapeDataString)
            .Where(p => !p.StartsWith("api-version=", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        return $"{canonical.Scheme}://{canonical.Host.ToLowerInvariant()}:{canonical.Port}{Uri.UnescapeDataString(canonical.AbsolutePath).TrimEnd('/')}?{string.Join('&', query)}";
    }
}
