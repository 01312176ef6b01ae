using TenantScanner.TestKit.TenantGenerator.Model;
using TenantScanner.TestKit.TenantGenerator.Output;

namespace TenantScanner.TestKit.TenantGenerator.Synthetic;

/// <summary>Writes a synthetic tenant as a snapshot, streaming every list (nothing large is held in memory).</summary>
internal static class SyntheticTenantWriter
{
    public static readonly DateTimeOffset CollectedAt = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    public static readonly SnapshotLayout Layout = new()
    {
        Indented = false,
        AppRoleAssignments = AppRoleAssignmentLayout.AssignedToGraphResource,
        FederatedCredentialsPerApplication = false,
    };

    public static SnapshotSummary Write(SyntheticOptions options, string folder)
    {
        var ids = new StableIds($"synthetic-{options.Seed}");
        var tenantId = ids.Guid("tenant");
        var directory = new SyntheticDirectory(options, ids, tenantId);
        var powerPlatform = new SyntheticPowerPlatform(options, ids, directory, tenantId);
        var model = new TenantModel
        {
            Tenant = new TenantInfo
            {
                TenantId = tenantId,
                DisplayName = "Fabrikam Global (synthetic)",
                InitialDomain = "fabrikamglobal.onmicrosoft.com",
                CustomDomains = [directory.Domain],
                CountryLetterCode = "DE",
                City = "München",
                CreatedDateTime = new DateTimeOffset(2017, 9, 1, 8, 0, 0, TimeSpan.Zero),
                CollectedAt = CollectedAt,
            },
            Users = directory.Users,
            DeletedUsers = directory.DeletedUsers,
            ServicePrincipals = directory.ServicePrincipals,
            Applications = directory.Applications,
            GraphServicePrincipal = directory.Graph,
            AppRoleAssignments = directory.AppRoleAssignments,
            PermissionGrants = directory.PermissionGrants,
            RoleDefinitions = Shapes.GraphPermissions.DirectoryRoles,
            RoleAssignments = directory.RoleAssignments,
            Environments = powerPlatform.Environments,
            ManagementApplicationIds = [ids.Guid($"appid:{options.ServicePrincipals - 1}")],
            Flows = powerPlatform.Flows,
            Connections = powerPlatform.Connections,
            Dataverse = powerPlatform.Dataverse,
            KeyVaults = [.. Enumerable.Range(0, 3).Select(v => Vault(ids, v))],
        };
        return new TenantSnapshotWriter(Layout, ids).Write(model, folder);
    }

    /// <summary>A vault of 60 secrets (three pages of Key Vault's default 25): some expired, some without expiry.</summary>
    private static KeyVaultSpec Vault(StableIds ids, int index) => new($"kv-fabrikam-{index:D2}", [.. Enumerable.Range(0, 60).Select(k => new KeyVaultSecretSpec
    {
        Name = $"secret-{index:D2}-{k:D3}",
        Created = CollectedAt.AddDays(-400 + k),
        Updated = CollectedAt.AddDays(-300 + k),
        Expires = k % 5 == 0 ? null : CollectedAt.AddDays(-30 + ids.Int($"kv-exp:{index}:{k}", 400)),
        ContentType = "text/plain",
        Enabled = k % 17 != 0,
    })]);
}
