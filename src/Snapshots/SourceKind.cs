namespace TenantScanner.Snapshots;

/// <summary>
/// Every API source the scanner reads, for switch statements. What each source is (id, route, paging,
/// scope, permission) is declared once in <see cref="SourceTable"/>.
/// </summary>
public enum SourceKind
{
    GraphOrganization,
    GraphServicePrincipals,
    GraphServicePrincipalOwners,
    GraphApplications,
    GraphApplicationOwners,
    GraphApplicationFederatedCredentials,
    GraphUsers,
    GraphDirectoryObjectsByIds,
    GraphDeletedUsers,
    GraphAppRoleAssignments,
    GraphAppRoleAssignedTo,
    GraphOAuth2PermissionGrants,
    GraphRoleAssignments,
    GraphRoleDefinitions,
    PowerPlatformEnvironments,
    PowerPlatformManagementApps,
    Flows,
    FlowDetails,
    FlowOwners,
    Connections,
    DataverseWorkflows,
    DataverseConnectionReferences,
    DataverseSystemUsers,
    DataverseEnvironmentVariableDefinitions,
    DataverseEnvironmentVariableValues,
    KeyVaultSecrets,
}

/// <summary>
/// Stable string ids for <see cref="SourceKind"/>, used in manifests and reports. The ids are declared in
/// <see cref="SourceTable"/>; these are shortcuts to it.
/// </summary>
public static class SourceKindIds
{
    public static string ToId(this SourceKind kind) => SourceTable.Of(kind).Id;

    public static bool TryParse(string id, out SourceKind kind)
    {
        var found = SourceTable.TryGet(id, out var descriptor);
        kind = found ? descriptor.Kind : default;
        return found;
    }

    public static IReadOnlyCollection<string> All { get; } = [.. SourceTable.All.Select(d => d.Id)];

    /// <summary>True for sources that are read once per Power Platform environment.</summary>
    public static bool IsPerEnvironment(this SourceKind kind) => SourceTable.Of(kind).IsPerEnvironment;
}
