using TenantScanner.TestKit.TenantGenerator.Model;
using TenantScanner.TestKit.TenantGenerator.Shapes;

namespace TenantScanner.TestKit.TenantGenerator.Demo;

/// <summary>
/// The Entra side of the demo: Microsoft first-party service principals, managed identities,
/// third-party multi-tenant apps and Contoso's own apps (<see cref="DemoApps"/>), with their
/// permission grants and directory roles.
/// </summary>
internal sealed class DemoDirectory
{
    private readonly StableIds _ids;
    private readonly DemoPeople _people;
    private readonly string _tenantId;
    private readonly Dictionary<string, ServicePrincipalSpec> _tenantAppSps = new(StringComparer.Ordinal);

    public DemoDirectory(StableIds ids, DemoPeople people, string tenantId)
    {
        _ids = ids;
        _people = people;
        _tenantId = tenantId;
        FirstParty = GraphPermissions.FirstPartyApps.Select(app => new ServicePrincipalSpec
        {
            Id = ids.Guid($"sp:{app.AppId}"),
            AppId = app.AppId,
            DisplayName = app.DisplayName,
            AppOwnerOrganizationId = GraphPermissions.MicrosoftServicesTenantId,
            PublisherName = "Microsoft Services",
            SignInAudience = "AzureADMultipleOrgs",
            AppRoles = app.AppId == GraphPermissions.GraphAppId ? GraphPermissions.GraphAppRoles : [],
            CreatedDateTime = new DateTimeOffset(2018, 11, 6, 14, 2, 11, TimeSpan.Zero).AddMinutes(ids.Int($"created:{app.AppId}", 90)),
        }).ToList();
        Graph = FirstParty[0];
        ManagedIdentities =
        [
            ManagedIdentity("func-sap-export", "/subscriptions/6d2f1c4b-8a3e-4f5d-9c1b-2e3f4a5b6c7d/resourcegroups/rg-integration/providers/Microsoft.Web/sites/func-sap-export", explicitIdentity: false),
            ManagedIdentity("id-contoso-automation", "/subscriptions/6d2f1c4b-8a3e-4f5d-9c1b-2e3f4a5b6c7d/resourcegroups/rg-automation/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-contoso-automation", explicitIdentity: true),
            ManagedIdentity("logic-invoice-intake", "/subscriptions/6d2f1c4b-8a3e-4f5d-9c1b-2e3f4a5b6c7d/resourcegroups/rg-finance/providers/Microsoft.Logic/workflows/logic-invoice-intake", explicitIdentity: false),
        ];
        ThirdParty =
        [
            External("Adobe Acrobat Sign", "Adobe Inc."),
            External("DocuSign", "DocuSign Inc."),
            External("ServiceNow Integration", "ServiceNow, Inc."),
            External("Zoom for Outlook", "Zoom Video Communications, Inc."),
            External("Veeva Vault Connector", "Veeva Systems"),
        ];
        foreach (var app in DemoApps.All)
            _tenantAppSps[app.Key] = TenantServicePrincipal(app);
    }

    public IReadOnlyList<ServicePrincipalSpec> FirstParty { get; }

    public ServicePrincipalSpec Graph { get; }

    public IReadOnlyList<ServicePrincipalSpec> ManagedIdentities { get; }

    public IReadOnlyList<ServicePrincipalSpec> ThirdParty { get; }

    public string AppId(string appKey) => _tenantAppSps[appKey].AppId;

    public ServicePrincipalSpec ServicePrincipal(string appKey) => _tenantAppSps[appKey];

    public IEnumerable<ServicePrincipalSpec> ServicePrincipals =>
        FirstParty.Concat(ManagedIdentities).Concat(ThirdParty).Concat(DemoApps.All.Select(a => _tenantAppSps[a.Key]));

    /// <summary>The fake client secret pasted into the notes of apps with <see cref="DemoApp.ClientSecretInNotes"/> (CRED007).</summary>
    public string NotesClientSecret => _ids.EntraClientSecret("plant:notes-secret");

    public static string NotesSecretLabel => " Client secret backup (sap-bridge-2024): ";

    public string NotesWithClientSecret(DemoApp app) => app.Notes + NotesSecretLabel + NotesClientSecret;

    public IEnumerable<ApplicationSpec> Applications => DemoApps.All.Select(app => new ApplicationSpec
    {
        Id = _ids.Guid($"app:{app.Key}"),
        AppId = AppId(app.Key),
        DisplayName = app.DisplayName,
        Notes = app.ClientSecretInNotes ? NotesWithClientSecret(app) : app.Notes,
        Description = app.Description,
        SignInAudience = app.SignInAudience,
        Tags = app.Tags,
        CreatedDateTime = app.Created,
        Owners = Owners(app),
        PasswordCredentials = Credentials(app, isCertificate: false, onServicePrincipal: false),
        KeyCredentials = Credentials(app, isCertificate: true, onServicePrincipal: false),
        FederatedCredentials = app.FederatedCredentials.Select(f => new FederatedCredentialSpec(
            _ids.Guid($"fic:{app.Key}:{f.Name}"), f.Name, f.Issuer, f.Subject, "Deploys without a stored secret")).ToList(),
        RequiredResourceAccess = RequiredAccess(app),
        RedirectUris = app.RedirectUris,
    });

    public IEnumerable<AppRoleAssignmentSpec> AppRoleAssignments
    {
        get
        {
            foreach (var app in DemoApps.All)
            {
                var sp = _tenantAppSps[app.Key];
                foreach (var permission in app.GraphPermissions)
                    yield return Assignment(sp, permission, app.Created.AddDays(3));
            }
            // A managed identity with a narrow grant and a third-party app with a read grant: both pass.
            yield return Assignment(ManagedIdentities[1], "Sites.Selected", new DateTimeOffset(2025, 4, 2, 9, 0, 0, TimeSpan.Zero));
            yield return Assignment(ThirdParty[4], "User.Read.All", new DateTimeOffset(2024, 1, 22, 13, 40, 0, TimeSpan.Zero));
        }
    }

    public IEnumerable<PermissionGrantSpec> PermissionGrants
    {
        get
        {
            foreach (var app in DemoApps.All.Where(a => a.AdminConsentedGraphScopes is not null))
            {
                yield return new PermissionGrantSpec
                {
                    Id = _ids.Base64Url($"grant:{app.Key}", 43),
                    ClientId = _tenantAppSps[app.Key].Id,
                    ConsentType = "AllPrincipals",
                    ResourceId = Graph.Id,
                    Scope = app.AdminConsentedGraphScopes!,
                };
            }
            var cli = FirstParty.Single(sp => sp.DisplayName == "Microsoft Graph Command Line Tools");
            yield return new PermissionGrantSpec
            {
                Id = _ids.Base64Url("grant:graph-cli:astrid", 43),
                ClientId = cli.Id,
                ConsentType = "Principal",
                PrincipalId = _people["astrid.lindqvist"].Id,
                ResourceId = Graph.Id,
                Scope = "openid profile User.Read offline_access Application.Read.All",
            };
        }
    }

    public IEnumerable<RoleAssignmentSpec> RoleAssignments
    {
        get
        {
            yield return Role("astrid.lindqvist", _people["astrid.lindqvist"].Id, "Global Administrator");
            yield return Role("jurgen.schafer", _people["jurgen.schafer"].Id, "Global Reader");
            yield return Role("david.cohen", _people["david.cohen"].Id, "Security Administrator");
            yield return Role("oliver.bennett", _people["oliver.bennett"].Id, "Power Platform Administrator");
            foreach (var app in DemoApps.All)
            {
                foreach (var role in app.DirectoryRoles)
                    yield return Role(app.Key, _tenantAppSps[app.Key].Id, role);
            }
        }
    }

    private RoleAssignmentSpec Role(string key, string principalId, string role)
    {
        var templateId = GraphPermissions.RoleTemplateId(role);
        // Real role assignment ids are base64 of role and principal; the shape matters more than the bytes.
        return new RoleAssignmentSpec(_ids.Base64Url($"role:{key}:{templateId}", 43), principalId, templateId);
    }

    private AppRoleAssignmentSpec Assignment(ServicePrincipalSpec principal, string permission, DateTimeOffset created) => new()
    {
        Id = _ids.Base64Url($"assignment:{principal.Id}:{permission}", 43),
        PrincipalId = principal.Id,
        PrincipalDisplayName = principal.DisplayName,
        ResourceId = Graph.Id,
        ResourceDisplayName = Graph.DisplayName,
        AppRoleId = GraphPermissions.GraphRole(permission).Id,
        CreatedDateTime = created,
    };

    private ServicePrincipalSpec TenantServicePrincipal(DemoApp app) => new()
    {
        Id = _ids.Guid($"sp:{app.Key}"),
        AppId = _ids.Guid($"appid:{app.Key}"),
        DisplayName = app.DisplayName,
        AppOwnerOrganizationId = _tenantId,
        Notes = app.Notes,
        Description = app.Description,
        SignInAudience = app.SignInAudience,
        Tags = ["WindowsAzureActiveDirectoryIntegratedApp", .. app.Tags],
        Owners = Owners(app),
        PasswordCredentials = Credentials(app, isCertificate: false, onServicePrincipal: true),
        CreatedDateTime = app.Created.AddSeconds(4),
        Homepage = (app.RedirectUris.Count > 0 ? app.RedirectUris[0] : null)?.Replace("/signin-oidc", "", StringComparison.Ordinal),
    };

    private List<DirectoryObjectRef> Owners(DemoApp app) => app.Owners.Select(key => _people[key].AsRef()).ToList();

    private List<CredentialSpec> Credentials(DemoApp app, bool isCertificate, bool onServicePrincipal) => app.Credentials
        .Where(c => c.IsCertificate == isCertificate && c.OnServicePrincipal == onServicePrincipal)
        .Select(c => new CredentialSpec
        {
            KeyId = _ids.Guid($"key:{app.Key}:{c.DisplayName}"),
            Kind = isCertificate ? CredentialKind.Certificate : CredentialKind.Password,
            DisplayName = c.DisplayName,
            StartDateTime = c.Start,
            EndDateTime = c.End,
            Hint = isCertificate ? null : _ids.Chars($"hint:{app.Key}:{c.DisplayName}", 3, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"),
            CustomKeyIdentifier = isCertificate ? _ids.Hex($"thumb:{app.Key}:{c.DisplayName}", 40).ToUpperInvariant() : null,
        }).ToList();

    private static List<RequiredAccessSpec> RequiredAccess(DemoApp app)
    {
        var access = app.GraphPermissions.Select(p => (GraphPermissions.GraphRole(p).Id, "Role")).ToList();
        if (app.AdminConsentedGraphScopes is not null || app.RedirectUris.Count > 0)
            access.Add(("e1fe6dd8-ba31-4d61-89e7-88639da4683d", "Scope")); // User.Read (delegated)
        return access.Count == 0 ? [] : [new RequiredAccessSpec(GraphPermissions.GraphAppId, access)];
    }

    private ServicePrincipalSpec ManagedIdentity(string name, string resourceId, bool explicitIdentity) => new()
    {
        Id = _ids.Guid($"mi:{name}"),
        AppId = _ids.Guid($"mi-app:{name}"),
        DisplayName = name,
        ServicePrincipalType = "ManagedIdentity",
        AlternativeNames = [$"isExplicit={(explicitIdentity ? "True" : "False")}", resourceId],
        KeyCredentials =
        [
            new CredentialSpec
            {
                KeyId = _ids.Guid($"mi-key:{name}"), Kind = CredentialKind.Certificate,
                StartDateTime = new DateTimeOffset(2026, 9, 28, 11, 5, 0, TimeSpan.Zero), EndDateTime = new DateTimeOffset(2026, 12, 27, 11, 5, 0, TimeSpan.Zero),
                CustomKeyIdentifier = _ids.Hex($"mi-thumb:{name}", 40).ToUpperInvariant(),
            },
        ],
        CreatedDateTime = new DateTimeOffset(2024, 6, 3, 8, 30, 0, TimeSpan.Zero).AddDays(_ids.Int($"mi-created:{name}", 300)),
    };

    private ServicePrincipalSpec External(string name, string publisher) => new()
    {
        Id = _ids.Guid($"ext:{name}"),
        AppId = _ids.Guid($"ext-app:{name}"),
        DisplayName = name,
        AppOwnerOrganizationId = _ids.Guid($"ext-tenant:{publisher}"),
        PublisherName = publisher,
        SignInAudience = "AzureADMultipleOrgs",
        Tags = ["WindowsAzureActiveDirectoryIntegratedApp"],
        CreatedDateTime = new DateTimeOffset(2023, 3, 14, 10, 0, 0, TimeSpan.Zero).AddDays(_ids.Int($"ext-created:{name}", 600)),
    };
}
