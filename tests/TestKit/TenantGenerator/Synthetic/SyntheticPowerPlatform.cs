using System.Text.Json.Nodes;
using TenantScanner.TestKit.TenantGenerator.Model;
using TenantScanner.TestKit.TenantGenerator.Shapes;

namespace TenantScanner.TestKit.TenantGenerator.Synthetic;

/// <summary>
/// Environments, connections, flows and Dataverse rows of a synthetic tenant. The Default
/// environment holds 40% of the flows (personal flows on people's connections); the others are
/// Production/Sandbox/Developer, most with Dataverse and solution flows owned by application users.
/// About 1% of flows carry a hard-coded secret and 3% of connections are in error.
/// </summary>
internal sealed class SyntheticPowerPlatform(SyntheticOptions options, StableIds ids, SyntheticDirectory directory, string tenantId)
{
    private const int AppUsersPerEnvironment = 20;
    private static readonly string[] UserApis = [Connectors.Office365, Connectors.SharePoint, Connectors.Teams, Connectors.Excel, Connectors.OneDrive];
    private static readonly string[] ServicePrincipalApis = [Connectors.Sql, Connectors.Dataverse, Connectors.AzureBlob, Connectors.KeyVault, Connectors.ServiceBus];
    private static readonly string[] Subjects = ["invoice", "purchase order", "onboarding", "report", "approval", "shipment", "ticket", "expense", "audit", "survey"];
    private static readonly FlowTriggerShape[] Triggers = Enum.GetValues<FlowTriggerShape>();

    public IReadOnlyList<EnvironmentSpec> Environments { get; } = Enumerable.Range(0, options.Environments).Select(i => new EnvironmentSpec
    {
        Name = i == 0 ? $"Default-{tenantId}" : ids.Guid($"env:{i}"),
        DisplayName = i == 0 ? "Fabrikam Global (default)" : $"{(i % 3 == 0 ? "Sandbox" : "Production")} {i:D2}",
        Sku = i == 0 ? "Default" : i % 3 == 0 ? "Sandbox" : i % 7 == 0 ? "Developer" : "Production",
        IsDefault = i == 0,
        InstanceUrl = i == 0 || i % 5 == 4 ? null : $"https://fabrikam{i:D2}.crm4.dynamics.com/",
        DataverseUniqueName = i == 0 || i % 5 == 4 ? null : $"unq{ids.Hex($"org:{i}", 24)}",
        CreatedTime = new DateTimeOffset(2021, 1, 4, 9, 0, 0, TimeSpan.Zero).AddDays(i * 17),
        CreatedBy = directory.User(i % options.Users),
    }).ToList();

    private int Index(EnvironmentSpec env) => env.IsDefault ? 0 : Environments.ToList().FindIndex(e => e.Name == env.Name);

    /// <summary>Flows of environment <paramref name="e"/>: 40% of all in Default, the rest spread evenly.</summary>
    private int FlowCount(int e)
    {
        if (options.Environments == 1)
            return options.Flows;
        var inDefault = options.Flows * 4 / 10;
        if (e == 0)
            return inDefault;
        var rest = options.Flows - inDefault;
        return rest / (options.Environments - 1) + (e - 1 < rest % (options.Environments - 1) ? 1 : 0);
    }

    private int ConnectionCount(int e) => Math.Max(10, FlowCount(e) / 3);

    public IEnumerable<ConnectionSpec> Connections(EnvironmentSpec env)
    {
        var e = Index(env);
        return Enumerable.Range(0, ConnectionCount(e)).Select(j => Connection(env, e, j));
    }

    private ConnectionSpec Connection(EnvironmentSpec env, int e, int j)
    {
        var random = SyntheticRandom.For(options.Seed, $"connection:{e}", j);
        var user = directory.User(random.Next(options.Users));
        var servicePrincipal = !env.IsDefault && random.Next(100) < 45;
        var api = servicePrincipal ? random.Pick(ServicePrincipalApis) : random.Pick(UserApis);
        ConnectionIdentity identity = servicePrincipal ? new ServicePrincipalIdentity(ids.Guid($"appid:{random.Next(options.ServicePrincipals)}"), tenantId) : new UserOAuthIdentity(user);
        return new ConnectionSpec
        {
            Name = Connectors.ConnectionName(api, ids.Hex($"connection:{e}:{j}", 32)),
            EnvironmentName = env.Name,
            ApiName = api,
            DisplayName = servicePrincipal ? $"{Connectors.DisplayName(api)} (service principal)" : user.UserPrincipalName,
            Identity = identity,
            CreatedBy = user,
            CreatedTime = env.CreatedTime.AddHours(random.Next(20_000)),
            Error = random.Next(100) < 3 ? new ConnectionError("Unauthenticated", "Failed to refresh access token for service. Error: AADSTS700082: The refresh token has expired due to inactivity.") : null,
        };
    }

    public IEnumerable<FlowSpec> Flows(EnvironmentSpec env)
    {
        var e = Index(env);
        return Enumerable.Range(0, FlowCount(e)).Select(i => Flow(env, e, i));
    }

    private FlowSpec Flow(EnvironmentSpec env, int e, int i)
    {
        var random = SyntheticRandom.For(options.Seed, $"flow:{e}", i);
        var creator = directory.User(random.Next(options.Users));
        var connections = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Next(ConnectionCount(e))).Distinct()
            .Select(j => Connection(env, e, j)).GroupBy(c => c.ApiName).Select(g => g.First()).ToList();
        var solution = env.InstanceUrl is not null && random.Next(100) < 70;
        var appOwned = solution && random.Next(100) < 50;
        var owners = new List<FlowOwnerSpec> { new(creator.Id, "User", creator.DisplayName, creator.Mail) };
        if (random.Next(100) < 10)
            owners.Add(new FlowOwnerSpec(ids.Guid($"group:{e}:{i % 50}"), "Group", $"Automation team {i % 50:D2}", null));
        var created = env.CreatedTime.AddHours(random.Next(30_000));
        var secretRoll = random.Next(1000);
        var shape = new BusinessFlowShape
        {
            Trigger = random.Pick(Triggers),
            Subject = random.Pick(Subjects),
            Apis = [.. connections.Select(c => c.ApiName)],
            ScheduleHour = random.Next(24),
            HttpTriggerAuthentication = random.Next(2) == 0 ? "Tenant" : null,
            ExtraSteps = secretRoll < 10 ? [SecretStep(e, i)] : secretRoll < 100 ? [DecoyStep()] : [],
        };
        var name = ids.Guid($"flow:{e}:{i}");
        return new FlowSpec
        {
            Name = name,
            Environment = env,
            DisplayName = $"{char.ToUpperInvariant(shape.Subject[0])}{shape.Subject[1..]} flow {e:D2}-{i:D5}",
            State = random.Next(100) < 85 ? "Started" : random.Next(2) == 0 ? "Stopped" : "Suspended",
            CreatedTime = created,
            LastModifiedTime = created.AddHours(random.Next(5_000)),
            Creator = creator,
            Owners = owners,
            Connections = [.. connections.Select(c => new FlowConnectionSpec(c, solution ? ReferenceName(e, c) : null))],
            Definition = () => BusinessFlowComposer.Build(shape),
            Solution = solution ? new SolutionFlowSpec
            {
                WorkflowId = ids.Guid($"workflow:{e}:{i}"),
                WorkflowIdUnique = ids.Guid($"workflow-unique:{e}:{i}"),
                OwnerSystemUserId = appOwned ? AppUserId(e, random.Next(AppUsersPerEnvironment)) : ids.Guid($"systemuser:{e}:{creator.Id}"),
                CreatedBySystemUserId = ids.Guid($"systemuser:{e}:{creator.Id}"),
                SolutionUniqueName = "FabrikamAutomation",
            } : null,
        };
    }

    public DataverseContent Dataverse(EnvironmentSpec env)
    {
        var e = Index(env);
        var references = Connections(env).Select(c => new ConnectionReferenceSpec
        {
            Id = ids.Guid($"connref:{e}:{c.Name}"),
            LogicalName = ReferenceName(e, c),
            DisplayName = $"{Connectors.DisplayName(c.ApiName)} {c.Name[^6..]}",
            Connection = c,
            OwnerSystemUserId = AppUserId(e, 0),
            CreatedOn = c.CreatedTime,
        }).ToList();
        var appUsers = Enumerable.Range(0, AppUsersPerEnvironment).Select(k => new SystemUserSpec
        {
            SystemUserId = AppUserId(e, k),
            ApplicationId = ids.Guid($"appid:{options.ServicePrincipals - 1 - k}"),
            FullName = $"# Automation app {k:D2}",
            IsDisabled = k == AppUsersPerEnvironment - 1,
            AzureActiveDirectoryObjectId = ids.Guid($"sp:{options.ServicePrincipals - 1 - k}"),
            CreatedOn = env.CreatedTime.AddDays(k),
        }).ToList();
        var variables = Enumerable.Range(0, 12).Select(k => new EnvironmentVariableSpec
        {
            DefinitionId = ids.Guid($"envvar:{e}:{k}"),
            SchemaName = k == 11 ? $"fab_ServicePassword{e:D2}" : $"fab_Setting{k:D2}",
            DisplayName = k == 11 ? "Service password" : $"Setting {k:D2}",
            Type = k == 10 ? 100000005 : k % 4 == 1 ? 100000001 : 100000000,
            DefaultValue = k % 4 == 1 ? "100" : null,
            ValueId = k % 4 == 1 ? null : ids.Guid($"envvar-value:{e}:{k}"),
            Value = k == 11 ? $"P@ss-{ids.Chars($"envvar-secret:{e}", 10, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")}" : k == 10 ? "/subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-fabrikam/secrets/s" : k % 4 == 1 ? null : $"https://api.fabrikam-global.com/v{k}",
            CreatedOn = env.CreatedTime.AddDays(30 + k),
        }).ToList();
        return new DataverseContent(references, appUsers, variables);
    }

    private string AppUserId(int e, int k) => ids.Guid($"appuser:{e}:{k}");

    private static string ReferenceName(int e, ConnectionSpec c) => $"fab_{c.ApiName.Replace("shared_", "", StringComparison.Ordinal)}_{e:D2}{c.Name[^8..]}";

    private (string, JsonObject) SecretStep(int e, int i) => ("HTTP_Get_token", FlowActions.Http("POST",
        $"https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token", new JsonObject { ["Content-Type"] = "application/x-www-form-urlencoded" },
        $"grant_type=client_credentials&client_id={ids.Guid($"appid:{i}")}&client_secret={ids.EntraClientSecret($"synthetic-secret:{e}:{i}")}&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"));

    private static (string, JsonObject) DecoyStep() => ("Compose_settings", FlowActions.Compose(new JsonObject
    {
        ["clientSecret"] = "@parameters('ClientSecret')",
        ["apiKey"] = "<your-api-key>",
        ["tenant"] = "0f6c2a1e-9b8d-4c7e-a6f5-3d2b1c0e9f8a",
    }));
}
