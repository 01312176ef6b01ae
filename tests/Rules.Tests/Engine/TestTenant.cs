using System.Collections.Frozen;
using System.Text.Json;
using TenantScanner.Inventory;
using TenantScanner.Snapshots;

namespace TenantScanner.Tests.Engine;

/// <summary>
/// A small, known-good tenant: every shipped rule passes on it. Tests change one fact and assert the exact
/// result. Every member is a plain record, so a change reads <c>t.Flow = t.Flow with { ... }</c>.
/// </summary>
internal sealed class TestTenant
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    public const string TenantId = "11111111-1111-1111-1111-111111111111";
    public const string GraphAppId = "00000003-0000-0000-c000-000000000000";
    public const string GraphSpId = "sp-graph";

    public static SourceLocation Src(string pointer, string file = "graph/page-0001.json") =>
        new(file, pointer, "https://graph.microsoft.com/v1.0/test");

    public PowerPlatformEnvironment Production { get; set; } = new()
    {
        Id = "env-prod", DisplayName = "Contoso Production", Type = EnvironmentType.Production, Source = Src("/value/0", "bap/environments.json"),
    };

    public PowerPlatformEnvironment Sandbox { get; set; } = new()
    {
        Id = "env-dev", DisplayName = "Contoso Dev", Type = EnvironmentType.Sandbox, Source = Src("/value/1", "bap/environments.json"),
    };

    public User Alice { get; set; } = User("u-alice", "Alice Adams", "alice@contoso.com", 0);
    public User Bob { get; set; } = User("u-bob", "Bob Brown", "bob@contoso.com", 1);
    public List<User> ExtraUsers { get; } = [];

    public static PrincipalRef AliceRef => new("u-alice", PrincipalType.User, "Alice Adams", "alice@contoso.com");
    public static PrincipalRef BobRef => new("u-bob", PrincipalType.User, "Bob Brown", "bob@contoso.com");
    public static PrincipalRef FinanceGroupRef => new("g-finance", PrincipalType.Group, "Finance Automation");

    public ServicePrincipal Sp { get; set; } = new()
    {
        Id = "sp-payroll", AppId = "app-payroll", DisplayName = "Payroll Sync", ServicePrincipalType = "Application",
        AppOwnerOrganizationId = TenantId, Classification = ServicePrincipalClass.TenantApplication,
        Tags = ["WindowsAzureActiveDirectoryIntegratedApp", "owner:alice@contoso.com"], OwnersKnown = true, Owners = [],
        Source = Src("/value/0", "graph/servicePrincipals.json"),
    };

    public ServicePrincipal GraphSp { get; set; } = new()
    {
        Id = GraphSpId, AppId = GraphAppId, DisplayName = "Microsoft Graph", AppOwnerOrganizationId = "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        Classification = ServicePrincipalClass.MicrosoftFirstParty, OwnersKnown = true, Source = Src("/value/1", "graph/servicePrincipals.json"),
    };

    public Application App { get; set; } = new()
    {
        Id = "app-obj-payroll", AppId = "app-payroll", DisplayName = "Payroll Sync", OwnersKnown = true, Owners = [AliceRef, BobRef],
        KeyCredentials = [new KeyCredentialInfo("key-cert-1", "CN=payroll", "AsymmetricX509Cert", "Verify",
            AsOf.AddDays(-100), AsOf.AddDays(200), Src("/value/0/keyCredentials/0", "graph/applications.json"))],
        FederatedCredentialsKnown = true,
        FederatedCredentials = [new FederatedCredentialInfo("fic-1", "github-main", "https://token.actions.githubusercontent.com",
            "repo:contoso/payroll:ref:refs/heads/main", Src("/value/0", "graph/fic.json"))],
        Source = Src("/value/0", "graph/applications.json"),
    };

    public List<ServicePrincipal> ExtraServicePrincipals { get; } = [];
    public List<Application> ExtraApplications { get; } = [];

    public List<AppRoleAssignment> AppRoleAssignments { get; } =
    [
        Assignment("ara-1", "sp-payroll", "df021288-bdef-4463-88db-98f22de89214", "User.Read.All"),
    ];

    public List<OAuth2PermissionGrant> Grants { get; } =
    [
        new() { Id = "grant-1", ClientId = "sp-payroll", ConsentType = "Principal", PrincipalId = "u-alice", ResourceId = GraphSpId,
            ResourceAppId = GraphAppId, Scopes = ["User.Read"], Source = Src("/value/0", "graph/grants.json") },
    ];

    public List<DirectoryRoleAssignment> RoleAssignments { get; } =
    [
        new() { Id = "ra-1", PrincipalId = "u-alice", RoleDefinitionId = "62e90394-69f5-4237-9190-012177145e10",
            RoleDisplayName = "Global Administrator", DirectoryScopeId = "/", Source = Src("/value/0", "graph/roleAssignments.json") },
        new() { Id = "ra-2", PrincipalId = "sp-payroll", RoleDefinitionId = "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
            RoleDisplayName = "Directory Readers", DirectoryScopeId = "/", Source = Src("/value/1", "graph/roleAssignments.json") },
    ];

    public Connection ServiceConnection { get; set; } = new()
    {
        Id = "shared-sql-sp", EnvironmentId = "env-prod", ApiName = "shared_sql", DisplayName = "SQL (payroll SP)",
        IdentityKind = ConnectionIdentityKind.ServicePrincipal, ClientId = "app-payroll", Statuses = ["Connected"],
        Source = Src("/value/0", "powerapps/connections.json"),
    };

    public List<Connection> ExtraConnections { get; } = [];

    public Flow Flow { get; set; } = new()
    {
        Id = "flow-invoices", EnvironmentId = "env-prod", DisplayName = "Invoice approval", State = FlowState.Started,
        OwnersKnown = true,
        Owners = [new FlowOwner(AliceRef, "Owner", Src("/value/0", "flow/owners.json")), new FlowOwner(FinanceGroupRef, "Owner", Src("/value/1", "flow/owners.json"))],
        Triggers = [new FlowTrigger("Recurrence", "Recurrence", null, TriggerKind.Scheduled)],
        Connections = [new FlowConnectionUse("shared_sql", "shared_sql", "shared-sql-sp", null)],
        Definition = Definition(CleanDefinitionJson),
        DefinitionSource = Src("/properties/definition", "flow/flows/flow-invoices.json"),
        Source = Src("/value/0", "flow/flows.json"),
    };

    /// <summary>
    /// The known-good flow's definition: a schedule, a Key Vault read with secure inputs/outputs and an HTTP call
    /// that sends the secured output (hidden by Logic Apps automatically). No literal secret anywhere.
    /// </summary>
    public const string CleanDefinitionJson = """
        {
          "triggers": { "Recurrence": { "type": "Recurrence", "recurrence": { "frequency": "Day", "interval": 1 } } },
          "actions": {
            "Get_secret": {
              "type": "OpenApiConnection",
              "inputs": { "host": { "apiId": "/providers/Microsoft.PowerApps/apis/shared_keyvault", "operationId": "GetSecret" },
                          "parameters": { "secretName": "payroll-api-key" } },
              "runtimeConfiguration": { "secureData": { "properties": ["inputs", "outputs"] } }
            },
            "HTTP_Post_payroll": {
              "type": "Http",
              "runAfter": { "Get_secret": ["Succeeded"] },
              "inputs": { "method": "POST", "uri": "https://payroll.contoso.com/api/run",
                          "headers": { "Authorization": "Bearer @{body('Get_secret')?['value']}" }, "body": { "clientId": "2b7e4f1c-9d3a-4c8e-b6f5-1a0d9e8c7b6a" } }
            }
          }
        }
        """;

    public static JsonElement Definition(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public List<Flow> ExtraFlows { get; } = [];

    /// <summary>A Secret-type variable (a Key Vault reference) and a plain URL: neither holds a secret.</summary>
    public List<EnvironmentVariable> EnvironmentVariables { get; } =
    [
        new() { DefinitionId = "evd-1", EnvironmentId = "env-prod", SchemaName = "cp_PayrollApiKey", DisplayName = "Payroll API key",
            Type = EnvironmentVariableType.Secret,
            CurrentValue = "/subscriptions/6d2f1c4b-8a3e-4f5d-9c1b-2e3f4a5b6c7d/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-payroll/secrets/payroll-api-key",
            Source = Src("/value/0", "dataverse/prod/environmentvariabledefinitions.json"), ValueSource = Src("/value/0", "dataverse/prod/environmentvariablevalues.json") },
        new() { DefinitionId = "evd-2", EnvironmentId = "env-prod", SchemaName = "cp_PayrollBaseUrl", DisplayName = "Payroll base URL",
            Type = EnvironmentVariableType.String, DefaultValue = "https://payroll.contoso.com/api",
            Source = Src("/value/1", "dataverse/prod/environmentvariabledefinitions.json") },
    ];
    public List<ApplicationUser> ApplicationUsers { get; } = [];
    public HashSet<string> ManagementAppIds { get; } = [];
    public List<CoverageGap> Gaps { get; } = [];

    public static TestTenant KnownGood() => new();

    public TestTenant With(Action<TestTenant> change)
    {
        change(this);
        return this;
    }

    /// <summary>Records a source that could not be read (tenant-wide, or for one environment).</summary>
    public TestTenant WithGap(string source, string? environmentId = null) =>
        With(t => t.Gaps.Add(new CoverageGap { Source = source, EnvironmentId = environmentId, Status = 403, Error = "Forbidden" }));

    public TenantInventory Build() => new()
    {
        TenantId = TenantId,
        TenantDisplayName = "Contoso",
        CollectedAt = AsOf,
        Environments = [Production, Sandbox],
        Flows = [Flow, .. ExtraFlows],
        Connections = [ServiceConnection, .. ExtraConnections],
        ApplicationUsers = [.. ApplicationUsers],
        EnvironmentVariables = [.. EnvironmentVariables],
        ServicePrincipals = [Sp, GraphSp, .. ExtraServicePrincipals],
        Applications = [App, .. ExtraApplications],
        Users = [Alice, Bob, .. ExtraUsers],
        AppRoleAssignments = [.. AppRoleAssignments],
        OAuth2PermissionGrants = [.. Grants],
        DirectoryRoleAssignments = [.. RoleAssignments],
        ManagementAppIds = ManagementAppIds.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
        Coverage = new CoverageMap(Enum.GetValues<SourceKind>(), Gaps),
    };

    public static User User(string id, string name, string upn, int index, bool? enabled = true) => new()
    {
        Id = id, DisplayName = name, UserPrincipalName = upn, AccountEnabled = enabled, Source = Src($"/value/{index}", "graph/users.json"),
    };

    public static AppRoleAssignment Assignment(string id, string principalId, string appRoleId, string permission) => new()
    {
        Id = id, PrincipalId = principalId, PrincipalType = "ServicePrincipal", ResourceId = GraphSpId, ResourceDisplayName = "Microsoft Graph",
        ResourceAppId = GraphAppId, AppRoleId = appRoleId, PermissionName = permission, Source = Src("/value/0", "graph/appRoleAssignments.json"),
    };

    /// <summary>A user OAuth connection in production signing in as <paramref name="upn"/>.</summary>
    public static Connection PersonalConnection(string id, string upn, string environmentId = "env-prod") => new()
    {
        Id = id, EnvironmentId = environmentId, ApiName = "shared_office365", DisplayName = $"Office 365 ({upn})",
        IdentityKind = ConnectionIdentityKind.User, AccountName = upn, Statuses = ["Connected"], Source = Src("/value/1", "powerapps/connections.json"),
    };
}
