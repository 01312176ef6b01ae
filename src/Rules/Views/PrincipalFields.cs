using TenantScanner.Inventory;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Views;

/// <summary>
/// The fields every principal reference (owner, creator, connection identity) exposes, resolved against
/// the inventory's users and service principals. An account whose state the inventory lacks is unknown,
/// never assumed active.
/// </summary>
internal static class PrincipalFields
{
    public static IEnumerable<FieldDefinition> For<T>(Func<T, PrincipalRef> principal)
    {
        yield return FieldDefinition.Scalar<T>("id", "string", "Object id (app id for application users).", i => principal(i).Id);
        yield return FieldDefinition.Scalar<T>("type", "string", "user, group, servicePrincipal, applicationUser or unknown.",
            i => FieldNames.EnumId(principal(i).Type));
        yield return FieldDefinition.Scalar<T>("displayName", "string", "Display name as the source gave it.",
            (i, s) => principal(i).DisplayName ?? FindUser(principal(i), s)?.DisplayName);
        yield return FieldDefinition.Scalar<T>("userPrincipalName", "string", "UPN, for users (a deleted user's original UPN, without Entra's object-id prefix).",
            (i, s) => UserPrincipalName(principal(i), s));
        yield return FieldDefinition.Scalar<T>("accountEnabled", "boolean",
            "Whether the account can sign in; unknown when the inventory lacks the account or its state; null for groups.",
            (i, s) => AccountEnabled(principal(i), s));
        yield return FieldDefinition.Scalar<T>("isDeleted", "boolean", "True when the user is in the deleted-items container.",
            (i, s) => principal(i).Type == PrincipalType.User ? FindUser(principal(i), s) is { } u ? u.IsDeleted : Unknown(principal(i)) : false);
        yield return FieldDefinition.Scalar<T>("isActive", "boolean",
            "True when the principal exists, is not deleted and is enabled (groups count as active); unknown when its state is unknown.",
            (i, s) => IsActive(principal(i), s));
    }

    /// <summary>The UPN people know the account by; for a deleted user, the one before Entra prefixed it.</summary>
    public static string? UserPrincipalName(PrincipalRef principal, EvaluationScope scope) =>
        (principal.UserPrincipalName ?? FindUser(principal, scope)?.UserPrincipalName) is { } upn
            ? DeletedUserNames.OriginalPrincipalName(principal.Id, upn)
            : null;

    public static User? FindUser(PrincipalRef principal, EvaluationScope scope) =>
        scope.Inventory.FindUser(principal.Id)
        ?? (principal.UserPrincipalName is { } upn ? scope.Inventory.FindUserByPrincipalName(upn) : null);

    public static object? AccountEnabled(PrincipalRef principal, EvaluationScope scope) => principal.Type switch
    {
        PrincipalType.User => FindUser(principal, scope) switch
        {
            null => Unknown(principal),
            { AccountEnabled: { } enabled } => enabled,
            { IsDeleted: true } => false,
            _ => UnknownValue.Because($"account state of user {Name(principal)} was not returned (graph.users accountEnabled)"),
        },
        PrincipalType.ServicePrincipal => scope.Inventory.FindServicePrincipal(principal.Id) is { } sp
            ? sp.AccountEnabled : Unknown(principal),
        PrincipalType.ApplicationUser => ApplicationUserEnabled(principal, scope),
        PrincipalType.Group => null,
        _ => UnknownValue.Because($"principal {Name(principal)} is of unknown type"),
    };

    public static object? IsActive(PrincipalRef principal, EvaluationScope scope)
    {
        if (principal.Type == PrincipalType.Group)
            return true;
        if (principal.Type == PrincipalType.User && FindUser(principal, scope) is { IsDeleted: true })
            return false;
        return AccountEnabled(principal, scope);
    }

    /// <summary>Application users reference the app id; the environment's systemuser record or the SP tells the state.</summary>
    private static object ApplicationUserEnabled(PrincipalRef principal, EvaluationScope scope)
    {
        var appUser = scope.Services.ApplicationUsers.Find(principal.Id);
        if (appUser is { IsDisabled: true })
            return false;
        if (scope.Inventory.FindServicePrincipalByAppId(appUser?.ApplicationId ?? principal.Id) is { } sp)
            return sp.AccountEnabled;
        return appUser is null ? Unknown(principal) : true;
    }

    public static UnknownValue Unknown(PrincipalRef principal) => UnknownValue.Because(
        $"{FieldNames.EnumId(principal.Type)} {Name(principal)} is not in the inventory (graph.users / graph.servicePrincipals)");

    private static string Name(PrincipalRef principal) => principal.UserPrincipalName ?? principal.DisplayName ?? principal.Id;
}
