using System.Collections.Frozen;

namespace TenantScanner.Inventory;

/// <summary>
/// The normalised, immutable model of one tenant built from a snapshot. Knows nothing about HTTP or
/// rules. Objects refer to each other by id; the lookups below resolve those ids.
/// </summary>
public sealed class TenantInventory
{
    public required string TenantId { get; init; }
    public string? TenantDisplayName { get; init; }
    /// <summary>When the evidence was collected; time-dependent rules evaluate as of this instant by default.</summary>
    public required DateTimeOffset CollectedAt { get; init; }
    public IReadOnlyList<PowerPlatformEnvironment> Environments { get; init; } = [];
    public IReadOnlyList<Flow> Flows { get; init; } = [];
    public IReadOnlyList<Connection> Connections { get; init; } = [];
    public IReadOnlyList<ConnectionReference> ConnectionReferences { get; init; } = [];
    public IReadOnlyList<ApplicationUser> ApplicationUsers { get; init; } = [];
    public IReadOnlyList<EnvironmentVariable> EnvironmentVariables { get; init; } = [];
    public IReadOnlyList<ServicePrincipal> ServicePrincipals { get; init; } = [];
    public IReadOnlyList<Application> Applications { get; init; } = [];
    /// <summary>Active and deleted users (see <see cref="User.IsDeleted"/>).</summary>
    public IReadOnlyList<User> Users { get; init; } = [];
    public IReadOnlyList<AppRoleAssignment> AppRoleAssignments { get; init; } = [];
    public IReadOnlyList<OAuth2PermissionGrant> OAuth2PermissionGrants { get; init; } = [];
    public IReadOnlyList<DirectoryRoleAssignment> DirectoryRoleAssignments { get; init; } = [];
    public IReadOnlyList<KeyVaultSecretInfo> KeyVaultSecrets { get; init; } = [];
    /// <summary>App ids registered as Power Platform management applications.</summary>
    public IReadOnlySet<string> ManagementAppIds { get; init; } = FrozenSet<string>.Empty;
    public CoverageMap Coverage { get; init; } = CoverageMap.Complete;

    private Indexes? _indexes;
    private Indexes Index => _indexes ??= new Indexes(this);

    public PowerPlatformEnvironment? FindEnvironment(string id) => Index.Environments.GetValueOrDefault(id);
    public User? FindUser(string objectId) => Index.UsersById.GetValueOrDefault(objectId);
    public User? FindUserByPrincipalName(string upn) => Index.UsersByUpn.GetValueOrDefault(upn);
    public ServicePrincipal? FindServicePrincipal(string objectId) => Index.SpsById.GetValueOrDefault(objectId);
    public ServicePrincipal? FindServicePrincipalByAppId(string appId) => Index.SpsByAppId.GetValueOrDefault(appId);
    public Application? FindApplicationByAppId(string appId) => Index.AppsByAppId.GetValueOrDefault(appId);
    public Connection? FindConnection(string environmentId, string connectionName) =>
        Index.Connections.GetValueOrDefault((environmentId.ToLowerInvariant(), connectionName.ToLowerInvariant()));
    public ConnectionReference? FindConnectionReference(string environmentId, string logicalName) =>
        Index.ConnectionReferences.GetValueOrDefault((environmentId.ToLowerInvariant(), logicalName.ToLowerInvariant()));
    public IReadOnlyList<AppRoleAssignment> AppRoleAssignmentsOf(string principalId) =>
        Index.AssignmentsByPrincipal.GetValueOrDefault(principalId) ?? [];
    public IReadOnlyList<OAuth2PermissionGrant> GrantsOf(string clientId) =>
        Index.GrantsByClient.GetValueOrDefault(clientId) ?? [];
    public IReadOnlyList<DirectoryRoleAssignment> RoleAssignmentsOf(string principalId) =>
        Index.RolesByPrincipal.GetValueOrDefault(principalId) ?? [];
    public ApplicationUser? FindApplicationUser(string environmentId, string systemUserId) =>
        Index.AppUsers.GetValueOrDefault((environmentId.ToLowerInvariant(), systemUserId.ToLowerInvariant()));

    /// <summary>Lookups built once on first use; the inventory itself never changes.</summary>
    private sealed class Indexes
    {
        public Indexes(TenantInventory inventory)
        {
            var ignoreCase = StringComparer.OrdinalIgnoreCase;
            Environments = inventory.Environments.DistinctBy(e => e.Id, ignoreCase).ToFrozenDictionary(e => e.Id, ignoreCase);
            UsersById = inventory.Users.OrderBy(u => u.IsDeleted).DistinctBy(u => u.Id, ignoreCase).ToFrozenDictionary(u => u.Id, ignoreCase);
            UsersByUpn = UpnIndex(inventory.Users);
            SpsById = inventory.ServicePrincipals.DistinctBy(s => s.Id, ignoreCase).ToFrozenDictionary(s => s.Id, ignoreCase);
            SpsByAppId = inventory.ServicePrincipals.DistinctBy(s => s.AppId, ignoreCase).ToFrozenDictionary(s => s.AppId, ignoreCase);
            AppsByAppId = inventory.Applications.DistinctBy(a => a.AppId, ignoreCase).ToFrozenDictionary(a => a.AppId, ignoreCase);
            Connections = inventory.Connections.DistinctBy(c => (c.EnvironmentId.ToLowerInvariant(), c.Id.ToLowerInvariant()))
                .ToFrozenDictionary(c => (c.EnvironmentId.ToLowerInvariant(), c.Id.ToLowerInvariant()));
            ConnectionReferences = inventory.ConnectionReferences.DistinctBy(c => (c.EnvironmentId.ToLowerInvariant(), c.LogicalName.ToLowerInvariant()))
                .ToFrozenDictionary(c => (c.EnvironmentId.ToLowerInvariant(), c.LogicalName.ToLowerInvariant()));
            AppUsers = inventory.ApplicationUsers.DistinctBy(a => (a.EnvironmentId.ToLowerInvariant(), a.SystemUserId.ToLowerInvariant()))
                .ToFrozenDictionary(a => (a.EnvironmentId.ToLowerInvariant(), a.SystemUserId.ToLowerInvariant()));
            AssignmentsByPrincipal = Group(inventory.AppRoleAssignments, a => a.PrincipalId);
            GrantsByClient = Group(inventory.OAuth2PermissionGrants, g => g.ClientId);
            RolesByPrincipal = Group(inventory.DirectoryRoleAssignments, r => r.PrincipalId);
        }

        public FrozenDictionary<string, PowerPlatformEnvironment> Environments { get; }
        public FrozenDictionary<string, User> UsersById { get; }
        public FrozenDictionary<string, User> UsersByUpn { get; }
        public FrozenDictionary<string, ServicePrincipal> SpsById { get; }
        public FrozenDictionary<string, ServicePrincipal> SpsByAppId { get; }
        public FrozenDictionary<string, Application> AppsByAppId { get; }
        public FrozenDictionary<(string, string), Connection> Connections { get; }
        public FrozenDictionary<(string, string), ConnectionReference> ConnectionReferences { get; }
        public FrozenDictionary<(string, string), ApplicationUser> AppUsers { get; }
        public FrozenDictionary<string, IReadOnlyList<AppRoleAssignment>> AssignmentsByPrincipal { get; }
        public FrozenDictionary<string, IReadOnlyList<OAuth2PermissionGrant>> GrantsByClient { get; }
        public FrozenDictionary<string, IReadOnlyList<DirectoryRoleAssignment>> RolesByPrincipal { get; }

        /// <summary>
        /// Users by UPN. Deleted users are also found by their original UPN (without Entra's object-id prefix),
        /// which is what their old connections still name; an active user holding that UPN again wins.
        /// </summary>
        private static FrozenDictionary<string, User> UpnIndex(IReadOnlyList<User> users)
        {
            var byUpn = new Dictionary<string, User>(StringComparer.OrdinalIgnoreCase);
            foreach (var user in users.Where(u => u.UserPrincipalName is not null).OrderBy(u => u.IsDeleted))
            {
                byUpn.TryAdd(user.UserPrincipalName!, user);
                if (user.IsDeleted)
                    byUpn.TryAdd(user.OriginalPrincipalName()!, user);
            }
            return byUpn.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        }

        private static FrozenDictionary<string, IReadOnlyList<T>> Group<T>(IEnumerable<T> items, Func<T, string> key) =>
            items.GroupBy(key, StringComparer.OrdinalIgnoreCase)
                .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<T>)[.. g], StringComparer.OrdinalIgnoreCase);
    }
}
