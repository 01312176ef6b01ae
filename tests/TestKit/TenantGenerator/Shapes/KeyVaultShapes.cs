using System.Text.Json.Nodes;
using TenantScanner.TestKit.TenantGenerator.Model;

namespace TenantScanner.TestKit.TenantGenerator.Shapes;

/// <summary>Key Vault <c>GET /secrets</c> items: metadata only, the API never lists values.</summary>
internal static class KeyVaultShapes
{
    public static JsonObject Secret(string vaultName, KeyVaultSecretSpec secret)
    {
        var attributes = new JsonObject { ["enabled"] = secret.Enabled };
        if (secret.NotBefore is { } nbf)
            attributes["nbf"] = nbf.ToUnixTimeSeconds();
        if (secret.Expires is { } exp)
            attributes["exp"] = exp.ToUnixTimeSeconds();
        attributes["created"] = secret.Created.ToUnixTimeSeconds();
        attributes["updated"] = secret.Updated.ToUnixTimeSeconds();
        attributes["recoveryLevel"] = "Recoverable+Purgeable";
        attributes["recoverableDays"] = 90;

        var json = new JsonObject { ["id"] = $"https://{vaultName}.vault.azure.net/secrets/{secret.Name}", ["attributes"] = attributes };
        if (secret.ContentType is not null)
            json["contentType"] = secret.ContentType;
        if (secret.Tags.Count > 0)
        {
            var tags = new JsonObject();
            foreach (var (key, value) in secret.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
                tags[key] = value;
            json["tags"] = tags;
        }
        if (secret.Managed)
            json["managed"] = true;
        return json;
    }
}
