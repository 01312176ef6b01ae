using System.Collections.Concurrent;
using Azure.Core;

namespace TenantScanner.Cli.Collect;

/// <summary>
/// Wraps an Azure.Identity credential and reuses each scope's token until five minutes before it expires:
/// not every credential caches (the Azure CLI one starts a process per call) and thousands of requests
/// share a handful of scopes. Tokens are never logged or written anywhere.
/// </summary>
public sealed class CachingTokenCredential(TokenCredential inner, TimeProvider time) : TokenCredential
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, Lazy<Task<AccessToken>>> _tokens = new(StringComparer.Ordinal);

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var key = string.Join(' ', requestContext.Scopes) + "|" + requestContext.Claims + "|" + requestContext.TenantId;
        var pending = _tokens.GetOrAdd(key, _ => new Lazy<Task<AccessToken>>(() => inner.GetTokenAsync(requestContext, cancellationToken).AsTask()));
        try
        {
            var token = await pending.Value;
            if (token.ExpiresOn - RefreshMargin > time.GetUtcNow())
                return token;
        }
        catch
        {
            _tokens.TryRemove(new KeyValuePair<string, Lazy<Task<AccessToken>>>(key, pending));
            throw;
        }
        // Close to expiry: ask again once; the fresh token replaces the cached one.
        var fresh = await inner.GetTokenAsync(requestContext, cancellationToken);
        _tokens[key] = new Lazy<Task<AccessToken>>(Task.FromResult(fresh));
        return fresh;
    }

    /// <summary>The bearer token for one scope, for the plain HttpClient pipeline.</summary>
    public async Task<string> GetBearerAsync(string scope, CancellationToken cancellationToken) =>
        (await GetTokenAsync(new TokenRequestContext([scope]), cancellationToken)).Token;
}
