using System.Globalization;
using System.Text.Json.Nodes;

namespace TenantScanner.TestKit.TenantGenerator.Shapes;

/// <summary>Small helpers for writing values the way the services format them.</summary>
internal static class Json
{
    /// <summary>Graph's ISO 8601 form: whole seconds, 'Z'.</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Power Platform's form: seven fractional digits, 'Z'.</summary>
    public static string IsoPrecise(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string? Iso(DateTimeOffset? time) => time is { } t ? Iso(t) : null;

    public static JsonArray Strings(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
            array.Add(value);
        return array;
    }

    public static JsonArray Array(IEnumerable<JsonNode> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
            array.Add(value);
        return array;
    }
}
