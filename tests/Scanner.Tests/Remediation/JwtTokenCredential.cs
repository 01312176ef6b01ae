using System.Text;
using System.Text.Json;
using Azure.Core;

namespace TenantScanner.Cli.Tests.Remediation;

/// <summary>
/// Hands out an unsigned JWT naming an application, as Entra would for a workload identity, so tests can check
/// that the journal names the signed-in principal. The fake tenant accepts any bearer token.
/// </summary>
public sealed class JwtTokenCredential : TokenCredential
{
    public const string AppId = "0b7a3c2e-5d41-4e8a-9f6b-2c1d0e9f8a7b";
    public const string ObjectId = "6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f";
    public const string AppName = "Contoso Remediation";

    public string Token { get; } = string.Join('.',
        Encode("""{"alg":"none","typ":"JWT"}"""),
        Encode(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["aud"] = "https://graph.microsoft.com", ["oid"] = ObjectId, ["appid"] = AppId, ["app_displayname"] = AppName,
            ["tid"] = "4d3c2b1a-8e7f-4a6b-9c5d-2e1f0a9b8c7d", ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
        })),
        "signature");

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(Token, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));

    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
