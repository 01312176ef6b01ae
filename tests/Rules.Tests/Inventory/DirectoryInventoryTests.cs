using TenantScanner.Inventory;
using TenantScanner.Tests.Snapshots;
using static TenantScanner.Tests.Snapshots.SnapshotFixture;

namespace TenantScanner.Tests.Inventory;

public sealed class DirectoryInventoryTests
{
    private const string MicrosoftServices = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";
    private const string OtherTenant = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public void Reads_a_service_principal_with_credentials_roles_tags_and_exact_pointers()
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.AddList($"{Graph}/servicePrincipals?$expand=owners($select=id)", $$"""
            {"id":"sp0","appId":"a0","displayName":"First"},
            {"id":"sp1","appId":"a1","displayName":"Payroll sync","servicePrincipalType":"Application",
             "appOwnerOrganizationId":"{{TenantId}}","accountEnabled":false,"notes":"Owner: HR","description":"d",
             "tags":["WindowsAzureActiveDirectoryIntegratedApp"],"unknownProperty":{"ignored":true},
             "passwordCredentials":[{"keyId":"k1","displayName":"ci","hint":"abc","startDateTime":"2026-01-01T00:00:00Z","endDateTime":"2027-01-01T00:00:00Z"}],
             "keyCredentials":[{"keyId":"c1","type":"AsymmetricX509Cert","usage":"Verify","endDateTime":"2026-12-01T00:00:00Z"}],
             "appRoles":[{"id":"r1","value":"Payroll.Read","displayName":"Read payroll","allowedMemberTypes":["Application"]}],
             "owners":[{"@odata.type":"#microsoft.graph.user","id":"u1"}]}
            """);
        var sp = fixture.Load().Inventory.ServicePrincipals[1];

        Assert.Equal(("sp1", "a1", "Payroll sync", "Application"), (sp.Id, sp.AppId, sp.DisplayName, sp.ServicePrincipalType));
        Assert.False(sp.AccountEnabled);
        Assert.Equal("Owner: HR", sp.Notes);
        Assert.Equal(["WindowsAzureActiveDirectoryIntegratedApp"], sp.Tags);
        Assert.Equal(new SourceLocation(file, "/value/1", $"{Graph}/servicePrincipals?$expand=owners($select=id)"), sp.Source);
        var password = Assert.Single(sp.PasswordCredentials);
        Assert.Equal(("k1", "ci", "abc"), (password.KeyId, password.DisplayName, password.Hint));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), password.EndDateTime);
        Assert.Equal("/value/1/passwordCredentials/0", password.Source.JsonPointer);
        var key = Assert.Single(sp.KeyCredentials);
        Assert.Equal(("AsymmetricX509Cert", "Verify", "/value/1/keyCredentials/0"), (key.Type, key.Usage, key.Source.JsonPointer));
        var role = Assert.Single(sp.AppRoles);
        Assert.Equal(("r1", "Payroll.Read", "Read payroll"), (role.Id, role.Value, role.DisplayName));
        Assert.Equal(["Application"], role.AllowedMemberTypes);
        Assert.Equal(PrincipalType.User, Assert.Single(sp.Owners).Type);
        Assert.True(sp.OwnersKnown);
    }

    [Theory]
    [InlineData("Application", MicrosoftServices, ServicePrincipalClass.MicrosoftFirstParty)]
    [InlineData("Application", "72f988bf-86f1-41af-91ab-2d7cd011db47", ServicePrincipalClass.MicrosoftFirstParty)]
    [InlineData("ManagedIdentity", MicrosoftServices, ServicePrincipalClass.ManagedIdentity)]
    [InlineData("Application", OtherTenant, ServicePrincipalClass.ExternalMultiTenant)]
    [InlineData("Application", TenantId, ServicePrincipalClass.TenantApplication)]
    [InlineData("Legacy", null, ServicePrincipalClass.Other)]
    public void Classifies_service_principals_by_type_and_owner_tenant(string type, string? ownerTenant, ServicePrincipalClass expected)
    {
        using var fixture = new SnapshotFixture();
        var owner = ownerTenant is null ? "null" : $"\"{ownerTenant}\"";
        fixture.AddList($"{Graph}/servicePrincipals", $$"""{"id":"sp1","appId":"a1","servicePrincipalType":"{{type}}","appOwnerOrganizationId":{{owner}}}""");
        Assert.Equal(expected, fixture.Load().Inventory.ServicePrincipals[0].Classification);
    }

    [Fact]
    public void Classifies_a_service_principal_with_a_matching_application_object_as_a_tenant_application()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/servicePrincipals", """{"id":"sp1","appId":"a1"}""");
        fixture.AddList($"{Graph}/applications", """{"id":"app1","appId":"a1"}""");
        Assert.Equal(ServicePrincipalClass.TenantApplication, fixture.Load().Inventory.ServicePrincipals[0].Classification);
    }

    [Fact]
    public void Marks_owners_unknown_when_owners_were_neither_expanded_nor_fetched()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/servicePrincipals", """{"id":"sp1","appId":"a1"}""");
        var sp = fixture.Load().Inventory.ServicePrincipals[0];
        Assert.False(sp.OwnersKnown);
        Assert.Empty(sp.Owners);
    }

    [Fact]
    public void Treats_an_empty_expanded_owner_list_as_known_and_ownerless()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/servicePrincipals", """{"id":"sp1","appId":"a1","owners":[]}""");
        var sp = fixture.Load().Inventory.ServicePrincipals[0];
        Assert.True(sp.OwnersKnown);
        Assert.Empty(sp.Owners);
    }

    [Fact]
    public void Marks_truncated_expanded_owners_unknown_when_no_per_object_fetch_exists()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/servicePrincipals",
            $$"""{"id":"sp1","appId":"a1","owners":[{"@odata.type":"#microsoft.graph.user","id":"u1"}],"owners@odata.nextLink":"{{Graph}}/servicePrincipals/sp1/owners?$skiptoken=x"}""");
        var sp = fixture.Load().Inventory.ServicePrincipals[0];
        Assert.False(sp.OwnersKnown);
        Assert.Single(sp.Owners);
    }

    [Fact]
    public void Uses_the_per_object_owner_pages_in_order_when_expanded_owners_were_truncated()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/servicePrincipals",
            $$"""{"id":"sp1","appId":"a1","owners":[{"@odata.type":"#microsoft.graph.user","id":"u1"}],"owners@odata.nextLink":"x"}""");
        fixture.AddList($"{Graph}/servicePrincipals/sp1/owners", """{"@odata.type":"#microsoft.graph.user","id":"u1"}""", nextLink: "p2");
        var page2 = fixture.AddList($"{Graph}/servicePrincipals/sp1/owners?$skiptoken=2",
            """{"@odata.type":"#microsoft.graph.servicePrincipal","id":"sp9","displayName":"Automation"}""");
        var sp = fixture.Load().Inventory.ServicePrincipals[0];
        Assert.True(sp.OwnersKnown);
        Assert.Equal(["u1", "sp9"], sp.Owners.Select(o => o.Id));
        Assert.Equal(PrincipalType.ServicePrincipal, sp.Owners[1].Type);
    }

    [Fact]
    public void Marks_owners_unknown_when_the_per_object_owner_fetch_failed()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/servicePrincipals", """{"id":"sp1","appId":"a1"}""");
        fixture.Add($"{Graph}/servicePrincipals/sp1/owners", """{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges"}}""", status: 403);
        var inventory = fixture.Load().Inventory;
        Assert.False(inventory.ServicePrincipals[0].OwnersKnown);
        var gap = inventory.Coverage.GapFor(TenantScanner.Snapshots.SourceKind.GraphServicePrincipalOwners);
        Assert.NotNull(gap);
        Assert.Equal(403, gap.Status);
        Assert.Contains("Authorization_RequestDenied: Insufficient privileges", gap.Error);
    }

    [Fact]
    public void Resolves_owner_names_from_users_and_get_by_ids()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/applications", """
            {"id":"app1","appId":"a1","owners":[{"@odata.type":"#microsoft.graph.user","id":"u1"},{"@odata.type":"#microsoft.graph.group","id":"g1"}]}
            """);
        fixture.AddList($"{Graph}/users", """{"id":"u1","displayName":"Zoë Müller","userPrincipalName":"zoe@contoso.com"}""");
        fixture.Add($"{Graph}/directoryObjects/getByIds", """{"value":[{"@odata.type":"#microsoft.graph.group","id":"g1","displayName":"Łódź team"}]}""", method: "POST");
        var app = fixture.Load().Inventory.Applications[0];
        Assert.Equal(new PrincipalRef("u1", PrincipalType.User, "Zoë Müller", "zoe@contoso.com"), app.Owners[0]);
        Assert.Equal(new PrincipalRef("g1", PrincipalType.Group, "Łódź team"), app.Owners[1]);
    }

    [Fact]
    public void Adds_owner_users_known_only_from_get_by_ids_and_fills_their_state()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/users", """{"id":"u1","displayName":"Ann"}""");
        fixture.Add($"{Graph}/directoryObjects/getByIds", """
            {"value":[{"@odata.type":"#microsoft.graph.user","id":"u1","accountEnabled":false},
                      {"@odata.type":"#microsoft.graph.user","id":"u2","displayName":"山田太郎","accountEnabled":true}]}
            """, method: "POST");
        var inventory = fixture.Load().Inventory;
        Assert.False(inventory.FindUser("u1")!.AccountEnabled);
        Assert.Equal("山田太郎", inventory.FindUser("u2")!.DisplayName);
    }

    [Fact]
    public void Reads_application_owners_from_the_per_object_source()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/applications", """{"id":"app1","appId":"a1"}""");
        fixture.AddList($"{Graph}/applications/app1/owners", """{"@odata.type":"#microsoft.graph.user","id":"u1","displayName":"Zoë","userPrincipalName":"zoe@contoso.com"}""");
        var inventory = fixture.Load().Inventory;
        var app = inventory.Applications[0];
        Assert.True(app.OwnersKnown);
        Assert.Equal(new PrincipalRef("u1", PrincipalType.User, "Zoë", "zoe@contoso.com"), Assert.Single(app.Owners));
        Assert.Contains(TenantScanner.Snapshots.SourceKind.GraphApplicationOwners, inventory.Coverage.SourcesRead);
    }

    [Fact]
    public void Reads_applications_with_required_access_and_federated_credentials()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/applications", """
            {"id":"app1","appId":"a1","displayName":"Deployer","signInAudience":"AzureADMyOrg","createdDateTime":"2025-03-01T10:00:00Z",
             "requiredResourceAccess":[{"resourceAppId":"00000003-0000-0000-c000-000000000000","resourceAccess":[{"id":"r1","type":"Role"}]}],
             "federatedIdentityCredentials":[{"id":"f1","name":"gh","issuer":"https://token.actions.githubusercontent.com","subject":"repo:c/x:ref:refs/heads/main","audiences":["api://AzureADTokenExchange"]}],
             "owners":[]}
            """);
        var app = fixture.Load().Inventory.Applications[0];
        Assert.Equal("AzureADMyOrg", app.SignInAudience);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero), app.CreatedDateTime);
        var access = Assert.Single(app.RequiredResourceAccess);
        Assert.Equal(new ResourceAccessItem("r1", "Role"), Assert.Single(access.Access));
        var federated = Assert.Single(app.FederatedCredentials);
        Assert.Equal(("gh", "repo:c/x:ref:refs/heads/main", "/value/0/federatedIdentityCredentials/0"), (federated.Name, federated.Subject, federated.Source.JsonPointer));
        Assert.True(app.FederatedCredentialsKnown);
        Assert.True(app.OwnersKnown);
    }

    [Fact]
    public void Reads_federated_credentials_from_the_per_object_source_or_marks_them_unknown()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/applications", """{"id":"app1","appId":"a1"},{"id":"app2","appId":"a2"}""");
        fixture.AddList($"{Graph}/applications/app1/federatedIdentityCredentials", """{"id":"f1","name":"n","issuer":"i","subject":"s"}""");
        var apps = fixture.Load().Inventory.Applications;
        Assert.True(apps[0].FederatedCredentialsKnown);
        Assert.Equal("f1", Assert.Single(apps[0].FederatedCredentials).Id);
        Assert.False(apps[1].FederatedCredentialsKnown);
    }

    [Fact]
    public void Reads_active_and_deleted_users()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/users", """
            {"id":"u1","displayName":"Zoë Müller","userPrincipalName":"zoe@contoso.com","mail":"zoe@contoso.com","accountEnabled":true,"userType":"Member","employeeLeaveDateTime":"2026-10-31T00:00:00Z"}
            """);
        fixture.AddList($"{Graph}/directory/deletedItems/microsoft.graph.user", """
            {"id":"u2","displayName":"Łukasz","userPrincipalName":"x@contoso.com","deletedDateTime":"2026-11-01T08:00:00Z"}
            """);
        var inventory = fixture.Load().Inventory;
        var active = inventory.FindUserByPrincipalName("zoe@contoso.com")!;
        Assert.Equal((true, false, "Member"), (active.AccountEnabled, active.IsDeleted, active.UserType));
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 0, 0, 0, TimeSpan.Zero), active.EmployeeLeaveDateTime);
        var deleted = inventory.FindUser("u2")!;
        Assert.True(deleted.IsDeleted);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), deleted.DeletedDateTime);
    }

    [Fact]
    public void Takes_the_tenant_name_from_organization_over_the_manifest()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/organization", """{"id":"o","displayName":"Contoso Łódź 山田"}""");
        Assert.Equal("Contoso Łódź 山田", fixture.Load().Inventory.TenantDisplayName);
    }

    [Fact]
    public void Falls_back_to_the_manifest_tenant_name_without_organization()
    {
        using var fixture = new SnapshotFixture();
        Assert.Equal("Contoso", fixture.Load().Inventory.TenantDisplayName);
    }
}
