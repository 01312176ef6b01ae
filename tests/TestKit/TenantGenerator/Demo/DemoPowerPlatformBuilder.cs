using System.Text.Json.Nodes;
using TenantScanner.TestKit.TenantGenerator.Model;
using TenantScanner.TestKit.TenantGenerator.Shapes;

namespace TenantScanner.TestKit.TenantGenerator.Demo;

/// <summary>
/// Bookkeeping for the demo's Power Platform side: connections (one per identity, connector and
/// environment), Dataverse connection references and system users, created as flows ask for them.
/// </summary>
internal sealed class DemoPowerPlatformBuilder(StableIds ids, DemoPeople people, DemoDirectory directory, string tenantId)
{
    private readonly Dictionary<string, ConnectionSpec> _connections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConnectionReferenceSpec> _references = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SystemUserSpec> _systemUsers = new(StringComparer.Ordinal);
    private readonly List<FlowSpec> _flows = [];

    public IReadOnlyList<FlowSpec> Flows => _flows;

    public IEnumerable<ConnectionSpec> ConnectionsOf(EnvironmentSpec env) => _connections.Values.Where(c => c.EnvironmentName == env.Name);

    public IEnumerable<ConnectionReferenceSpec> ReferencesOf(EnvironmentSpec env) =>
        _references.Where(r => r.Key.StartsWith(env.Name + "|", StringComparison.Ordinal)).Select(r => r.Value);

    public IEnumerable<SystemUserSpec> SystemUsersOf(EnvironmentSpec env) =>
        _systemUsers.Where(u => u.Key.StartsWith(env.Name + "|", StringComparison.Ordinal)).Select(u => u.Value);

    /// <summary>A connection that signs in as <paramref name="userKey"/> with their OAuth token.</summary>
    public ConnectionSpec UserConnection(EnvironmentSpec env, string userKey, string api, ConnectionError? error = null)
    {
        var user = people[userKey];
        return Connection(env, $"user:{userKey}", api, user.SignInName, new UserOAuthIdentity(user), user, error);
    }

    /// <summary>A connection that signs in as the service principal of app <paramref name="appKey"/> (oauthSP).</summary>
    public ConnectionSpec ServicePrincipalConnection(EnvironmentSpec env, string appKey, string api, string creatorKey, ConnectionError? error = null)
    {
        var sp = directory.ServicePrincipal(appKey);
        return Connection(env, $"sp:{appKey}", api, $"{sp.DisplayName} ({Connectors.DisplayName(api)})",
            new ServicePrincipalIdentity(sp.AppId, tenantId), people[creatorKey], error);
    }

    /// <summary>Binds a solution flow to <paramref name="connection"/> through a Dataverse connection reference.</summary>
    public FlowConnectionSpec Reference(EnvironmentSpec env, ConnectionSpec connection, string ownerSystemUserId)
    {
        var key = $"{env.Name}|{connection.Name}";
        if (!_references.TryGetValue(key, out var reference))
        {
            var shortApi = connection.ApiName.Replace("shared_", "", StringComparison.Ordinal);
            reference = new ConnectionReferenceSpec
            {
                Id = ids.Guid($"connref:{key}"),
                LogicalName = $"cp_{shortApi}_{ids.Hex($"connref-suffix:{key}", 5)}",
                DisplayName = $"{Connectors.DisplayName(connection.ApiName)} – {connection.DisplayName}",
                Connection = connection,
                OwnerSystemUserId = ownerSystemUserId,
                CreatedOn = connection.CreatedTime.AddMinutes(20),
            };
            _references[key] = reference;
        }
        return new FlowConnectionSpec(connection, reference.LogicalName);
    }

    /// <summary>The Dataverse system user of a person in <paramref name="env"/>.</summary>
    public SystemUserSpec PersonSystemUser(EnvironmentSpec env, string userKey)
    {
        var user = people[userKey];
        return SystemUser(env, $"person:{userKey}", user.DisplayName, null, user.Id, user.UserPrincipalName, disabled: !user.AccountEnabled);
    }

    /// <summary>The Dataverse application user of app <paramref name="appKey"/> in <paramref name="env"/>.</summary>
    public SystemUserSpec ApplicationUser(EnvironmentSpec env, string appKey, bool disabled = false)
    {
        var sp = directory.ServicePrincipal(appKey);
        return SystemUser(env, $"app:{appKey}", $"# {sp.DisplayName}", sp.AppId, sp.Id, $"{sp.AppId}@contosopharma.onmicrosoft.com", disabled);
    }

    public static FlowOwnerSpec OwnerUser(UserSpec user, string role = "Owner") => new(user.Id, "User", user.DisplayName, user.Mail, role);

    public FlowOwnerSpec OwnerGroup(string displayName, string mailNickname) =>
        new(ids.Guid($"group:{mailNickname}"), "Group", displayName, $"{mailNickname}@{DemoPeople.Domain}");

    public FlowOwnerSpec OwnerServicePrincipal(string appKey)
    {
        var sp = directory.ServicePrincipal(appKey);
        return new FlowOwnerSpec(sp.Id, "ServicePrincipal", sp.DisplayName, null);
    }

    /// <summary>Adds a flow; its definition is composed on demand from <paramref name="shape"/>.</summary>
    public FlowSpec AddFlow(EnvironmentSpec env, string displayName, string creatorKey, IReadOnlyList<FlowOwnerSpec> owners,
        IReadOnlyList<FlowConnectionSpec> connections, BusinessFlowShape shape, string state = "Started", SolutionFlowSpec? solution = null)
    {
        var key = $"flow:{env.Name}:{displayName}";
        var created = new DateTimeOffset(2024, 1, 8, 8, 0, 0, TimeSpan.Zero).AddMinutes(ids.Int($"{key}:created", 24 * 60 * 600));
        var flow = new FlowSpec
        {
            Name = ids.Guid(key),
            Environment = env,
            DisplayName = displayName,
            State = state,
            CreatedTime = created,
            LastModifiedTime = created.AddMinutes(ids.Int($"{key}:modified", 24 * 60 * 200) + 60),
            Creator = people[creatorKey],
            Owners = owners,
            Connections = connections,
            Definition = () => BusinessFlowComposer.Build(shape with { Apis = [.. connections.Select(c => c.Connection.ApiName)] }),
            Solution = solution,
        };
        _flows.Add(flow);
        return flow;
    }

    /// <summary>The Dataverse identity of a solution flow owned by <paramref name="owner"/>.</summary>
    public SolutionFlowSpec Solution(EnvironmentSpec env, string displayName, SystemUserSpec owner, SystemUserSpec creator) => new()
    {
        WorkflowId = ids.Guid($"workflow:{env.Name}:{displayName}"),
        WorkflowIdUnique = ids.Guid($"workflow-unique:{env.Name}:{displayName}"),
        OwnerSystemUserId = owner.SystemUserId,
        CreatedBySystemUserId = creator.SystemUserId,
        SolutionUniqueName = "ContosoPharmaAutomation",
    };

    private ConnectionSpec Connection(EnvironmentSpec env, string identityKey, string api, string displayName,
        ConnectionIdentity identity, UserSpec createdBy, ConnectionError? error)
    {
        var key = $"{env.Name}|{identityKey}|{api}";
        if (_connections.TryGetValue(key, out var existing))
            return existing;
        var connection = new ConnectionSpec
        {
            Name = Connectors.ConnectionName(api, ids.Guid($"connection:{key}").Replace("-", "", StringComparison.Ordinal)),
            EnvironmentName = env.Name,
            ApiName = api,
            DisplayName = displayName,
            Identity = identity,
            CreatedBy = createdBy,
            CreatedTime = new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero).AddMinutes(ids.Int($"{key}:created", 24 * 60 * 500)),
            Error = error,
        };
        _connections[key] = connection;
        return connection;
    }

    private SystemUserSpec SystemUser(EnvironmentSpec env, string key, string fullName, string? applicationId, string aadObjectId, string domainName, bool disabled)
    {
        var fullKey = $"{env.Name}|{key}";
        if (!_systemUsers.TryGetValue(fullKey, out var user))
        {
            user = new SystemUserSpec
            {
                SystemUserId = ids.Guid($"systemuser:{fullKey}"),
                ApplicationId = applicationId,
                FullName = fullName,
                IsDisabled = disabled,
                AzureActiveDirectoryObjectId = aadObjectId,
                DomainName = domainName,
                CreatedOn = env.CreatedTime.AddDays(2 + ids.Int($"{fullKey}:created", 200)),
            };
            _systemUsers[fullKey] = user;
        }
        return user;
    }
}
