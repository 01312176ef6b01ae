using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TenantScanner.Rules.Findings;

/// <summary>
/// The object a finding is about, with the state the scan read of it: ids, names and dates, never a secret
/// value. <c>scanner plan</c> builds each change's <c>before</c> from it, so a plan says exactly what it
/// will change without reading the snapshot or the tenant again.
/// </summary>
public sealed record FindingTarget
{
    /// <summary>servicePrincipal, credential, appRoleAssignment, directoryRoleAssignment or delegatedGrant.</summary>
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("id")] public required string Id { get; init; }
    /// <summary>Documented per type in docs/remediation.md; ids are lower-case, lists sorted.</summary>
    [JsonPropertyName("state")] public required JsonObject State { get; init; }
}

/// <summary>Builds a <see cref="FindingTarget.State"/> from plain values: strings, booleans, dates and string lists.</summary>
public static class TargetState
{
    public static JsonObject Of(params (string Name, object? Value)[] properties)
    {
        var state = new JsonObject();
        foreach (var (name, value) in properties)
            state[name] = ToNode(value);
        return state;
    }

    /// <summary>Object ids as Graph compares them: lower-case, sorted, without duplicates.</summary>
    public static IReadOnlyList<string> Ids(IEnumerable<string> ids) =>
        [.. ids.Select(id => id.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        DateTimeOffset time => JsonValue.Create(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)),
        IEnumerable<string> list => new JsonArray([.. list.Select(item => (JsonNode?)JsonValue.Create(item))]),
        _ => throw new ArgumentException($"Unsupported target state value of type {value.GetType().Name}.", nameof(value)),
    };
}
