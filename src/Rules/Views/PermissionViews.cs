using TenantScanner.Rules.Findings;
using TenantScanner.Inventory;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Views;

/// <summary>Resolves the service principal an assignment or grant belongs to, for nested <c>servicePrincipal</c>/<c>client</c> fields.</summary>
internal static class PrincipalLookup
{
    public static object ServicePrincipal(string id, EvaluationScope scope) =>
        (object?)scope.Inventory.FindServicePrincipal(id)
        ?? UnknownValue.Because($"service principal {id} is not in the inventory (graph.servicePrincipals)");

    public static ResourceRef Ref(string principalId, TenantInventory inventory, string fallbackType, string? fallbackName) =>
        inventory.FindServicePrincipal(principalId) is { } sp
            ? ServicePrincipalView.Ref(sp)
            : new ResourceRef { Type = fallbackType, Id = principalId, DisplayName = fallbackName ?? principalId };
}

/// <summary><c>appRoleAssignment</c>: one application permission held by a service principal. Findings name the service principal.</summary>
internal sealed class AppRoleAssignmentView : ResourceType<AppRoleAssignment>
{
    public static readonly ViewSchema Fields = new ViewSchema("appRoleAssignment")
        .AddRange(DirectoryFields.AppRoleAssignment.Fields)
        .Add(FieldDefinition.Object<AppRoleAssignment>("servicePrincipal", ServicePrincipalView.Fields, "The service principal holding it.",
            (a, s) => PrincipalLookup.ServicePrincipal(a.PrincipalId, s)));

    public override string Name => "appRoleAssignment";
    public override string Description => "An application permission (app role) granted to a service principal.";
    public override ViewSchema Schema => Fields;

    protected override IEnumerable<AppRoleAssignment> Items(ScanServices scan) =>
        scan.Inventory.AppRoleAssignments.Where(a => a.PrincipalType is null or "ServicePrincipal" || scan.Inventory.FindServicePrincipal(a.PrincipalId) is not null);

    protected override ResourceRef Describe(AppRoleAssignment item, TenantInventory inventory) =>
        PrincipalLookup.Ref(item.PrincipalId, inventory, "servicePrincipal", null);

    protected override string? ItemKey(AppRoleAssignment item) => $"{item.ResourceAppId ?? item.ResourceId}/{item.AppRoleId}";
    protected override IEnumerable<SourceLocation> Sources(AppRoleAssignment item) => [item.Source];

    protected override FindingTarget? Target(AppRoleAssignment item, ScanServices scan) => new()
    {
        Type = Name,
        Id = item.Id,
        State = TargetState.Of(
            ("principalId", item.PrincipalId.ToLowerInvariant()),
            ("resourceId", item.ResourceId.ToLowerInvariant()),
            ("resourceDisplayName", item.ResourceDisplayName),
            ("appRoleId", item.AppRoleId.ToLowerInvariant()),
            ("permission", item.PermissionName)),
    };
}

/// <summary><c>delegatedGrant</c>: one OAuth2 delegated permission grant. Findings name the client service principal.</summary>
internal sealed class DelegatedGrantView : ResourceType<OAuth2PermissionGrant>
{
    public static readonly ViewSchema Fields = new ViewSchema("delegatedGrant")
        .AddRange(DirectoryFields.DelegatedGrant.Fields)
        .Add(FieldDefinition.Object<OAuth2PermissionGrant>("client", ServicePrincipalView.Fields, "The client service principal.",
            (g, s) => PrincipalLookup.ServicePrincipal(g.ClientId, s)));

    public override string Name => "delegatedGrant";
    public override string Description => "A delegated permission grant (oauth2PermissionGrant).";
    public override ViewSchema Schema => Fields;

    protected override IEnumerable<OAuth2PermissionGrant> Items(ScanServices scan) => scan.Inventory.OAuth2PermissionGrants;

    protected override ResourceRef Describe(OAuth2PermissionGrant item, TenantInventory inventory) =>
        PrincipalLookup.Ref(item.ClientId, inventory, "servicePrincipal", null);

    protected override string? ItemKey(OAuth2PermissionGrant item) => item.Id;
    protected override IEnumerable<SourceLocation> Sources(OAuth2PermissionGrant item) => [item.Source];

    /// <summary><c>scope</c> is the space-separated list exactly as Graph stores it, so a re-created grant is the same grant.</summary>
    protected override FindingTarget? Target(OAuth2PermissionGrant item, ScanServices scan) => new()
    {
        Type = Name,
        Id = item.Id,
        State = TargetState.Of(
            ("clientId", item.ClientId.ToLowerInvariant()),
            ("consentType", item.ConsentType),
            ("principalId", item.PrincipalId?.ToLowerInvariant()),
            ("resourceId", item.ResourceId.ToLowerInvariant()),
            ("scope", string.Join(' ', item.Scopes))),
    };
}

/// <summary><c>directoryRoleAssignment</c>: an Entra role assignment. Findings name the principal holding it.</summary>
internal sealed class DirectoryRoleAssignmentView : ResourceType<DirectoryRoleAssignment>
{
    public static readonly ViewSchema Fields = new ViewSchema("directoryRoleAssignment")
        .AddRange(DirectoryFields.DirectoryRole.Fields)
        .AddRange([
            FieldDefinition.Scalar<DirectoryRoleAssignment>("principalId", "string", "Object id of the holder.", r => r.PrincipalId),
            FieldDefinition.Scalar<DirectoryRoleAssignment>("principalType", "string", "servicePrincipal, user or unknown (not in the inventory).",
                (r, s) => s.Inventory.FindServicePrincipal(r.PrincipalId) is not null ? "servicePrincipal"
                    : s.Inventory.FindUser(r.PrincipalId) is not null ? "user" : "unknown"),
            FieldDefinition.Object<DirectoryRoleAssignment>("servicePrincipal", ServicePrincipalView.Fields,
                "The holder when it is a service principal; null otherwise.", (r, s) => s.Inventory.FindServicePrincipal(r.PrincipalId)),
        ]);

    public override string Name => "directoryRoleAssignment";
    public override string Description => "An Entra directory role assignment.";
    public override ViewSchema Schema => Fields;

    protected override IEnumerable<DirectoryRoleAssignment> Items(ScanServices scan) => scan.Inventory.DirectoryRoleAssignments;

    protected override ResourceRef Describe(DirectoryRoleAssignment item, TenantInventory inventory) =>
        inventory.FindUser(item.PrincipalId) is { } user
            ? new ResourceRef { Type = "user", Id = user.Id, DisplayName = user.DisplayName }
            : PrincipalLookup.Ref(item.PrincipalId, inventory, "principal", null);

    protected override string? ItemKey(DirectoryRoleAssignment item) => $"{item.RoleDefinitionId}@{item.DirectoryScopeId ?? "/"}";
    protected override IEnumerable<SourceLocation> Sources(DirectoryRoleAssignment item) => [item.Source];

    protected override FindingTarget? Target(DirectoryRoleAssignment item, ScanServices scan) => new()
    {
        Type = Name,
        Id = item.Id,
        State = TargetState.Of(
            ("principalId", item.PrincipalId.ToLowerInvariant()),
            ("roleDefinitionId", item.RoleDefinitionId.ToLowerInvariant()),
            ("roleDisplayName", item.RoleDisplayName),
            ("directoryScopeId", item.DirectoryScopeId ?? "/")),
    };
}
