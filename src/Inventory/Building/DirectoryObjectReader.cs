namespace TenantScanner.Inventory.Building;

/// <summary>Reads the parts Graph directory objects share: principal references and credentials.</summary>
internal static class DirectoryObjectReader
{
    public static PrincipalType TypeOf(string? odataType) => odataType?.TrimStart('#').ToLowerInvariant() switch
    {
        "microsoft.graph.user" => PrincipalType.User,
        "microsoft.graph.group" => PrincipalType.Group,
        "microsoft.graph.serviceprincipal" => PrincipalType.ServicePrincipal,
        _ => PrincipalType.Unknown,
    };

    /// <summary>An owner or getByIds item: <c>@odata.type</c>, <c>id</c>, optional names.</summary>
    public static PrincipalRef Principal(JsonAt item) => new(
        item.RequiredString("id"),
        TypeOf(item.String("@odata.type")),
        item.String("displayName"),
        item.String("userPrincipalName"));

    public static IReadOnlyList<PasswordCredentialInfo> Passwords(JsonAt owner) =>
        [.. owner.Objects("passwordCredentials").Select(c => new PasswordCredentialInfo(
            c.RequiredString("keyId"), c.String("displayName"), c.String("hint"),
            c.Date("startDateTime"), c.Date("endDateTime"), c.Location))];

    public static IReadOnlyList<KeyCredentialInfo> Keys(JsonAt owner) =>
        [.. owner.Objects("keyCredentials").Select(c => new KeyCredentialInfo(
            c.RequiredString("keyId"), c.String("displayName"), c.String("type"), c.String("usage"),
            c.Date("startDateTime"), c.Date("endDateTime"), c.Location))];

    public static FederatedCredentialInfo FederatedCredential(JsonAt item) => new(
        item.RequiredString("id"), item.String("name") ?? "", item.String("issuer") ?? "", item.String("subject") ?? "", item.Location);

    public static IReadOnlyList<AppRoleDefinition> AppRoles(JsonAt owner) =>
        [.. owner.Objects("appRoles").Select(r => new AppRoleDefinition(
            r.RequiredString("id"), r.String("value") ?? "", r.String("displayName"), r.Strings("allowedMemberTypes")))];

    public static IReadOnlyList<RequiredResourceAccess> RequiredAccess(JsonAt app) =>
        [.. app.Objects("requiredResourceAccess").Select(r => new RequiredResourceAccess(
            r.RequiredString("resourceAppId"),
            [.. r.Objects("resourceAccess").Select(a => new ResourceAccessItem(a.RequiredString("id"), a.String("type") ?? ""))]))];

    /// <summary>
    /// Owners expanded inline (<c>$expand=owners</c>): null when not expanded; truncated when Graph
    /// signalled more with <c>owners@odata.nextLink</c> (expand returns at most 20).
    /// </summary>
    public static ExpandedList<PrincipalRef>? ExpandedOwners(JsonAt owner) => Expanded(owner, "owners", Principal);

    public static ExpandedList<T>? Expanded<T>(JsonAt owner, string property, Func<JsonAt, T> read)
    {
        if (!owner.Has(property))
            return null;
        var items = owner.Objects(property).Select(read).ToList();
        return new ExpandedList<T>(items, Truncated: owner.Has(property + "@odata.nextLink"));
    }
}

internal sealed record ExpandedList<T>(IReadOnlyList<T> Items, bool Truncated);
