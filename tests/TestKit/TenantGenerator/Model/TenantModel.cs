namespace TenantScanner.TestKit.TenantGenerator.Model;

/// <summary>
/// Everything a generated tenant holds, as lazy sequences: the writer enumerates each one while it
/// writes pages, so a 100,000-principal tenant is never materialised. Sequences may be enumerated
/// more than once (flows: list, details, owners, Dataverse) and must yield the same items each time.
/// </summary>
internal sealed record TenantModel
{
    public required TenantInfo Tenant { get; init; }
    public required IEnumerable<UserSpec> Users { get; init; }
    public required IEnumerable<UserSpec> DeletedUsers { get; init; }
    public required IEnumerable<ServicePrincipalSpec> ServicePrincipals { get; init; }
    public required IEnumerable<ApplicationSpec> Applications { get; init; }
    /// <summary>The tenant's Microsoft Graph service principal (resource of the app-role assignments).</summary>
    public required ServicePrincipalSpec GraphServicePrincipal { get; init; }
    public required IEnumerable<AppRoleAssignmentSpec> AppRoleAssignments { get; init; }
    public required IEnumerable<PermissionGrantSpec> PermissionGrants { get; init; }
    public required IReadOnlyList<RoleDefinitionSpec> RoleDefinitions { get; init; }
    public required IEnumerable<RoleAssignmentSpec> RoleAssignments { get; init; }
    public required IReadOnlyList<EnvironmentSpec> Environments { get; init; }
    /// <summary>App ids registered as Power Platform management applications.</summary>
    public required IReadOnlyList<string> ManagementApplicationIds { get; init; }
    public required Func<EnvironmentSpec, IEnumerable<FlowSpec>> Flows { get; init; }
    public required Func<EnvironmentSpec, IEnumerable<ConnectionSpec>> Connections { get; init; }
    /// <summary>Dataverse tables of an environment with Dataverse (workflows come from the solution flows).</summary>
    public required Func<EnvironmentSpec, DataverseContent> Dataverse { get; init; }
    public required IReadOnlyList<KeyVaultSpec> KeyVaults { get; init; }
}

internal enum AppRoleAssignmentLayout
{
    /// <summary><c>servicePrincipals/{id}/appRoleAssignments</c> for every service principal (what a collector of a small tenant writes).</summary>
    PerServicePrincipal,
    /// <summary>One paged <c>servicePrincipals/{graph}/appRoleAssignedTo</c> list (what scales to 100k principals).</summary>
    AssignedToGraphResource,
}

/// <summary>How the snapshot is laid out: page sizes and which of the equivalent Graph requests are used.</summary>
internal sealed record SnapshotLayout
{
    public int GraphPageSize { get; init; } = 999;
    public int AdminPageSize { get; init; } = 250;
    /// <summary>Page size of the Power Automate flow lists (the demo uses a small one so Default has two pages).</summary>
    public int FlowListPageSize { get; init; } = 250;
    public int DataversePageSize { get; init; } = 5000;
    public bool Indented { get; init; }
    public AppRoleAssignmentLayout AppRoleAssignments { get; init; } = AppRoleAssignmentLayout.PerServicePrincipal;
    /// <summary>True: <c>applications/{id}/federatedIdentityCredentials</c> per application; false: <c>$expand</c> on the list.</summary>
    public bool FederatedCredentialsPerApplication { get; init; } = true;
}
