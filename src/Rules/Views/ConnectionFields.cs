using TenantScanner.Inventory;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Views;

/// <summary>
/// Fields about a connection and the identity it signs in as, shared by the <c>connection</c> view and a
/// flow's <c>connections[*]</c>. A connection the inventory lacks makes these fields unknown.
/// </summary>
internal static class ConnectionFields
{
    public static IEnumerable<FieldDefinition> For<T>(Func<T, EvaluationScope, Connection?> connection, Func<T, UnknownValue> missing)
    {
        FieldDefinition Field(string name, string type, string description, Func<Connection, EvaluationScope, object?> get) =>
            FieldDefinition.Scalar<T>(name, type, description, (item, scope) =>
                connection(item, scope) is { } c ? get(c, scope) : missing(item));

        yield return Field("connectionDisplayName", "string", "The connection's display name.", (c, _) => c.DisplayName);
        yield return Field("identityKind", "string",
            "Who the connection signs in as: user (a person's OAuth token), servicePrincipal or other; unknown when the API did not say.",
            (c, _) => c.IdentityKind == ConnectionIdentityKind.Unknown
                ? UnknownValue.Because($"connection {c.Id} does not show which identity it signs in as")
                : FieldNames.EnumId(c.IdentityKind));
        yield return Field("accountName", "string", "UPN of the person a user connection signs in as.", (c, _) => c.AccountName);
        yield return Field("clientId", "string", "App id a service-principal connection uses.", (c, _) => c.ClientId);
        yield return Field("accountEnabled", "boolean", "Whether the identity it signs in as is enabled; null for other kinds.", AccountEnabled);
        yield return Field("isDeleted", "boolean", "True when the identity it signs in as is a deleted user.", (c, s) =>
            Identity(c, s) is { Type: PrincipalType.User } p ? PrincipalFields.FindUser(p, s) is { } u ? u.IsDeleted : PrincipalFields.Unknown(p) : false);
        yield return Field("isActive", "boolean", "True when the identity exists, is not deleted and is enabled; null for other kinds.",
            (c, s) => Identity(c, s) is { } p ? PrincipalFields.IsActive(p, s) : IdentityMissing(c));
        yield return Field("status", "string", "Error when any status is Error, else the first status (e.g. Connected).",
            (c, _) => c.IsInError ? "Error" : c.Statuses.Count > 0 ? c.Statuses[0] : null);
        yield return Field("isInError", "boolean", "True when the connection reports an Error status.", (c, _) => c.IsInError);
        yield return Field("errorCode", "string", "Error code of the failing status, when any.", (c, _) => c.ErrorCode);
    }

    private static object? AccountEnabled(Connection connection, EvaluationScope scope) =>
        Identity(connection, scope) is { } principal ? PrincipalFields.AccountEnabled(principal, scope) : IdentityMissing(connection);

    /// <summary>The principal a connection signs in as, when its kind and account are known.</summary>
    private static PrincipalRef? Identity(Connection connection, EvaluationScope scope) => connection.IdentityKind switch
    {
        ConnectionIdentityKind.User when connection.AccountName is { } upn =>
            new PrincipalRef(scope.Inventory.FindUserByPrincipalName(upn)?.Id ?? upn, PrincipalType.User, null, upn),
        ConnectionIdentityKind.ServicePrincipal when connection.ClientId is { } clientId =>
            scope.Inventory.FindServicePrincipalByAppId(clientId) is { } sp
                ? new PrincipalRef(sp.Id, PrincipalType.ServicePrincipal, sp.DisplayName)
                : new PrincipalRef(clientId, PrincipalType.ServicePrincipal),
        _ => null,
    };

    private static object? IdentityMissing(Connection connection) => connection.IdentityKind switch
    {
        ConnectionIdentityKind.User => UnknownValue.Because($"connection {connection.Id} does not show the account it signs in as"),
        ConnectionIdentityKind.ServicePrincipal => UnknownValue.Because($"connection {connection.Id} does not show its client id"),
        ConnectionIdentityKind.Unknown => UnknownValue.Because($"connection {connection.Id} does not show which identity it signs in as"),
        _ => null,
    };
}
