using System.Text.Json;
using System.Text.Json.Nodes;
using TenantScanner.Cli.Collect;

namespace TenantScanner.Cli.Changes.Http;

/// <summary>
/// One write an action sends, by its canonical URL (<c>https://graph.microsoft.com/v1.0/...</c>). The dry run
/// prints exactly these; apply sends exactly these.
/// </summary>
public sealed record HttpCall(string Method, string Url, JsonNode? Body = null)
{
    public static HttpCall Post(string url, JsonNode? body) => new("POST", url, body);
    public static HttpCall Delete(string url) => new("DELETE", url);

    /// <summary>"POST https://... {json}", with the value of every secret-named property masked.</summary>
    public string Describe() => Body is null ? $"{Method} {Url}" : $"{Method} {Url} {Masked(Body).ToJsonString(Compact)}";

    /// <summary>A copy of <paramref name="body"/> where properties named like a secret (secretText, password, ...) read "***".</summary>
    public static JsonNode Masked(JsonNode body)
    {
        var copy = body.DeepClone();
        Mask(copy);
        return copy;
    }

    private static void Mask(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    // Objects and lists are searched further (a passwordCredential's displayName is not secret); values are masked by their name.
                    if (obj[name] is JsonObject or JsonArray)
                        Mask(obj[name]);
                    else if (obj[name] is not null && (SecretArguments.IsSecretName(name) || name.Equals("value", StringComparison.OrdinalIgnoreCase) || name.Equals("key", StringComparison.OrdinalIgnoreCase)))
                        obj[name] = "***";
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                    Mask(item);
                break;
        }
    }

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
