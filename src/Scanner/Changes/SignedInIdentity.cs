using System.Text;
using System.Text.Json;

namespace TenantScanner.Cli.Changes;

/// <summary>
/// Names the principal a token was issued to, from its claims, for the journal: an application (app id, object
/// id, name) or a user (UPN, object id). The token itself is never written; an opaque token is named as such.
/// </summary>
public static class SignedInIdentity
{
    public static string Describe(string token)
    {
        var claims = Claims(token);
        if (claims is null)
            return "unknown (the access token is not a JWT, so it names nobody)";
        string? Claim(string name) => claims.Value.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var objectId = Claim("oid");
        var user = Claim("upn") ?? Claim("preferred_username") ?? Claim("unique_name");
        if (user is not null)
            return $"user {user} (object id {objectId ?? "?"})";
        var appId = Claim("appid") ?? Claim("azp");
        var name = Claim("app_displayname");
        return $"application {(name is null ? "" : $"'{name}' ")}(app id {appId ?? "?"}, object id {objectId ?? "?"})";
    }

    private static JsonElement? Claims(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
            return null;
        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - payload.Length % 4) % 4), '=');
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
