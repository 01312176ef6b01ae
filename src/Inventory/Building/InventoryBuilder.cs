using System.Collections.Frozen;
using TenantScanner.Snapshots;

namespace TenantScanner.Inventory.Building;

/// <summary>
/// Accumulates routed response pages one at a time (nothing raw is kept but flow definitions) and
/// builds the immutable <see cref="TenantInventory"/> once every page has been seen. Cross-references
/// (Dataverse host → environment, resource SP → permission names, owner names) are resolved in
/// <see cref="Build"/>, so the order of files in the manifest does not matter.
/// </summary>
internal sealed class InventoryBuilder
{
    private readonly SnapshotManifest _manifest;
    private readonly DirectoryPageReader _directory = new();
    private readonly PermissionPageReader _permissions = new();
    private readonly PowerPlatformPageReader _powerPlatform = new();
    private readonly FlowPageReader _flows = new();
    private readonly DataversePageReader _dataverse = new();
    private readonly KeyVaultPageReader _keyVault = new();
    private readonly CoverageBuilder _coverage;

    public InventoryBuilder(SnapshotManifest manifest)
    {
        _manifest = manifest;
        _coverage = new CoverageBuilder(manifest.Coverage);
    }

    /// <summary>A successful (2xx) response body.</summary>
    public void Add(ResponsePage page)
    {
        switch (page.Route.Kind)
        {
            case SourceKind.GraphOrganization or SourceKind.GraphServicePrincipals or SourceKind.GraphServicePrincipalOwners
                or SourceKind.GraphApplications or SourceKind.GraphApplicationOwners or SourceKind.GraphApplicationFederatedCredentials
                or SourceKind.GraphUsers or SourceKind.GraphDeletedUsers or SourceKind.GraphDirectoryObjectsByIds:
                _directory.Add(page);
                break;
            case SourceKind.GraphAppRoleAssignments or SourceKind.GraphAppRoleAssignedTo or SourceKind.GraphOAuth2PermissionGrants
                or SourceKind.GraphRoleAssignments or SourceKind.GraphRoleDefinitions:
                _permissions.Add(page);
                break;
            case SourceKind.PowerPlatformEnvironments or SourceKind.PowerPlatformManagementApps or SourceKind.Connections:
                _powerPlatform.Add(page);
                break;
            case SourceKind.Flows or SourceKind.FlowDetails or SourceKind.FlowOwners or SourceKind.DataverseWorkflows:
                _flows.Add(page);
                break;
            case SourceKind.DataverseConnectionReferences or SourceKind.DataverseSystemUsers
                or SourceKind.DataverseEnvironmentVariableDefinitions or SourceKind.DataverseEnvironmentVariableValues:
                _dataverse.Add(page);
                break;
            case SourceKind.KeyVaultSecrets:
                _keyVault.Add(page);
                break;
            default:
                throw new InvalidOperationException($"No collector for source {page.Route.Kind}.");
        }
        _coverage.Succeeded(page.Route);
    }

    /// <summary>A non-2xx response: a coverage gap, and per-object data for that object becomes unknown.</summary>
    public void Fail(SourceRoute route, string url, int status, string error)
    {
        _directory.Fail(route);
        _flows.Fail(route);
        _coverage.Failed(route, url, status, error);
    }

    public TenantInventory Build()
    {
        var environments = _powerPlatform.Environments;
        var resolver = new EnvironmentResolver(environments);
        var directory = _directory.Build(_manifest.TenantId);
        var permissions = _permissions.Build(_directory.FindServicePrincipal);
        var dataverse = _dataverse.Build(resolver);
        return new TenantInventory
        {
            TenantId = _manifest.TenantId,
            TenantDisplayName = _directory.OrganizationDisplayName ?? _manifest.TenantDisplayName,
            CollectedAt = _manifest.CollectedAt,
            Environments = [.. environments],
            Flows = _flows.Build(resolver, _dataverse.FindApplicationUser),
            Connections = _powerPlatform.Connections,
            ConnectionReferences = dataverse.ConnectionReferences,
            ApplicationUsers = dataverse.ApplicationUsers,
            EnvironmentVariables = dataverse.EnvironmentVariables,
            ServicePrincipals = directory.ServicePrincipals,
            Applications = directory.Applications,
            Users = directory.Users,
            AppRoleAssignments = permissions.AppRoleAssignments,
            OAuth2PermissionGrants = permissions.Grants,
            DirectoryRoleAssignments = permissions.RoleAssignments,
            KeyVaultSecrets = _keyVault.Secrets,
            ManagementAppIds = _powerPlatform.ManagementAppIds.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            Coverage = _coverage.Build(environments, resolver),
        };
    }
}
