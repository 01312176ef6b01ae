namespace TenantScanner.Snapshots;

/// <summary>
/// Every API source the scanner reads. The string id (see <see cref="SourceKindIds"/>) is what
/// snapshots, coverage lists, rule requirements and reports use; it never changes meaning.
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

/// <summary>Stable string ids for <see cref="SourceKind"/>, used in manifests and reports.</summary>
public static class SourceKindIds
{
    private static readonly Dictionary<SourceKind, string> Ids = new()
    {
        [SourceKind.GraphOrganization] = "graph.organization",
        [SourceKind.GraphServicePrincipals] = "graph.servicePrincipals",
        [SourceKind.GraphServicePrincipalOwners] = "graph.servicePrincipalOwners",
        [SourceKind.GraphApplications] = "graph.applications",
        [SourceKind.GraphApplicationOwners] = "graph.applicationOwners",
        [SourceKind.GraphApplicationFederatedCredentials] = "graph.federatedIdentityCredentials",
        [SourceKind.GraphUsers] = "graph.users",
        [SourceKind.GraphDirectoryObjectsByIds] = "graph.directoryObjectsByIds",
        [SourceKind.GraphDeletedUsers] = "graph.deletedUsers",
        [SourceKind.GraphAppRoleAssignments] = "graph.appRoleAssignments",
        [SourceKind.GraphAppRoleAssignedTo] = "graph.appRoleAssignedTo",
        [SourceKind.GraphOAuth2PermissionGrants] = "graph.oauth2PermissionGrants",
        [SourceKind.GraphRoleAssignments] = "graph.roleAssignments",
        [SourceKind.GraphRoleDefinitions] = "graph.roleDefinitions",
        [SourceKind.PowerPlatformEnvironments] = "powerplatform.environments",
        [SourceKind.PowerPlatformManagementApps] = "powerplatform.managementApps",
        [SourceKind.Flows] = "flow.flows",
        [SourceKind.FlowDetails] = "flow.flowDetails",
        [SourceKind.FlowOwners] = "flow.owners",
        [SourceKind.Connections] = "powerapps.connections",
        [SourceKind.DataverseWorkflows] = "dataverse.workflows",
        [SourceKind.DataverseConnectionReferences] = "dataverse.connectionreferences",
        [SourceKind.DataverseSystemUsers] = "dataverse.systemusers",
        [SourceKind.DataverseEnvironmentVariableDefinitions] = "dataverse.environmentvariabledefinitions",
        [SourceKind.DataverseEnvironmentVariableValues] = "dataverse.environmentvariablevalues",
        [SourceKind.KeyVaultSecrets] = "keyvault.secrets",
    };

    private static readonly Dictionary<string, SourceKind> ById =
        Ids.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    public static string ToId(this SourceKind kind) => Ids[kind];

    public static bool TryParse(string id, out SourceKind kind) => ById.TryGetValue(id, out kind);

    public static IReadOnlyCollection<string> All => Ids.Values;

    /// <summary>True for sources that are read once per Power Platform environment.</summary>
    public static bool IsPerEnvironment(this SourceKind kind) => kind is SourceKind.Flows or SourceKind.FlowDetails
        or SourceKind.FlowOwners or SourceKind.Connections or SourceKind.DataverseWorkflows
        or SourceKind.DataverseConnectionReferences or SourceKind.DataverseSystemUsers
        or SourceKind.DataverseEnvironmentVariableDefinitions or SourceKind.DataverseEnvironmentVariableValues;
}
