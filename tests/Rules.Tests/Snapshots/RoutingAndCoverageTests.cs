using TenantScanner.Snapshots;
using static TenantScanner.Tests.Snapshots.SnapshotFixture;

namespace TenantScanner.Tests.Snapshots;

public sealed class RoutingAndCoverageTests
{
    private const string Dataverse = "https://contoso.crm4.dynamics.com/api/data/v9.2";

    [Fact]
    public void Routes_by_url_never_by_file_name_and_concatenates_pages_in_manifest_order()
    {
        using var fixture = new SnapshotFixture();
        fixture.Add($"{Graph}/users?$top=2&$select=id,displayName", """{"value":[{"id":"u1"},{"id":"u2"}],"@odata.nextLink":"x"}""", file: "graph/servicePrincipals.json");
        fixture.Add($"{Graph}/users?$skiptoken=abc", """{"value":[{"id":"u3"}]}""", file: "graph/zzz.json");
        var inventory = fixture.Load().Inventory;
        Assert.Empty(inventory.ServicePrincipals);
        Assert.Equal(["u1", "u2", "u3"], inventory.Users.Select(u => u.Id));
        Assert.Equal(("graph/zzz.json", "/value/0", $"{Graph}/users?$skiptoken=abc"),
            (inventory.Users[2].Source.File, inventory.Users[2].Source.JsonPointer, inventory.Users[2].Source.Url));
    }

    [Fact]
    public void Ignores_urls_the_scanner_does_not_know_but_still_verifies_them()
    {
        using var fixture = new SnapshotFixture();
        fixture.Add("https://graph.microsoft.com/v1.0/groups", "not even json");
        fixture.Add("https://example.com/whatever", "{}");
        var inventory = fixture.Load().Inventory;
        Assert.Empty(inventory.Users);

        fixture.WriteFile("responses/0001.json", "tampered");
        Assert.Contains("SHA-256 does not match", fixture.LoadFails().Message);
    }

    [Fact]
    public void Routes_each_batch_sub_response_by_its_own_url()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/servicePrincipals", """{"id":"sp1","appId":"a1"},{"id":"sp2","appId":"a2"}""");
        fixture.AddBatch("""
            {"responses":[
              {"id":"2","status":200,"headers":{},"body":{"value":[{"@odata.type":"#microsoft.graph.user","id":"u2"}]}},
              {"id":"1","status":200,"body":{"value":[{"@odata.type":"#microsoft.graph.user","id":"u1"}]}},
              {"id":"3","status":404,"body":{"error":{"code":"Request_ResourceNotFound","message":"gone"}}},
              {"id":"4","status":200,"body":{"value":[]}}
            ]}
            """, ("1", "/servicePrincipals/sp1/owners"), ("2", "/servicePrincipals/sp2/owners?$select=id"),
            ("3", "/applications/app9/owners"), ("4", "https://graph.microsoft.com/v1.0/groups"));
        var inventory = fixture.Load().Inventory;
        var sp1 = inventory.FindServicePrincipal("sp1")!;
        var sp2 = inventory.FindServicePrincipal("sp2")!;
        Assert.Equal(("u1", true), (Assert.Single(sp1.Owners).Id, sp1.OwnersKnown));
        Assert.Equal(("u2", true), (Assert.Single(sp2.Owners).Id, sp2.OwnersKnown));
        var gap = inventory.Coverage.GapFor(SourceKind.GraphApplicationOwners)!;
        Assert.Equal((404, $"{Graph}/applications/app9/owners"), (gap.Status, gap.Url));
        Assert.Contains("Request_ResourceNotFound", gap.Error);
        Assert.Contains(SourceKind.GraphServicePrincipalOwners, inventory.Coverage.SourcesRead);
    }

    [Fact]
    public void Refuses_a_batch_sub_response_whose_id_the_manifest_does_not_list()
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.AddBatch("""{"responses":[{"id":"9","status":200,"body":{"value":[]}}]}""", ("1", "/users"));
        var error = fixture.LoadFails();
        Assert.Contains($"{file}: sub-response at JSON pointer /responses/0 has id '9'", error.Message);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    [InlineData(504)]
    public void Skips_a_throttled_batch_sub_response_the_manifest_leaves_out_because_it_was_sent_again(int status)
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/applications", """{"id":"app1","appId":"a1","displayName":"App one","passwordCredentials":[{"keyId":"k1"}]}""");
        fixture.AddBatch("""{"responses":[{"id":"1","status":""" + status + ""","headers":{"Retry-After":"1"},"body":{"error":{"code":"TooManyRequests","message":"throttled"}}}]}""");
        fixture.AddBatch("""{"responses":[{"id":"1","status":200,"body":{"value":[{"id":"f1","name":"gh","issuer":"https://token.actions.githubusercontent.com","subject":"repo:c/p:ref:refs/heads/main"}]}}]}""",
            ("1", "/applications/app1/federatedIdentityCredentials"));
        var inventory = fixture.Load().Inventory;
        var application = Assert.Single(inventory.Applications);
        Assert.True(application.FederatedCredentialsKnown);
        Assert.Equal("gh", Assert.Single(application.FederatedCredentials).Name);
        Assert.DoesNotContain(inventory.Coverage.Gaps, g => g.Source == "graph.federatedIdentityCredentials");
    }

    [Fact]
    public void Points_batch_items_at_their_place_inside_the_batch_file()
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.AddBatch("""{"responses":[{"id":"a","status":200,"body":{"value":[{"id":"u1"},{"id":"u2"}]}}]}""", ("a", "/users?$top=2"));
        var user = fixture.Load().Inventory.Users[1];
        Assert.Equal((file, "/responses/0/body/value/1", $"{Graph}/users?$top=2"), (user.Source.File, user.Source.JsonPointer, user.Source.Url));
    }

    [Fact]
    public void Turns_a_failed_request_into_a_coverage_gap_for_its_source_and_environment()
    {
        using var fixture = new SnapshotFixture();
        fixture.Add($"{FlowAdmin}/env1/v2/flows", "<html>Bad gateway</html>", status: 502);
        fixture.Add($"{FlowAdmin}/env1/v2/flows?$skiptoken=2", "<html>Bad gateway</html>", status: 502);
        fixture.AddList($"{FlowAdmin}/env2/v2/flows", """{"name":"f1"}""");
        var coverage = fixture.Load().Inventory.Coverage;
        var gap = coverage.GapFor(SourceKind.Flows, "env1")!;
        Assert.Equal(("env1", 502), (gap.EnvironmentId, gap.Status));
        Assert.Equal("HTTP 502 (and 1 more failed request(s) for this source)", gap.Error);
        Assert.True(coverage.IsAvailable(SourceKind.Flows, "env2"));
    }

    [Fact]
    public void Maps_a_failed_dataverse_request_to_its_environment()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Bap}/scopes/admin/environments", """{"name":"env1","properties":{"linkedEnvironmentMetadata":{"instanceUrl":"https://contoso.crm4.dynamics.com/"}}}""");
        fixture.Add($"{Dataverse}/workflows", """{"error":{"code":"0x80072560","message":"The user is not a member of the organization."}}""", status: 403);
        var coverage = fixture.Load().Inventory.Coverage;
        Assert.False(coverage.IsAvailable(SourceKind.DataverseWorkflows, "env1"));
        Assert.True(coverage.IsAvailable(SourceKind.DataverseWorkflows, "env2"));
    }

    [Fact]
    public void Keeps_the_manifest_coverage_gaps()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddGap("flow.flows", environmentId: "env1", status: 403, error: "Forbidden: not an admin");
        var coverage = fixture.Load().Inventory.Coverage;
        Assert.Equal("Forbidden: not an admin", coverage.GapFor(SourceKind.Flows, "ENV1")!.Error);
    }

    [Fact]
    public void Records_sources_never_requested_as_not_collected_so_rules_go_inconclusive()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/servicePrincipals", """{"id":"sp1","appId":"a1"}""");
        fixture.AddList($"{Bap}/scopes/admin/environments", """
            {"name":"env1","properties":{"linkedEnvironmentMetadata":{"instanceUrl":"https://contoso.crm4.dynamics.com/"}}},
            {"name":"env2","properties":{}}
            """);
        fixture.AddList($"{FlowAdmin}/env1/v2/flows", "");
        fixture.AddList($"{Dataverse}/workflows", "");
        var coverage = fixture.Load().Inventory.Coverage;

        Assert.True(coverage.IsAvailable(SourceKind.GraphServicePrincipals));
        Assert.Contains("not collected", coverage.GapFor(SourceKind.GraphUsers)!.Error);
        Assert.False(coverage.IsAvailable(SourceKind.GraphApplications));
        Assert.False(coverage.IsAvailable(SourceKind.GraphAppRoleAssignments));
        Assert.True(coverage.IsAvailable(SourceKind.Flows, "env1"));
        Assert.False(coverage.IsAvailable(SourceKind.Flows, "env2"));
        Assert.False(coverage.IsAvailable(SourceKind.Connections, "env1"));
        Assert.True(coverage.IsAvailable(SourceKind.DataverseWorkflows, "env1"));
        Assert.False(coverage.IsAvailable(SourceKind.DataverseSystemUsers, "env1"));
        // env2 has no Dataverse: its Dataverse sources are not applicable, not missing.
        Assert.True(coverage.IsAvailable(SourceKind.DataverseSystemUsers, "env2"));
    }

    [Theory]
    [InlineData(SourceKind.GraphOrganization)]
    [InlineData(SourceKind.GraphServicePrincipalOwners)]
    [InlineData(SourceKind.GraphApplicationOwners)]
    [InlineData(SourceKind.GraphApplicationFederatedCredentials)]
    [InlineData(SourceKind.GraphAppRoleAssignedTo)]
    [InlineData(SourceKind.GraphDirectoryObjectsByIds)]
    [InlineData(SourceKind.GraphRoleDefinitions)]
    [InlineData(SourceKind.KeyVaultSecrets)]
    [InlineData(SourceKind.FlowDetails)]
    [InlineData(SourceKind.FlowOwners)]
    public void Does_not_record_optional_sources_as_not_collected(SourceKind kind)
    {
        using var fixture = new SnapshotFixture();
        Assert.True(fixture.Load().Inventory.Coverage.IsAvailable(kind));
    }

    [Fact]
    public void Accepts_app_role_assignments_collected_from_the_resource_side()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/servicePrincipals/graph-sp/appRoleAssignedTo", "");
        Assert.True(fixture.Load().Inventory.Coverage.IsAvailable(SourceKind.GraphAppRoleAssignments));
    }

    [Fact]
    public void Lists_a_failure_the_manifest_already_names_as_one_gap_keeping_the_collectors_explanation()
    {
        using var fixture = new SnapshotFixture();
        fixture.Add($"{FlowAdmin}/env1/v2/flows", """{"error":{"code":"Forbidden","message":"no"}}""", status: 403);
        fixture.AddGap("flow.flows", environmentId: "env1", status: 403, error: "Forbidden. Missing permission: Power Platform admin access");
        var coverage = fixture.Load().Inventory.Coverage;
        var gap = Assert.Single(coverage.Gaps, g => g.Source == "flow.flows");
        Assert.Contains("Missing permission", gap.Error);
    }

    [Fact]
    public void Does_not_add_a_not_collected_gap_over_a_manifest_gap()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddGap("graph.users", error: "Forbidden");
        var coverage = fixture.Load().Inventory.Coverage;
        Assert.Single(coverage.Gaps, g => g.Source == "graph.users");
        Assert.Equal("Forbidden", coverage.GapFor(SourceKind.GraphUsers)!.Error);
    }
}
