using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Collect;

/// <summary>
/// The least-privilege permission each source needs (docs/permissions.md; Graph entries from
/// least-privilege-endpoints.csv), so a 401/403 in coverage says what to grant rather than just "Forbidden".
/// </summary>
public static class PermissionHints
{
    public static string For(SourceKind kind) => kind switch
    {
        SourceKind.GraphOrganization => "Graph application permission Organization.Read.All (or Directory.Read.All)",
        SourceKind.GraphServicePrincipals or SourceKind.GraphServicePrincipalOwners or SourceKind.GraphApplications
            or SourceKind.GraphApplicationOwners or SourceKind.GraphApplicationFederatedCredentials
            or SourceKind.GraphAppRoleAssignments or SourceKind.GraphAppRoleAssignedTo
            => "Graph application permission Application.Read.All",
        SourceKind.GraphUsers or SourceKind.GraphDeletedUsers => "Graph application permission User.Read.All",
        SourceKind.GraphDirectoryObjectsByIds or SourceKind.GraphOAuth2PermissionGrants => "Graph application permission Directory.Read.All",
        SourceKind.GraphRoleAssignments or SourceKind.GraphRoleDefinitions => "Graph application permission RoleManagement.Read.Directory",
        SourceKind.PowerPlatformEnvironments or SourceKind.PowerPlatformManagementApps or SourceKind.Flows or SourceKind.FlowDetails
            or SourceKind.FlowOwners or SourceKind.Connections
            => "Power Platform admin access: register the app as a Power Platform management application (or give the identity the Power Platform Administrator role)",
        SourceKind.DataverseWorkflows or SourceKind.DataverseConnectionReferences or SourceKind.DataverseSystemUsers
            or SourceKind.DataverseEnvironmentVariableDefinitions or SourceKind.DataverseEnvironmentVariableValues
            => "a Dataverse application user in this environment with a read-only security role (read on Process, Connection Reference, User, Environment Variable Definition/Value)",
        SourceKind.KeyVaultSecrets => "Key Vault data-plane permission to list secret metadata: Azure RBAC role 'Key Vault Reader' (secrets/readMetadata), or access policy 'List' on secrets",
        _ => "read access to this source",
    };

    public static string Describe(SourceKind kind, int? status, string error) => status is 401 or 403
        ? $"{error} Missing permission: {For(kind)}."
        : error;
}

/// <summary>A source that could not be read after retries: the HTTP status (when there is one) and the URL.</summary>
public sealed class SourceReadException : Exception
{
    public SourceReadException(string url, int? status, string message, Exception? inner = null) : base(message, inner)
    {
        Url = url;
        Status = status;
    }

    public SourceReadException() : base("The source could not be read.") => Url = "";
    public SourceReadException(string message) : base(message) => Url = "";
    public SourceReadException(string message, Exception inner) : base(message, inner) => Url = "";

    public string Url { get; }
    public int? Status { get; }
}
