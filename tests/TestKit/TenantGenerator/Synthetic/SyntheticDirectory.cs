using TenantScanner.TestKit.TenantGenerator.Model;
using TenantScanner.TestKit.TenantGenerator.Shapes;

namespace TenantScanner.TestKit.TenantGenerator.Synthetic;

/// <summary>
/// Directory objects of a synthetic tenant, each derived from its index. The mix follows a large
/// enterprise tenant: ~8% Microsoft first-party, 2% managed identities, 5% third-party apps and 85%
/// own apps, most with two owners, documented, on certificates or federated credentials; a few
/// percent carry the problems the rules look for, so evaluation cost is realistic.
/// </summary>
internal sealed class SyntheticDirectory(SyntheticOptions options, StableIds ids, string tenantId)
{
    private static readonly string[] Given = ["Anna", "Jan", "Zoë", "Łukasz", "María", "José", "Søren", "Hélène", "Jürgen", "Aisha", "Wei", "Noah", "Emma", "Olivia", "Liam", "Sakura", "太郎", "Inês", "Björn", "Priya"];
    private static readonly string[] Surnames = ["Müller", "Kowalski", "Nowak", "García", "Martin", "Smith", "Jensen", "Dubois", "Rossi", "Khan", "Chen", "Tanaka", "山田", "Silva", "Nilsson", "Fischer", "Wójcik", "Brown", "Lefèvre", "Schäfer"];
    private static readonly string[] Departments = ["Finance", "HR", "Sales", "Operations", "IT", "R&D", "Quality", "Legal", "Marketing", "Supply Chain"];
    private static readonly string[] Products = ["Portal", "Sync", "Connector", "Reporting", "Automation", "Integration", "API", "Mobile", "Bot", "Exporter"];
    private static readonly string[] SafePermissions = ["User.Read.All", "Sites.Selected"];
    private static readonly string[] DataPermissions = ["Mail.ReadWrite", "Files.ReadWrite.All", "Sites.FullControl.All"];
    private static readonly string[] TierZeroPermissions = ["RoleManagement.ReadWrite.Directory", "AppRoleAssignment.ReadWrite.All", "Application.ReadWrite.All"];

    public string Domain { get; } = "fabrikam-global.com";

    private int FirstPartyCount => Math.Max(1, Math.Min(GraphPermissions.FirstPartyApps.Count * 30, options.ServicePrincipals * 8 / 100));
    private int ManagedIdentityCount => options.ServicePrincipals * 2 / 100;
    private int ThirdPartyCount => options.ServicePrincipals * 5 / 100;
    private int TenantAppStart => FirstPartyCount + ManagedIdentityCount + ThirdPartyCount;

    public UserSpec User(int index)
    {
        var random = SyntheticRandom.For(options.Seed, "user", index);
        var given = random.Pick(Given);
        var surname = random.Pick(Surnames);
        var local = $"user{index:D6}";
        return new UserSpec
        {
            Id = ids.Guid($"user:{index}"),
            DisplayName = $"{given} {surname}",
            GivenName = given,
            Surname = surname,
            UserPrincipalName = $"{local}@{Domain}",
            Mail = $"{local}@{Domain}",
            JobTitle = "Specialist",
            Department = random.Pick(Departments),
            AccountEnabled = random.Next(100) >= 3,
            CreatedDateTime = new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(4_000_000)),
        };
    }

    public IEnumerable<UserSpec> Users => Enumerable.Range(0, options.Users).Select(User);

    public UserSpec DeletedUser(int index) => User(options.Users + index) with
    {
        DeletedDateTime = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(index * 37 % 80_000),
    };

    public int DeletedUserCount => Math.Max(1, options.Users / 100);

    public IEnumerable<UserSpec> DeletedUsers => Enumerable.Range(0, DeletedUserCount).Select(DeletedUser);

    public ServicePrincipalSpec Graph => ServicePrincipal(0);

    public IEnumerable<ServicePrincipalSpec> ServicePrincipals => Enumerable.Range(0, options.ServicePrincipals).Select(ServicePrincipal);

    public IEnumerable<ApplicationSpec> Applications => Enumerable.Range(TenantAppStart, options.ServicePrincipals - TenantAppStart).Select(Application);

    public ServicePrincipalSpec ServicePrincipal(int index)
    {
        if (index < FirstPartyCount)
        {
            var (appId, name) = GraphPermissions.FirstPartyApps[index % GraphPermissions.FirstPartyApps.Count];
            var copy = index / GraphPermissions.FirstPartyApps.Count;
            return new ServicePrincipalSpec
            {
                Id = ids.Guid($"sp:{index}"),
                AppId = copy == 0 ? appId : ids.Guid($"ms-app:{index}"),
                DisplayName = copy == 0 ? name : $"{name} Service {copy:D2}",
                AppOwnerOrganizationId = GraphPermissions.MicrosoftServicesTenantId,
                PublisherName = "Microsoft Services",
                SignInAudience = "AzureADMultipleOrgs",
                AppRoles = index == 0 ? GraphPermissions.GraphAppRoles : [],
                CreatedDateTime = new DateTimeOffset(2018, 6, 1, 0, 0, 0, TimeSpan.Zero),
            };
        }
        if (index < FirstPartyCount + ManagedIdentityCount)
        {
            return new ServicePrincipalSpec
            {
                Id = ids.Guid($"sp:{index}"),
                AppId = ids.Guid($"mi-app:{index}"),
                DisplayName = $"mi-workload-{index:D6}",
                ServicePrincipalType = "ManagedIdentity",
                AlternativeNames = ["isExplicit=False", $"/subscriptions/{ids.Guid($"sub:{index % 40}")}/resourcegroups/rg-{index % 300:D3}/providers/Microsoft.Web/sites/func-{index:D6}"],
                CreatedDateTime = new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(index % 20_000),
            };
        }
        if (index < TenantAppStart)
        {
            return new ServicePrincipalSpec
            {
                Id = ids.Guid($"sp:{index}"),
                AppId = ids.Guid($"ext-app:{index}"),
                DisplayName = $"Partner SaaS {index:D6}",
                AppOwnerOrganizationId = ids.Guid($"ext-tenant:{index % 500}"),
                PublisherName = $"Partner {index % 500:D3} Ltd",
                SignInAudience = "AzureADMultipleOrgs",
                Tags = ["WindowsAzureActiveDirectoryIntegratedApp"],
                CreatedDateTime = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(index % 30_000),
            };
        }
        var app = TenantApp(index);
        return new ServicePrincipalSpec
        {
            Id = ids.Guid($"sp:{index}"),
            AppId = app.Application.AppId,
            DisplayName = app.Application.DisplayName,
            AppOwnerOrganizationId = tenantId,
            Notes = app.Application.Notes,
            Tags = ["WindowsAzureActiveDirectoryIntegratedApp", .. app.Application.Tags],
            Owners = app.Application.Owners,
            PasswordCredentials = app.ServicePrincipalPasswords,
            CreatedDateTime = app.Application.CreatedDateTime,
        };
    }

    public IEnumerable<AppRoleAssignmentSpec> AppRoleAssignments
    {
        get
        {
            var graph = Graph;
            for (var index = TenantAppStart; index < options.ServicePrincipals; index++)
            {
                var app = TenantApp(index);
                foreach (var permission in app.GraphPermissions)
                {
                    yield return new AppRoleAssignmentSpec
                    {
                        Id = ids.Base64Url($"assignment:{index}:{permission}", 43),
                        PrincipalId = ids.Guid($"sp:{index}"),
                        PrincipalDisplayName = app.Application.DisplayName,
                        ResourceId = graph.Id,
                        ResourceDisplayName = graph.DisplayName,
                        AppRoleId = GraphPermissions.GraphRole(permission).Id,
                        CreatedDateTime = app.Application.CreatedDateTime.AddDays(1),
                    };
                }
            }
        }
    }

    public IEnumerable<PermissionGrantSpec> PermissionGrants
    {
        get
        {
            var graph = Graph.Id;
            for (var index = TenantAppStart; index < options.ServicePrincipals; index++)
            {
                var random = SyntheticRandom.For(options.Seed, "grant", index);
                var roll = random.Next(1000);
                if (roll >= 60)
                    continue;
                yield return new PermissionGrantSpec
                {
                    Id = ids.Base64Url($"grant:{index}", 43),
                    ClientId = ids.Guid($"sp:{index}"),
                    ConsentType = roll < 40 ? "AllPrincipals" : "Principal",
                    PrincipalId = roll < 40 ? null : ids.Guid($"user:{random.Next(options.Users)}"),
                    ResourceId = graph,
                    Scope = roll < 3 ? "Mail.ReadWrite Files.ReadWrite.All Directory.ReadWrite.All" : "openid profile offline_access User.Read",
                };
            }
        }
    }

    public IEnumerable<RoleAssignmentSpec> RoleAssignments
    {
        get
        {
            var roles = GraphPermissions.DirectoryRoles;
            for (var i = 0; i < Math.Min(200, options.Users); i++)
                yield return new RoleAssignmentSpec(ids.Base64Url($"role:user:{i}", 43), ids.Guid($"user:{i * 37 % options.Users}"), roles[i % roles.Count].TemplateId);
            for (var index = TenantAppStart; index < options.ServicePrincipals; index++)
            {
                if (SyntheticRandom.For(options.Seed, "role", index).Next(1000) < 2)
                    yield return new RoleAssignmentSpec(ids.Base64Url($"role:sp:{index}", 43), ids.Guid($"sp:{index}"), roles[index % 2 == 0 ? 0 : 1].TemplateId);
            }
        }
    }

    private ApplicationSpec Application(int index) => TenantApp(index).Application;

    private sealed record TenantAppFacts(ApplicationSpec Application, IReadOnlyList<CredentialSpec> ServicePrincipalPasswords, IReadOnlyList<string> GraphPermissions);

    private TenantAppFacts TenantApp(int index)
    {
        var random = SyntheticRandom.For(options.Seed, "app", index);
        var department = random.Pick(Departments);
        var name = $"{department} {random.Pick(Products)} {index:D6}";
        var created = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(50_000));
        var collectedAt = SyntheticTenantWriter.CollectedAt;

        var ownerRoll = random.Next(100);
        var ownerCount = ownerRoll < 3 ? 0 : ownerRoll < 15 ? 1 : 2 + random.Next(2);
        var owners = new List<DirectoryObjectRef>();
        for (var i = 0; i < ownerCount; i++)
        {
            // About 2% of apps are owned only by people who left (deleted users).
            var user = ownerRoll is >= 15 and < 17 ? DeletedUser(random.Next(DeletedUserCount)) : User(random.Next(options.Users));
            owners.Add(user.AsRef());
        }
        var documented = random.Next(100) >= 6;

        var credentialRoll = random.Next(100);
        var start = collectedAt.AddDays(-random.Next(170));
        var lifetimeRoll = random.Next(100);
        if (lifetimeRoll < 2)
            start = collectedAt.AddDays(-200); // expired
        else if (lifetimeRoll < 4)
            start = collectedAt.AddDays(-170); // expires within 30 days
        var passwords = new List<CredentialSpec>();
        var keys = new List<CredentialSpec>();
        var federated = new List<FederatedCredentialSpec>();
        if (credentialRoll < 45)
            keys.Add(Credential(index, CredentialKind.Certificate, start, start.AddDays(lifetimeRoll is >= 4 and < 6 ? 730 : 180)));
        else if (credentialRoll < 70)
            federated.Add(new FederatedCredentialSpec(ids.Guid($"fic:{index}"), "github-deploy", "https://token.actions.githubusercontent.com", $"repo:fabrikam/app-{index:D6}:environment:production", null));
        else
            passwords.Add(Credential(index, CredentialKind.Password, start, start.AddDays(lifetimeRoll is >= 4 and < 9 ? 730 : 180)));

        var permissionRoll = random.Next(1000);
        IReadOnlyList<string> permissions = permissionRoll switch
        {
            < 5 => [random.Pick(TierZeroPermissions)],
            < 50 => [random.Pick(DataPermissions)],
            < 350 => [random.Pick(SafePermissions)],
            _ => [],
        };
        var spPasswords = random.Next(100) == 0 ? new List<CredentialSpec> { Credential(index + 1_000_000, CredentialKind.Password, start, start.AddDays(180)) } : [];
        var application = new ApplicationSpec
        {
            Id = ids.Guid($"app:{index}"),
            AppId = ids.Guid($"appid:{index}"),
            DisplayName = name,
            Notes = documented ? $"Business owner: {department}; Environment: Production" : null,
            Tags = documented ? [$"BusinessOwner={department}"] : [],
            CreatedDateTime = created,
            Owners = owners,
            PasswordCredentials = passwords,
            KeyCredentials = keys,
            FederatedCredentials = federated,
            RequiredResourceAccess = permissions.Count == 0 ? []
                : [new RequiredAccessSpec(GraphPermissions.GraphAppId, [.. permissions.Select(p => (GraphPermissions.GraphRole(p).Id, "Role"))])],
        };
        return new TenantAppFacts(application, spPasswords, permissions);
    }

    private CredentialSpec Credential(int index, CredentialKind kind, DateTimeOffset start, DateTimeOffset end) => new()
    {
        KeyId = ids.Guid($"key:{index}:{kind}"),
        Kind = kind,
        DisplayName = kind == CredentialKind.Certificate ? $"CN=app-{index:D6}" : "deploy",
        StartDateTime = start,
        EndDateTime = end,
        Hint = kind == CredentialKind.Password ? ids.Chars($"hint:{index}", 3, "abcdefghijkmnpqrstuvwxyz23456789") : null,
        CustomKeyIdentifier = kind == CredentialKind.Certificate ? ids.Hex($"thumb:{index}", 40).ToUpperInvariant() : null,
    };
}
