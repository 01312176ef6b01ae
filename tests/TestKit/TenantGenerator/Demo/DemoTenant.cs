using TenantScanner.TestKit.TenantGenerator.Model;

namespace TenantScanner.TestKit.TenantGenerator.Demo;

/// <summary>
/// Contoso Pharma, the demo tenant: collected 2026-11-20T02:00:00Z, four environments, 42 flows,
/// 61 service principals, 36 users plus 2 deleted ones. Built from <see cref="DemoPeople"/>, <see cref="DemoApps"/>,
/// <see cref="DemoFlows"/> and the Dataverse/Key Vault content below.
/// </summary>
internal sealed class DemoTenant
{
    public const string TenantId = "4d3c2b1a-8e7f-4a6b-9c5d-2e1f0a9b8c7d";
    public const string Seed = "contoso-pharma-demo-v1";
    public static readonly DateTimeOffset CollectedAt = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private readonly StableIds _ids = new(Seed);

    public DemoTenant()
    {
        People = new DemoPeople(_ids);
        Directory = new DemoDirectory(_ids, People, TenantId);
        Plants = new DemoPlants(_ids);
        PowerPlatform = new DemoPowerPlatformBuilder(_ids, People, Directory, TenantId);
        Environments =
        [
            Environment($"Default-{TenantId}", "Contoso Pharma (default)", "Default", null, new(2019, 3, 4, 9, 12, 0, TimeSpan.Zero), "jurgen.schafer"),
            Environment(_ids.Guid("env:production"), "Contoso Production", "Production", "https://contosopharma-prod.crm4.dynamics.com/", new(2023, 5, 8, 7, 30, 0, TimeSpan.Zero), "oliver.bennett"),
            Environment(_ids.Guid("env:uat"), "Contoso UAT", "Sandbox", "https://contosopharma-uat.crm4.dynamics.com/", new(2023, 5, 8, 8, 5, 0, TimeSpan.Zero), "oliver.bennett"),
            Environment(_ids.Guid("env:lodz"), "Łódź Operations", "Sandbox", null, new(2025, 2, 17, 10, 40, 0, TimeSpan.Zero), "lukasz.wojcik"),
        ];
        var flows = new DemoFlows(PowerPlatform, People, Plants, Directory, TenantId);
        flows.AddDefault(Environments[0]);
        flows.AddProduction(Environments[1]);
        flows.AddUat(Environments[2]);
        flows.AddLodz(Environments[3]);
        Variables = new Dictionary<string, IReadOnlyList<EnvironmentVariableSpec>>(StringComparer.Ordinal)
        {
            [Environments[1].Name] = ProductionVariables(),
            [Environments[2].Name] = UatVariables(),
        };
        foreach (var app in DemoApps.All.Where(a => a.ClientSecretInNotes))
            Plants.Record("CRED007", "entra-client-secret-in-notes", app.DisplayName, "", "application.notes", Directory.NotesClientSecret, Directory.NotesWithClientSecret(app));
    }

    public DemoPeople People { get; }
    public DemoDirectory Directory { get; }
    public DemoPlants Plants { get; }
    public DemoPowerPlatformBuilder PowerPlatform { get; }
    public IReadOnlyList<EnvironmentSpec> Environments { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<EnvironmentVariableSpec>> Variables { get; }

    public StableIds Ids => _ids;

    public TenantModel Model() => new()
    {
        Tenant = new TenantInfo
        {
            TenantId = TenantId,
            DisplayName = "Contoso Pharma",
            InitialDomain = "contosopharma.onmicrosoft.com",
            CustomDomains = [DemoPeople.Domain, "contosopharma.ch"],
            CountryLetterCode = "CH",
            City = "Basel",
            CreatedDateTime = new DateTimeOffset(2019, 3, 4, 8, 55, 21, TimeSpan.Zero),
            CollectedAt = CollectedAt,
        },
        Users = People.Active,
        DeletedUsers = People.Deleted,
        ServicePrincipals = Directory.ServicePrincipals,
        Applications = Directory.Applications,
        GraphServicePrincipal = Directory.Graph,
        AppRoleAssignments = Directory.AppRoleAssignments,
        PermissionGrants = Directory.PermissionGrants,
        RoleDefinitions = Shapes.GraphPermissions.DirectoryRoles,
        RoleAssignments = Directory.RoleAssignments,
        Environments = Environments,
        ManagementApplicationIds = DemoApps.All.Where(a => a.PowerPlatformManagementApp).Select(a => Directory.AppId(a.Key)).ToList(),
        Flows = env => PowerPlatform.Flows.Where(f => f.Environment == env),
        Connections = env => PowerPlatform.ConnectionsOf(env),
        Dataverse = env => new DataverseContent(
            PowerPlatform.ReferencesOf(env).ToList(),
            PowerPlatform.SystemUsersOf(env).ToList(),
            Variables.GetValueOrDefault(env.Name, [])),
        KeyVaults = [new KeyVaultSpec("kv-contoso-automation", DemoKeyVault.Secrets)],
    };

    private EnvironmentSpec Environment(string name, string displayName, string sku, string? instanceUrl, DateTimeOffset created, string creator) => new()
    {
        Name = name,
        DisplayName = displayName,
        Sku = sku,
        IsDefault = sku == "Default",
        InstanceUrl = instanceUrl,
        DataverseUniqueName = instanceUrl is null ? null : $"unq{_ids.Hex($"org:{name}", 24)}",
        CreatedTime = created,
        CreatedBy = People[creator],
    };

    private List<EnvironmentVariableSpec> ProductionVariables()
    {
        var env = Environments[1];
        var password = Plants.EnvVarPassword;
        Plants.Record("CRED006", "environment-variable-password", "SAP service password", env.DisplayName, "environmentvariablevalue.value (cp_SapServicePassword)", password);
        return
        [
            Variable(env, "cp_SapBaseUrl", "SAP gateway base URL", 100000000, null, "https://sap-gw.contosopharma.com:44300/sap/opu/odata/sap"),
            Variable(env, "cp_SapServiceUser", "SAP service user", 100000000, null, "SVC_PA_EXPORT"),
            // CRED006: a password kept as a plain String variable.
            Variable(env, "cp_SapServicePassword", "SAP service password", 100000000, null, password),
            // Passes: a Secret variable that references Key Vault.
            Variable(env, "cp_SapClientSecret", "SAP client secret", 100000005, null,
                "/subscriptions/6d2f1c4b-8a3e-4f5d-9c1b-2e3f4a5b6c7d/resourceGroups/rg-automation/providers/Microsoft.KeyVault/vaults/kv-contoso-automation/secrets/sap-client-secret"),
            Variable(env, "cp_ExportBatchSize", "Export batch size", 100000001, "500", null),
            Variable(env, "cp_EnableDebugLogging", "Enable debug logging", 100000002, "no", null),
        ];
    }

    private List<EnvironmentVariableSpec> UatVariables()
    {
        var env = Environments[2];
        var password = Plants.EnvVarDefaultPassword;
        Plants.Record("CRED006", "environment-variable-password", "SMTP relay password", env.DisplayName, "environmentvariabledefinition.defaultvalue (cp_SmtpRelayPassword)", password);
        return
        [
            Variable(env, "cp_StorageAccountName", "Lab storage account", 100000000, "stcontosolabuat", null),
            Variable(env, "cp_LabApiKey", "Lab API key", 100000005, null,
                "/subscriptions/6d2f1c4b-8a3e-4f5d-9c1b-2e3f4a5b6c7d/resourceGroups/rg-automation/providers/Microsoft.KeyVault/vaults/kv-contoso-automation/secrets/lab-api-key"),
            // CRED006: the password sits in the definition's default value (no current value row).
            Variable(env, "cp_SmtpRelayPassword", "SMTP relay password", 100000000, password, null),
        ];
    }

    private EnvironmentVariableSpec Variable(EnvironmentSpec env, string schemaName, string displayName, int type, string? defaultValue, string? value) => new()
    {
        DefinitionId = _ids.Guid($"envvar:{env.Name}:{schemaName}"),
        SchemaName = schemaName,
        DisplayName = displayName,
        Type = type,
        DefaultValue = defaultValue,
        ValueId = value is null ? null : _ids.Guid($"envvar-value:{env.Name}:{schemaName}"),
        Value = value,
        CreatedOn = env.CreatedTime.AddDays(40 + _ids.Int($"envvar-created:{schemaName}", 300)),
    };
}
