using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TenantScanner.Snapshots;

namespace TenantScanner.FakeTenant;

/// <summary>What a hostile or broken service does to the requests a <see cref="HostileRule"/> matches.</summary>
public enum Hostility
{
    /// <summary>The page's next link points back at the page itself: paging never ends.</summary>
    NextLinkToSelf,
    /// <summary>Every page links to a "new" page (the same URL with a growing <c>hop</c> parameter): paging never ends.</summary>
    EndlessNextLinks,
    /// <summary>The page's next link is <see cref="HostileRule.Text"/>, sent as it is (a foreign host, a secret's URL, ...).</summary>
    NextLinkTo,
    /// <summary>200 with an HTML page, as a captive portal or a misconfigured proxy answers.</summary>
    HtmlBody,
    /// <summary>200 with an empty body that claims to be JSON.</summary>
    EmptyBody,
    /// <summary>200 with JSON that is not the API's shape (<c>value</c> is a string).</summary>
    WrongShapeBody,
    /// <summary><see cref="HostileRule.Status"/> (default 403) whose <c>error.message</c> is <see cref="HostileRule.Text"/>.</summary>
    ErrorMessage,
    /// <summary>429 with <c>Retry-After</c> <see cref="HostileRule.Seconds"/>.</summary>
    RetryAfter,
    /// <summary>The connection is dropped before any answer: a dead host.</summary>
    DropConnection,
    /// <summary>No answer at all, until the client gives up.</summary>
    Stall,
}

/// <summary>
/// Makes the fake behave like a hostile or broken service for the authenticated requests of one source id
/// (e.g. <c>flow.flows</c>) and/or one canonical host; both null: every request.
/// </summary>
public sealed record HostileRule(Hostility Kind, string? Source = null, string? Host = null)
{
    public string? Text { get; init; }
    public double Seconds { get; init; }
    public int Status { get; init; } = 403;

    public bool Matches(FakeRequest request) =>
        (Host is null || Host.Equals(request.Uri.Host, StringComparison.OrdinalIgnoreCase))
        && (Source is null || (SourceRoutes.Match(request.CanonicalUrl) is { } route && Source.Equals(route.Kind.ToId(), StringComparison.OrdinalIgnoreCase)));
}

/// <summary>The answers of <see cref="HostileRule"/>s: ones that replace the route's answer, and changes to a page's next link.</summary>
public static class HostileAnswers
{
    /// <summary>The answer sent instead of the route's, or null when the rule changes the route's answer (or is not an answer at all).</summary>
    public static FakeResponse? Replacement(HostileRule rule) => rule.Kind switch
    {
        Hostility.HtmlBody => new FakeResponse(200, Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><h1>Sign in to continue</h1></body></html>"), "text/html; charset=utf-8"),
        Hostility.EmptyBody => new FakeResponse(200, []),
        Hostility.WrongShapeBody => FakeResponse.Json(200, new { value = "not a list" }),
        Hostility.ErrorMessage => FakeResponse.Error(rule.Status, "Forbidden", rule.Text ?? "Injected error."),
        Hostility.RetryAfter => FakeResponse.Error(429, "TooManyRequests", "Injected throttling.") with
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = rule.Seconds.ToString("0.###", CultureInfo.InvariantCulture) },
        },
        _ => null,
    };

    /// <summary>The route's answer with its next link changed as the rule says; other answers unchanged.</summary>
    public static FakeResponse WithNextLink(HostileRule rule, FakeRequest request, FakeResponse response, Func<string, string> toActual)
    {
        if (rule.Kind is not (Hostility.NextLinkToSelf or Hostility.EndlessNextLinks or Hostility.NextLinkTo) || response.Status is < 200 or > 299)
            return response;
        if (JsonNode.Parse(response.Body) is not JsonObject page)
            return response;
        var name = page.ContainsKey("@odata.nextLink") ? "@odata.nextLink"
            : page.ContainsKey("nextLink") ? "nextLink"
            : request.Uri.Host.Contains("graph.", StringComparison.OrdinalIgnoreCase) || request.Uri.Host.EndsWith(".dynamics.com", StringComparison.OrdinalIgnoreCase)
                ? "@odata.nextLink" : "nextLink";
        page[name] = rule.Kind switch
        {
            Hostility.NextLinkToSelf => toActual(request.CanonicalUrl),
            Hostility.EndlessNextLinks => toActual(NextHop(request.CanonicalUrl)),
            _ => rule.Text,
        };
        return response with { Body = JsonSerializer.SerializeToUtf8Bytes(page) };
    }

    /// <summary>The URL with its <c>hop</c> query parameter one higher (added as 1 when missing).</summary>
    private static string NextHop(string url)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        var parameters = query < 0 ? [] : url[(query + 1)..].Split('&').ToList();
        var hop = parameters.FirstOrDefault(p => p.StartsWith("hop=", StringComparison.Ordinal));
        var next = hop is null ? 1 : int.Parse(hop[4..], CultureInfo.InvariantCulture) + 1;
        parameters.Remove(hop!);
        parameters.Add($"hop={next}");
        return (query < 0 ? url : url[..query]) + "?" + string.Join('&', parameters);
    }
}
