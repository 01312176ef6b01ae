using System.Text;
using System.Text.Json;
using Azure.Core;

namespace TenantScanner.Cli.Collect;

/// <summary>
/// <c>--auth access-token</c>: one bearer token, read from <see cref="Variable"/>, handed out for every scope.
/// Meant for the loopback fake tenant (which accepts any token) or a token fetched beforehand by other
/// means. Caveat: the same token goes to every host (Graph, Power Platform, Dataverse, Key Vault), so against
/// real services only the audience it was issued for will accept it. The token is never logged or printed.
/// </summary>
public sealed class AccessTokenCredential : TokenCredential
{
    public const string Variable = "SCANNER_ACCESS_TOKEN";

    /// <summary>Used when the token is not a JWT (so its expiry cannot be read): long enough for one run.</summary>
    private static readonly TimeSpan OpaqueTokenLifetime = TimeSpan.FromHours(12);

    private readonly AccessToken _token;

    public AccessTokenCredential(string token, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Any(char.IsWhiteSpace))
            throw new CollectConfigurationException($"--auth access-token: {Variable} is empty or contains white space (value not shown).");
        _token = new AccessToken(token, JwtExpiry(token) ?? time.GetUtcNow() + OpaqueTokenLifetime);
    }

    public static AccessTokenCredential FromEnvironment(Func<string, string?> environment, TimeProvider time) =>
        environment(Variable) is { Length: > 0 } token
            ? new AccessTokenCredential(token, time)
            : throw new CollectConfigurationException($"--auth access-token needs the environment variable {Variable} (a bearer token; never pass it on the command line).");

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => _token;

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(_token);

    /// <summary>The <c>exp</c> claim of a JWT, so an expired pre-fetched token fails fast with a clear 401 rather than being trusted for hours.</summary>
    private static DateTimeOffset? JwtExpiry(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
            return null;
        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - payload.Length % 4) % 4), '=');
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            return document.RootElement.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
