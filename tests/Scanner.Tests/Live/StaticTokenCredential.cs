using Azure.Core;

namespace TenantScanner.Cli.Tests.Live;

/// <summary>An Azure.Identity credential that hands out a fixed fake token per scope and remembers the scopes asked for.</summary>
public sealed class StaticTokenCredential : TokenCredential
{
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _scopes = [];

    public IReadOnlyCollection<string> ScopesRequested => [.. _scopes.Distinct()];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        foreach (var scope in requestContext.Scopes)
            _scopes.Add(scope);
        return new AccessToken("fake-token-" + string.Join("+", requestContext.Scopes).GetHashCode(StringComparison.Ordinal), DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
