using System.Text.Json;
using System.Text.Json.Nodes;
using TenantScanner.Snapshots;

namespace TenantScanner.FakeTenant;

/// <summary>One stored response: its canonical URL, status and body, and the page that follows it.</summary>
public sealed record StoredPage(string CanonicalUrl, int Status, byte[] Body)
{
    /// <summary>Canonical URL of the next page named in the body (<c>nextLink</c> or <c>@odata.nextLink</c>).</summary>
    public string? NextLink { get; init; }
}

/// <summary>
/// A snapshot folder indexed for serving: by exact canonical URL, by each page's next link, and by host +
/// path for the first page of a request whose query differs (the fake ignores $select and friends).
/// $batch sub-responses are unpacked into ordinary pages. Also the typed lists that derived answers use.
/// </summary>
public sealed class SnapshotStore
{
    private readonly Dictionary<string, StoredPage> _byUrl = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, StoredPage> _firstByPath = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<StoredPage> _pages;
    private readonly object _gate = new();
    /// <summary>Replaced (never changed in place) when a write edits a page, so readers enumerating it are not disturbed.</summary>
    private List<(SourceRoute Route, JsonElement Item)> _items = [];

    public SnapshotStore(string folder)
    {
        var manifestPath = Path.Combine(folder, SnapshotManifest.FileName);
        Manifest = JsonSerializer.Deserialize<SnapshotManifest>(File.ReadAllBytes(manifestPath))
            ?? throw new InvalidDataException($"{manifestPath}: empty manifest.");
        var linked = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pages = new List<StoredPage>();
        foreach (var entry in Manifest.Entries)
        {
            var body = File.ReadAllBytes(Path.Combine(folder, entry.File.Replace('/', Path.DirectorySeparatorChar)));
            if (entry.Batch is { Count: > 0 })
                pages.AddRange(UnpackBatch(entry, body));
            else
                pages.Add(Page(entry.Url, entry.Status, body));
        }
        foreach (var page in pages)
        {
            _byUrl.TryAdd(Normalize(page.CanonicalUrl), page);
            if (page.NextLink is not null)
                linked.Add(Normalize(page.NextLink));
        }
        foreach (var page in pages.Where(p => !linked.Contains(Normalize(p.CanonicalUrl))))
            _firstByPath.TryAdd(PathKey(page.CanonicalUrl), page);
        _pages = pages;
        _items = IndexItems(_pages);
    }

    public SnapshotManifest Manifest { get; }

    /// <summary>The page for a canonical URL: exact match (also next links), else the first page of that host + path.</summary>
    public StoredPage? Find(string canonicalUrl)
    {
        lock (_gate)
            return _byUrl.GetValueOrDefault(Normalize(canonicalUrl)) ?? (HasPagingToken(canonicalUrl) ? null : _firstByPath.GetValueOrDefault(PathKey(canonicalUrl)));
    }

    /// <summary>Every stored list item of <paramref name="kind"/> (all pages, all requests).</summary>
    public IEnumerable<(SourceRoute Route, JsonElement Item)> Items(params SourceKind[] kinds) => Volatile.Read(ref _items).Where(i => kinds.Contains(i.Route.Kind));

    /// <summary>
    /// Changes stored responses as a write to the real service changes what later reads return: <paramref name="edit"/>
    /// gets every successful page of <paramref name="kinds"/> (its route and parsed body, which it may change) and
    /// returns true when it changed it. Returns how many pages changed; derived answers follow from the new items.
    /// </summary>
    public int Edit(Func<SourceRoute, JsonNode, bool> edit, params SourceKind[] kinds)
    {
        lock (_gate)
        {
            var changed = 0;
            for (var i = 0; i < _pages.Count; i++)
            {
                var page = _pages[i];
                var route = SourceRoutes.Match(page.CanonicalUrl);
                if (page.Status is < 200 or >= 300 || route is null || !kinds.Contains(route.Kind) || JsonNode.Parse(page.Body) is not { } body || !edit(route, body))
                    continue;
                var replaced = page with { Body = JsonSerializer.SerializeToUtf8Bytes(body) };
                _pages[i] = replaced;
                ReplaceIn(_byUrl, page, replaced);
                ReplaceIn(_firstByPath, page, replaced);
                changed++;
            }
            if (changed > 0)
                Volatile.Write(ref _items, IndexItems(_pages));
            return changed;
        }
    }

    /// <summary>Stores a page the snapshot did not have (e.g. the first assignment of a principal that had none).</summary>
    public void Add(string canonicalUrl, JsonNode body)
    {
        lock (_gate)
        {
            var page = Page(canonicalUrl, 200, JsonSerializer.SerializeToUtf8Bytes(body));
            _pages.Add(page);
            _byUrl[Normalize(canonicalUrl)] = page;
            _firstByPath[PathKey(canonicalUrl)] = page;
            Volatile.Write(ref _items, IndexItems(_pages));
        }
    }

    private static void ReplaceIn(Dictionary<string, StoredPage> index, StoredPage old, StoredPage replacement)
    {
        foreach (var key in index.Where(p => ReferenceEquals(p.Value, old)).Select(p => p.Key).ToList())
            index[key] = replacement;
    }

    /// <summary>Canonical URL of a link the fake (or an earlier fake) wrote: loopback links carry the host as first segment.</summary>
    public static string Canonicalize(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback)
            return url;
        var rest = uri.PathAndQuery.TrimStart('/');
        var slash = rest.IndexOfAny(['/', '?']);
        return slash < 0 ? $"https://{rest}/" : $"https://{rest[..slash]}{(rest[slash] == '?' ? "/" : "")}{rest[slash..]}";
    }

    /// <summary>Comparable form of a URL: unescaped, without api-version (SDKs put their own on next links).</summary>
    public static string Normalize(string url)
    {
        var canonical = Uri.UnescapeDataString(Canonicalize(url).Replace('+', ' '));
        var query = canonical.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
            return canonical.TrimEnd('/');
        var parameters = canonical[(query + 1)..].Split('&')
            .Where(p => !p.StartsWith("api-version=", StringComparison.OrdinalIgnoreCase));
        return canonical[..query].TrimEnd('/') + "?" + string.Join('&', parameters);
    }

    private static string PathKey(string url)
    {
        var uri = new Uri(Canonicalize(url));
        return uri.Host.ToLowerInvariant() + Uri.UnescapeDataString(uri.AbsolutePath).TrimEnd('/');
    }

    private static bool HasPagingToken(string url) =>
        url.Contains("skiptoken", StringComparison.OrdinalIgnoreCase) || url.Contains("skip=", StringComparison.OrdinalIgnoreCase)
        || url.Contains("$skip", StringComparison.OrdinalIgnoreCase);

    private static StoredPage Page(string url, int status, byte[] body) => new(url, status, body) { NextLink = ReadNextLink(body) };

    private static string? ReadNextLink(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            foreach (var name in new[] { "@odata.nextLink", "nextLink" })
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var link)
                    && link.GetString() is { Length: > 0 } value)
                    return Canonicalize(value);
            }
        }
        catch (JsonException)
        {
            // a non-JSON body has no next page
        }
        return null;
    }

    private static IEnumerable<StoredPage> UnpackBatch(ManifestEntry entry, byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var urls = entry.Batch!.ToDictionary(b => b.Id, b => b.Url, StringComparer.Ordinal);
        var pages = new List<StoredPage>();
        foreach (var response in document.RootElement.GetProperty("responses").EnumerateArray())
        {
            var id = response.GetProperty("id").ToString();
            if (!urls.TryGetValue(id, out var url) || !response.TryGetProperty("body", out var subBody))
                continue;
            pages.Add(Page(url, response.GetProperty("status").GetInt32(), JsonSerializer.SerializeToUtf8Bytes(subBody)));
        }
        return pages;
    }

    private static List<(SourceRoute Route, JsonElement Item)> IndexItems(IEnumerable<StoredPage> pages)
    {
        var items = new List<(SourceRoute Route, JsonElement Item)>();
        foreach (var page in pages.Where(p => p.Status is >= 200 and < 300))
        {
            var route = SourceRoutes.Match(page.CanonicalUrl);
            if (route is null)
                continue;
            using var document = JsonDocument.Parse(page.Body);
            if (document.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array)
                items.AddRange(value.EnumerateArray().Select(item => (route, item.Clone())));
            else
                items.Add((route, document.RootElement.Clone()));
        }
        return items;
    }
}
