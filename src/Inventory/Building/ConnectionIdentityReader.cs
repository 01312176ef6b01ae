namespace TenantScanner.Inventory.Building;

/// <summary>
/// Works out the identity a connection signs in as. <c>createdBy</c> is deliberately not used: whoever
/// created a connection is not necessarily the account whose token it holds.
/// </summary>
internal static class ConnectionIdentityReader
{
    public sealed record Identity(ConnectionIdentityKind Kind, string? AccountName, string? ClientId);

    public static Identity Read(JsonAt? properties)
    {
        if (properties is not { } p)
            return new Identity(ConnectionIdentityKind.Unknown, null, null);
        var parameterSet = p.Object("connectionParametersSet");
        if (string.Equals(parameterSet?.String("name"), "oauthSP", StringComparison.OrdinalIgnoreCase))
        {
            var clientId = parameterSet?.Object("values")?.Object("token:clientId")?.String("value");
            return new Identity(ConnectionIdentityKind.ServicePrincipal, null, clientId);
        }
        var parameters = p.Object("connectionParameters");
        var accountName = p.String("accountName") ?? p.Object("authenticatedUser")?.String("name");
        var grantType = parameters?.String("token:grantType");
        if (string.Equals(grantType, "code", StringComparison.OrdinalIgnoreCase) || accountName is not null)
            return new Identity(ConnectionIdentityKind.User, accountName, null);
        // Parameters that are neither a user's OAuth nor a service principal: API keys, basic auth, gateways.
        return parameters is not null || parameterSet is not null
            ? new Identity(ConnectionIdentityKind.Other, null, null)
            : new Identity(ConnectionIdentityKind.Unknown, null, null);
    }
}
