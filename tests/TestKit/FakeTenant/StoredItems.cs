using System.Text.Json;
using System.Text.Json.Nodes;

namespace TenantScanner.FakeTenant;

/// <summary>Small helpers over stored Graph JSON: the items of a page, ids, and Graph-shaped errors.</summary>
internal static class StoredItems
{
    /// <summary>The items a page holds: the entries of its <c>value</c> array, or the page itself when it is one object.</summary>
    public static IEnumerable<JsonObject> Of(JsonNode body) => body is JsonObject root && root["value"] is JsonArray list
        ? list.OfType<JsonObject>()
        : body is JsonObject single ? [single] : [];

    public static string? Id(JsonNode? node, string property = "id") =>
        node is JsonObject obj && obj[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static string? Id(JsonElement item, string property = "id") =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool SameId(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The body of a write request as an object, or null when it is not a JSON object.</summary>
    public static JsonObject? Body(FakeRequest request)
    {
        try
        {
            return request.Body.Length == 0 ? null : JsonNode.Parse(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Graph's answer for an id that names nothing (every Graph docs page lists it under "Errors": 404 Request_ResourceNotFound).</summary>
    public static FakeResponse NotFound(string id) =>
        FakeResponse.Error(404, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    public static FakeResponse BadRequest(string message) => FakeResponse.Error(400, "Request_BadRequest", message);

    public static FakeResponse NoContent() => new(204, []);

    public static FakeResponse Created(JsonObject item) => new(201, JsonSerializer.SerializeToUtf8Bytes(item));

    /// <summary>Matches a canonical path against a template such as <c>v1.0/servicePrincipals/{}/owners/$ref</c>; literals ignore case.</summary>
    public static bool TryMatch(FakeRequest request, string template, out string[] values)
    {
        var segments = request.Uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var parts = template.Split('/');
        values = [];
        if (segments.Length != parts.Length)
            return false;
        var found = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] == "{}")
                found.Add(segments[i]);
            else if (!string.Equals(parts[i], segments[i], StringComparison.OrdinalIgnoreCase))
                return false;
        }
        values = [.. found];
        return true;
    }

    public static bool Matches(FakeRequest request, string template) => TryMatch(request, template, out _);
}
