using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TenantScanner.Snapshots;

namespace TenantScanner.FakeTenant;

/// <summary>
/// The routing table of the read side: Graph <c>$batch</c> and <c>directoryObjects/getByIds</c>, and GET of
/// anything the snapshot holds (or can derive: per-object owners, app-role assignments, flow details).
/// </summary>
public static class TenantRoutes
{
    public static IReadOnlyList<FakeRoute> Read() =>
    [
        new("graph.batch", "POST", r => r.Uri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal), Batch),
        new("graph.getByIds", "POST", r => r.Uri.AbsolutePath.EndsWith("/directoryObjects/getByIds", StringComparison.OrdinalIgnoreCase), GetByIds),
        new("get", "GET", _ => true, Get),
    ];

    public static FakeResponse Get(FakeRequest request, FakeTenantState state)
    {
        var page = state.Store.Find(request.CanonicalUrl);
        if (page is not null)
            return new FakeResponse(page.Status, RewriteNextLink(page, state));
        return Derive(request, state) ?? FakeResponse.Error(404, "Request_ResourceNotFound", $"The snapshot holds nothing for {request.Uri.AbsolutePath}.");
    }

    /// <summary>The stored body with its next link pointing at this fake; all other bytes unchanged.</summary>
    private static byte[] RewriteNextLink(StoredPage page, FakeTenantState state)
    {
        if (page.NextLink is null)
            return page.Body;
        var text = Encoding.UTF8.GetString(page.Body);
        using var document = JsonDocument.Parse(page.Body);
        foreach (var name in new[] { "@odata.nextLink", "nextLink" })
        {
            if (document.RootElement.TryGetProperty(name, out var link) && link.GetString() is { } original)
            {
                var encodedOriginal = JsonSerializer.Serialize(original)[1..^1];
                var encodedNew = JsonSerializer.Serialize(state.ToActual(page.NextLink))[1..^1];
                text = text.Replace(encodedOriginal, encodedNew, StringComparison.Ordinal);
                if (!text.Contains(encodedNew, StringComparison.Ordinal)) // the original used other escaping
                    text = text.Replace(original, state.ToActual(page.NextLink), StringComparison.Ordinal);
            }
        }
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>Answers per-object reads the snapshot does not hold directly from the lists it does hold.</summary>
    private static FakeResponse? Derive(FakeRequest request, FakeTenantState state)
    {
        var route = SourceRoutes.Match(request.CanonicalUrl);
        if (route is null)
            return null;
        switch (route.Kind)
        {
            case SourceKind.GraphServicePrincipalOwners or SourceKind.GraphApplicationOwners:
                var parentKind = route.Kind == SourceKind.GraphServicePrincipalOwners ? SourceKind.GraphServicePrincipals : SourceKind.GraphApplications;
                var parent = state.Store.Items(parentKind).Select(i => i.Item).FirstOrDefault(i => Id(i, "id") == route.ObjectId);
                if (parent.ValueKind == JsonValueKind.Undefined)
                    return null;
                return List(parent.TryGetProperty("owners", out var owners) ? owners.EnumerateArray().ToList() : []);
            case SourceKind.GraphAppRoleAssignedTo or SourceKind.GraphAppRoleAssignments:
                var field = route.Kind == SourceKind.GraphAppRoleAssignedTo ? "resourceId" : "principalId";
                if (!state.Store.Items(SourceKind.GraphServicePrincipals).Any(i => Id(i.Item, "id") == route.ObjectId))
                    return null;
                return List([.. state.Store.Items(SourceKind.GraphAppRoleAssignedTo, SourceKind.GraphAppRoleAssignments)
                    .Select(i => i.Item).Where(i => Id(i, field) == route.ObjectId).DistinctBy(i => Id(i, "id"))]);
            case SourceKind.GraphApplicationFederatedCredentials:
                // Graph answers an empty list for an application without federated credentials.
                var application = state.Store.Items(SourceKind.GraphApplications).Select(i => i.Item).FirstOrDefault(i => Id(i, "id") == route.ObjectId);
                if (application.ValueKind == JsonValueKind.Undefined)
                    return null;
                return List(application.TryGetProperty("federatedIdentityCredentials", out var federated) ? federated.EnumerateArray().ToList() : []);
            case SourceKind.FlowDetails:
                var flow = state.Store.Items(SourceKind.Flows).FirstOrDefault(i => i.Route.EnvironmentId == route.EnvironmentId && Id(i.Item, "name") == route.FlowId);
                return flow.Route is null ? null : new FakeResponse(200, JsonSerializer.SerializeToUtf8Bytes(flow.Item));
            default:
                return null;
        }
    }

    private static FakeResponse Batch(FakeRequest request, FakeTenantState state)
    {
        using var document = JsonDocument.Parse(request.Body);
        var responses = new JsonArray();
        foreach (var step in document.RootElement.GetProperty("requests").EnumerateArray())
        {
            var id = step.GetProperty("id").ToString();
            var method = step.TryGetProperty("method", out var m) ? m.GetString() ?? "GET" : "GET";
            var url = step.GetProperty("url").GetString() ?? "";
            var subUrl = "https://graph.microsoft.com/v1.0" + (url.StartsWith('/') ? url : "/" + url);
            var sub = !method.Equals("GET", StringComparison.OrdinalIgnoreCase)
                ? FakeResponse.Error(405, "MethodNotAllowed", "The fake tenant answers only GET inside $batch.")
                : state.ThrottleSubRequest()
                    ? FakeResponse.Error(429, "TooManyRequests", "Injected throttling of one batch sub-request.") with
                    {
                        Headers = new Dictionary<string, string> { ["Retry-After"] = "0.01" },
                    }
                    : Get(new FakeRequest("GET", subUrl, []), state);
            responses.Add(SubResponse(id, sub));
        }
        return FakeResponse.Json(200, new JsonObject { ["responses"] = responses });
    }

    public static JsonObject SubResponse(string id, FakeResponse sub)
    {
        var headers = new JsonObject { ["Content-Type"] = "application/json" };
        foreach (var header in sub.Headers)
            headers[header.Key] = header.Value;
        return new JsonObject
        {
            ["id"] = id,
            ["status"] = sub.Status,
            ["headers"] = headers,
            ["body"] = JsonNode.Parse(sub.Body),
        };
    }

    private static FakeResponse GetByIds(FakeRequest request, FakeTenantState state)
    {
        using var document = JsonDocument.Parse(request.Body);
        var ids = document.RootElement.GetProperty("ids").EnumerateArray().Select(i => i.GetString()).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kinds = new (SourceKind Kind, string Type)[]
        {
            (SourceKind.GraphUsers, "#microsoft.graph.user"), (SourceKind.GraphServicePrincipals, "#microsoft.graph.servicePrincipal"),
            (SourceKind.GraphApplications, "#microsoft.graph.application"), (SourceKind.GraphDirectoryObjectsByIds, ""),
        };
        var found = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (kind, type) in kinds)
        {
            foreach (var (_, item) in state.Store.Items(kind))
            {
                var id = Id(item, "id");
                if (id is null || !ids.Contains(id) || found.ContainsKey(id))
                    continue;
                var node = JsonNode.Parse(item.GetRawText())!.AsObject();
                if (type.Length > 0 && !node.ContainsKey("@odata.type"))
                    node.Insert(0, "@odata.type", type);
                found[id] = node;
            }
        }
        return FakeResponse.Json(200, new JsonObject { ["value"] = new JsonArray([.. found.Values]) });
    }

    private static FakeResponse List(List<JsonElement> items) =>
        FakeResponse.Json(200, new JsonObject { ["value"] = new JsonArray([.. items.Select(i => JsonNode.Parse(i.GetRawText()))]) });

    private static string? Id(JsonElement item, string property) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
