using TenantScanner.Tests.Snapshots;
using static TenantScanner.Tests.Snapshots.SnapshotFixture;

namespace TenantScanner.Tests.Inventory;

public sealed class PermissionInventoryTests
{
    private const string GraphAppId = "00000003-0000-0000-c000-000000000000";
    private const string MailRead = "810c84a8-4a9e-49e6-bf7d-12d183f40d01";

    private static void AddGraphResource(SnapshotFixture fixture) =>
        fixture.AddList($"{Graph}/servicePrincipals", $$"""
            {"id":"graph-sp","appId":"{{GraphAppId}}","displayName":"Microsoft Graph","appRoles":[{"id":"{{MailRead}}","value":"Mail.Read"}]},
            {"id":"client","appId":"a1","displayName":"Mailer"}
            """);

    [Fact]
    public void Resolves_the_permission_name_and_resource_app_id_of_an_app_role_assignment()
    {
        using var fixture = new SnapshotFixture();
        AddGraphResource(fixture);
        var file = fixture.AddList($"{Graph}/servicePrincipals/client/appRoleAssignments", $$"""
            {"id":"as1","principalId":"client","principalType":"ServicePrincipal","resourceId":"graph-sp","appRoleId":"{{MailRead}}","createdDateTime":"2026-01-02T00:00:00Z"}
            """);
        var assignment = Assert.Single(fixture.Load().Inventory.AppRoleAssignmentsOf("client"));
        Assert.Equal(("Mail.Read", GraphAppId, "Microsoft Graph"), (assignment.PermissionName, assignment.ResourceAppId, assignment.ResourceDisplayName));
        Assert.Equal((file, "/value/0"), (assignment.Source.File, assignment.Source.JsonPointer));
    }

    [Fact]
    public void Deduplicates_assignments_read_from_both_the_principal_and_the_resource_side()
    {
        using var fixture = new SnapshotFixture();
        AddGraphResource(fixture);
        var item = $$"""{"id":"as1","principalId":"client","resourceId":"graph-sp","appRoleId":"{{MailRead}}"}""";
        fixture.AddList($"{Graph}/servicePrincipals/graph-sp/appRoleAssignedTo", item);
        fixture.AddList($"{Graph}/servicePrincipals/client/appRoleAssignments", item + "," + item.Replace("as1", "as2"));
        var inventory = fixture.Load().Inventory;
        Assert.Equal(["as1", "as2"], inventory.AppRoleAssignments.Select(a => a.Id));
        Assert.Contains("appRoleAssignedTo", inventory.AppRoleAssignments[0].Source.Url);
    }

    [Fact]
    public void Leaves_the_permission_name_empty_when_the_resource_is_unknown()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/servicePrincipals/client/appRoleAssignments", """{"id":"as1","principalId":"client","resourceId":"nowhere","appRoleId":"r"}""");
        var assignment = Assert.Single(fixture.Load().Inventory.AppRoleAssignments);
        Assert.Null(assignment.PermissionName);
        Assert.Null(assignment.ResourceAppId);
    }

    [Fact]
    public void Splits_delegated_grant_scopes_on_spaces()
    {
        using var fixture = new SnapshotFixture();
        AddGraphResource(fixture);
        fixture.AddList($"{Graph}/oauth2PermissionGrants", """
            {"id":"g1","clientId":"client","consentType":"AllPrincipals","principalId":null,"resourceId":"graph-sp","scope":" User.Read  Mail.ReadWrite offline_access "}
            """);
        var grant = Assert.Single(fixture.Load().Inventory.GrantsOf("client"));
        Assert.Equal(["User.Read", "Mail.ReadWrite", "offline_access"], grant.Scopes);
        Assert.Equal(("AllPrincipals", GraphAppId), (grant.ConsentType, grant.ResourceAppId));
    }

    [Fact]
    public void Names_directory_roles_from_role_definitions()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/roleManagement/directory/roleAssignments", """{"id":"ra1","principalId":"client","roleDefinitionId":"custom-1","directoryScopeId":"/"}""");
        fixture.AddList($"{Graph}/roleManagement/directory/roleDefinitions", """{"id":"custom-1","displayName":"Flow auditors","templateId":"custom-1","isBuiltIn":false}""");
        var role = Assert.Single(fixture.Load().Inventory.RoleAssignmentsOf("client"));
        Assert.Equal(("Flow auditors", "/"), (role.RoleDisplayName, role.DirectoryScopeId));
    }

    [Fact]
    public void Names_privileged_built_in_roles_from_the_embedded_template_list_without_role_definitions()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/roleManagement/directory/roleAssignments", """
            {"id":"ra1","principalId":"client","roleDefinitionId":"62e90394-69f5-4237-9190-012177145e10"},
            {"id":"ra2","principalId":"client","roleDefinitionId":"00000000-1111-2222-3333-444444444444"}
            """);
        var roles = fixture.Load().Inventory.RoleAssignmentsOf("client");
        Assert.Equal("Global Administrator", roles[0].RoleDisplayName);
        Assert.Null(roles[1].RoleDisplayName);
    }
}
