using System.Text.Json;

namespace TenantScanner.Cli.Collect;

/// <summary>
/// Reads every page of a list from the Power Platform admin APIs (top-level <c>nextLink</c>) or the
/// Dataverse Web API (<c>@odata.nextLink</c>) over the recording HttpClient pipeline; the next links are
/// followed through a <see cref="PageTrail"/>, so paging that never ends becomes a coverage gap.
/// </summary>
public sealed class JsonPager(HttpClient http, Func<string, PageTrail> newTrail)
{
    /// <summary>All <c>value</c> items of every page (cloned, safe to keep), or the whole body for a single object.</summary>
    public async Task<IReadOnlyList<JsonElement>> GetAllAsync(string canonicalUrl, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var items = new List<JsonElement>();
        var trail = newTrail(canonicalUrl);
        string? next = canonicalUrl;
        while (next is not null)
        {
            using var document = await GetDocumentAsync(next, cancellationToken, headers);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array)
                items.AddRange(value.EnumerateArray().Select(item => item.Clone()));
            else
                items.Add(root.Clone());
            next = NextLink(root) is { } link ? trail.Follow(link) : null;
        }
        return items;
    }

    public async Task<JsonDocument> GetDocumentAsync(string url, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var header in headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SourceReadException(url, null, $"Request failed after retries: {ex.Message}", ex);
        }
        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new SourceReadException(url, (int)response.StatusCode, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {ErrorSummary.From(body)}");
            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                throw new SourceReadException(url, (int)response.StatusCode, "The response is not JSON.", ex);
            }
        }
    }

    private static string? NextLink(JsonElement root)
    {
        foreach (var name in new[] { "@odata.nextLink", "nextLink" })
        {
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var link) && link.ValueKind == JsonValueKind.String
                && !string.IsNullOrEmpty(link.GetString()))
                return link.GetString();
        }
        return null;
    }
}

/// <summary>The error code/message of a service error body, shortened, for coverage (never the whole body).</summary>
public static class ErrorSummary
{
    public static string From(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("error", out var error))
            {
                var code = error.TryGetProperty("code", out var c) ? c.ToString() : "";
                var message = error.TryGetProperty("message", out var m) ? m.ToString() : "";
                return Shorten($"{code}: {message}".Trim(' ', ':'));
            }
        }
        catch (JsonException)
        {
            // not JSON
        }
        return "no error details";
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
