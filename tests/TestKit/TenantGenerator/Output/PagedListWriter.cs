using System.Text.Json.Nodes;
using TenantScanner.Snapshots;
using TenantScanner.TestKit.TenantGenerator.Model;

namespace TenantScanner.TestKit.TenantGenerator.Output;

/// <summary>One list request: where its pages go and how the service shapes them.</summary>
/// <param name="FilePrefix">Relative path without the page suffix, e.g. <c>graph/users</c>.</param>
/// <param name="FirstUrl">Canonical URL of the first page.</param>
/// <param name="PageSize">Items per page.</param>
/// <param name="ODataContext">Value of <c>@odata.context</c> (OData only).</param>
/// <param name="SkipTokenParameter">Query parameter that carries the continuation token.</param>
/// <param name="NullNextLinkOnLastPage">Key Vault ends a list with <c>"nextLink": null</c>; the Power Platform APIs omit it.</param>
internal sealed record ListRequest(string FilePrefix, string FirstUrl, int PageSize,
    string? ODataContext = null, string SkipTokenParameter = "$skiptoken", bool NullNextLinkOnLastPage = false)
{
    /// <summary>The source the list reads; its paging style and next-link property come from the source table.</summary>
    public SourceDescriptor Source => SourceRoutes.Match(FirstUrl)?.Source
        ?? throw new InvalidOperationException($"Generator bug: '{FirstUrl}' matches no source route.");
}

/// <summary>
/// Streams a sequence into pages: holds one page of items, writes it as soon as it knows whether a
/// next page follows, and chains the pages with next links whose URLs are the next entries' URLs.
/// </summary>
internal sealed class PagedListWriter(GeneratedResponseWriter writer, StableIds ids)
{
    /// <summary>Writes every page (at least one, even for an empty list); returns the item count.</summary>
    public long Write(ListRequest request, IEnumerable<JsonObject> items)
    {
        var page = new List<JsonObject>(Math.Min(request.PageSize, 1024));
        var pageNumber = 1;
        var url = request.FirstUrl;
        long count = 0;
        using var enumerator = items.GetEnumerator();
        var hasItem = enumerator.MoveNext();
        while (true)
        {
            while (hasItem && page.Count < request.PageSize)
            {
                page.Add(enumerator.Current);
                count++;
                hasItem = enumerator.MoveNext();
            }
            var nextUrl = hasItem ? NextUrl(request, pageNumber + 1) : null;
            writer.WriteResponse($"{request.FilePrefix}-{pageNumber:D4}.json", url, Body(request, page, nextUrl));
            if (nextUrl is null)
                return count;
            page.Clear();
            url = nextUrl;
            pageNumber++;
        }
    }

    private static JsonObject Body(ListRequest request, List<JsonObject> page, string? nextUrl)
    {
        var value = new JsonArray();
        foreach (var item in page)
            value.Add(item);
        var body = new JsonObject();
        var source = request.Source;
        var nextLink = source.NextLinkProperty
            ?? throw new InvalidOperationException($"Generator bug: '{request.FirstUrl}' is not a paged source ({source.Id}).");
        // Graph and Dataverse put the context and the next link before the value; the admin APIs and Key Vault after it.
        if (source.Paging == PagingStyle.ODataNextLink)
        {
            body["@odata.context"] = request.ODataContext;
            if (nextUrl is not null)
                body[nextLink] = nextUrl;
            body["value"] = value;
        }
        else
        {
            body["value"] = value;
            if (nextUrl is not null || request.NullNextLinkOnLastPage)
                body[nextLink] = nextUrl;
        }
        return body;
    }

    /// <summary>An opaque continuation token shaped like the service's own (Graph tokens are base64 'RFNwdAIA…').</summary>
    private string NextUrl(ListRequest request, int pageNumber)
    {
        var token = request.SkipTokenParameter == "$skiptoken"
            ? "RFNwdAIAAQAAA" + ids.Base64Url($"{request.FirstUrl}#{pageNumber}", 120)
            : ids.Base64Url($"{request.FirstUrl}#{pageNumber}", 64);
        var separator = request.FirstUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{request.FirstUrl}{separator}{request.SkipTokenParameter}={token}";
    }
}
