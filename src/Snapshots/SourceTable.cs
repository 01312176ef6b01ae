using System.Collections.Frozen;

namespace TenantScanner.Snapshots;

/// <summary>
/// The one table of API sources: every fact about a source (id, route, paging, scope, permission) is
/// declared here and read by the snapshot loader's routing, the collectors, the coverage messages, the
/// tenant generator and the test builders. docs/snapshot-format.md and docs/permissions.md describe the
/// same table; a test checks that they list every id.
/// </summary>
public static class SourceTable
{
    private const string ApplicationRead = "Graph application permission Application.Read.All";
    private const string UserRead = "Graph application permission User.Read.All";
    private const string DirectoryRead = "Graph application permission Directory.Read.All";
    private const string RoleRead = "Graph application permission RoleManagement.Read.Directory";
    private const string PowerPlatformAdmin =
        "Power Platform admin access: register the app as a Power Platform management application (or give the identity the Power Platform Administrator role)";
    private const string DataverseRead =
        "a Dataverse application user in this environment with a read-only security role (read on Process, Connection Reference, User, Environment Variable Definition/Value)";
    private const string KeyVaultList =
        "Key Vault data-plane permission to list secret metadata: Azure RBAC role 'Key Vault Reader' (secrets/readMetadata), or access policy 'List' on secrets";

    private const string GraphExample = "https://graph.microsoft.com/v1.0";
    private const string Sp = "4f1c7a52-3b0e-4d7e-9a51-0c2d5e8f6a10";
    private const string App = "9a3e2b71-6c4d-4f0a-8b12-5d7e9f1a2c34";
    private const string Bap = "https://api.bap.microsoft.com/providers/Microsoft.BusinessAppPlatform";
    private const string FlowEnv = "https://api.flow.microsoft.com/providers/Microsoft.ProcessSimple/scopes/admin/environments/Default-7d1c1a8e";
    private const string FlowPath = "providers/Microsoft.ProcessSimple/scopes/admin/environments/{env}";
    private const string Org = "https://contoso.crm4.dynamics.com/api/data/v9.2";

    /// <summary>Every source, in <see cref="SourceKind"/> order.</summary>
    public static IReadOnlyList<SourceDescriptor> All { get; } =
    [
        Graph(SourceKind.GraphOrganization, "graph.organization", "organization",
            "Graph application permission Organization.Read.All (or Directory.Read.All)", $"{GraphExample}/organization?$select=id,displayName,verifiedDomains"),
        Graph(SourceKind.GraphServicePrincipals, "graph.servicePrincipals", "servicePrincipals",
            ApplicationRead, $"{GraphExample}/servicePrincipals?$select=id,appId&$expand=owners($select=id)&$top=999"),
        Graph(SourceKind.GraphServicePrincipalOwners, "graph.servicePrincipalOwners", "servicePrincipals/{id}/owners",
            ApplicationRead, $"{GraphExample}/servicePrincipals/{Sp}/owners?$select=id&$top=999"),
        Graph(SourceKind.GraphApplications, "graph.applications", "applications",
            ApplicationRead, $"{GraphExample}/applications?$select=id,appId&$expand=owners($select=id)&$top=999"),
        Graph(SourceKind.GraphApplicationOwners, "graph.applicationOwners", "applications/{id}/owners",
            ApplicationRead, $"{GraphExample}/applications/{App}/owners?$select=id&$top=999"),
        Graph(SourceKind.GraphApplicationFederatedCredentials, "graph.federatedIdentityCredentials", "applications/{id}/federatedIdentityCredentials",
            ApplicationRead, $"{GraphExample}/applications/{App}/federatedIdentityCredentials"),
        Graph(SourceKind.GraphUsers, "graph.users", "users",
            UserRead, $"{GraphExample}/users?$select=id,displayName,userPrincipalName,accountEnabled&$top=999"),
        Graph(SourceKind.GraphDirectoryObjectsByIds, "graph.directoryObjectsByIds", "directoryObjects/getByIds",
            DirectoryRead, $"{GraphExample}/directoryObjects/getByIds", PagingStyle.None),
        Graph(SourceKind.GraphDeletedUsers, "graph.deletedUsers", "directory/deletedItems/microsoft.graph.user",
            UserRead, $"{GraphExample}/directory/deletedItems/microsoft.graph.user?$select=id,displayName,userPrincipalName,deletedDateTime&$top=999"),
        Graph(SourceKind.GraphAppRoleAssignments, "graph.appRoleAssignments", "servicePrincipals/{id}/appRoleAssignments",
            ApplicationRead, $"{GraphExample}/servicePrincipals/{Sp}/appRoleAssignments"),
        Graph(SourceKind.GraphAppRoleAssignedTo, "graph.appRoleAssignedTo", "servicePrincipals/{id}/appRoleAssignedTo",
            ApplicationRead, $"{GraphExample}/servicePrincipals/{Sp}/appRoleAssignedTo?$top=999&$select=id,principalId,resourceId,appRoleId"),
        Graph(SourceKind.GraphOAuth2PermissionGrants, "graph.oauth2PermissionGrants", "oauth2PermissionGrants",
            DirectoryRead, $"{GraphExample}/oauth2PermissionGrants"),
        Graph(SourceKind.GraphRoleAssignments, "graph.roleAssignments", "roleManagement/directory/roleAssignments",
            RoleRead, $"{GraphExample}/roleManagement/directory/roleAssignments?$select=id,principalId,roleDefinitionId,directoryScopeId"),
        Graph(SourceKind.GraphRoleDefinitions, "graph.roleDefinitions", "roleManagement/directory/roleDefinitions",
            RoleRead, $"{GraphExample}/roleManagement/directory/roleDefinitions?$select=id,displayName,templateId,isBuiltIn"),
        Admin(SourceKind.PowerPlatformEnvironments, "powerplatform.environments", SourceService.PowerPlatformAdmin,
            "providers/Microsoft.BusinessAppPlatform/scopes/admin/environments", $"{Bap}/scopes/admin/environments?api-version=2020-10-01"),
        Admin(SourceKind.PowerPlatformManagementApps, "powerplatform.managementApps", SourceService.PowerPlatformAdmin,
            "providers/Microsoft.BusinessAppPlatform/adminApplications", $"{Bap}/adminApplications?api-version=2020-10-01"),
        Admin(SourceKind.Flows, "flow.flows", SourceService.PowerAutomateAdmin,
            $"{FlowPath}/v2/flows", $"{FlowEnv}/v2/flows?api-version=2016-11-01", SourceScope.Environment),
        Admin(SourceKind.FlowDetails, "flow.flowDetails", SourceService.PowerAutomateAdmin,
            $"{FlowPath}/flows/{{flow}}", $"{FlowEnv}/flows/3c9d1e7a-0b2f-4a6c-8d5e-1f7a9b3c5d2e?api-version=2016-11-01&$expand=properties.definition",
            SourceScope.Environment, PagingStyle.None),
        Admin(SourceKind.FlowOwners, "flow.owners", SourceService.PowerAutomateAdmin,
            $"{FlowPath}/flows/{{flow}}/owners", $"{FlowEnv}/flows/3c9d1e7a-0b2f-4a6c-8d5e-1f7a9b3c5d2e/owners?api-version=2016-11-01", SourceScope.Environment),
        Admin(SourceKind.Connections, "powerapps.connections", SourceService.PowerAppsAdmin,
            "providers/Microsoft.PowerApps/scopes/admin/environments/{env}/connections",
            "https://api.powerapps.com/providers/Microsoft.PowerApps/scopes/admin/environments/Default-7d1c1a8e/connections?api-version=2016-11-01", SourceScope.Environment),
        Dataverse(SourceKind.DataverseWorkflows, "workflows", $"{Org}/workflows?$select=workflowid,clientdata&$filter=category%20eq%205"),
        Dataverse(SourceKind.DataverseConnectionReferences, "connectionreferences", $"{Org}/connectionreferences?$select=connectionreferenceid,connectionid"),
        Dataverse(SourceKind.DataverseSystemUsers, "systemusers", $"{Org}/systemusers?$select=systemuserid,applicationid&$filter=applicationid%20ne%20null"),
        Dataverse(SourceKind.DataverseEnvironmentVariableDefinitions, "environmentvariabledefinitions", $"{Org}/environmentvariabledefinitions?$select=schemaname,type"),
        Dataverse(SourceKind.DataverseEnvironmentVariableValues, "environmentvariablevalues", $"{Org}/environmentvariablevalues?$select=value"),
        new()
        {
            Kind = SourceKind.KeyVaultSecrets, Id = "keyvault.secrets", Service = SourceService.KeyVault, Route = "secrets",
            Paging = PagingStyle.NextLink, Scope = SourceScope.KeyVault, Permission = KeyVaultList,
            ExampleUrl = "https://kv-contoso-prod.vault.azure.net/secrets?api-version=7.5",
        },
    ];

    private static readonly FrozenDictionary<SourceKind, SourceDescriptor> ByKind = All.ToFrozenDictionary(d => d.Kind);

    private static readonly FrozenDictionary<string, SourceDescriptor> ById = All.ToFrozenDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The descriptor of <paramref name="kind"/>.</summary>
    public static SourceDescriptor Of(SourceKind kind) => ByKind[kind];

    /// <summary>Finds a source by its id (case-insensitive).</summary>
    public static bool TryGet(string id, out SourceDescriptor descriptor) => ById.TryGetValue(id, out descriptor!);

    private static SourceDescriptor Graph(SourceKind kind, string id, string path, string permission, string example,
        PagingStyle paging = PagingStyle.ODataNextLink) => new()
    {
        Kind = kind, Id = id, Service = SourceService.Graph, Route = "v1.0/" + path, Paging = paging, Scope = SourceScope.Tenant,
        Permission = permission, ExampleUrl = example,
    };

    private static SourceDescriptor Admin(SourceKind kind, string id, SourceService service, string route, string example,
        SourceScope scope = SourceScope.Tenant, PagingStyle paging = PagingStyle.NextLink) => new()
    {
        Kind = kind, Id = id, Service = service, Route = route, Paging = paging, Scope = scope, Permission = PowerPlatformAdmin, ExampleUrl = example,
    };

    private static SourceDescriptor Dataverse(SourceKind kind, string table, string example) => new()
    {
        Kind = kind, Id = "dataverse." + table, Service = SourceService.Dataverse, Route = "api/data/{ver}/" + table,
        Paging = PagingStyle.ODataNextLink, Scope = SourceScope.Environment, Permission = DataverseRead, ExampleUrl = example,
    };
}
