using System.Text.Json;
using TenantScanner.Inventory;
using TenantScanner.Tests.Snapshots;
using static TenantScanner.Tests.Snapshots.SnapshotFixture;

namespace TenantScanner.Tests.Inventory;

public sealed class FlowInventoryTests
{
    private const string Dataverse = "https://contoso.crm4.dynamics.com/api/data/v9.2";

    private const string Definition = """
        {"triggers":{
            "Recurrence":{"type":"Recurrence","recurrence":{"frequency":"Day"}},
            "manual":{"type":"Request","kind":"Button"},
            "When_a_HTTP_request_is_received":{"type":"Request","kind":"Http"},
            "When_an_email_arrives":{"type":"OpenApiConnectionWebhook"},
            "Polling":{"type":"ApiConnection"},
            "Odd":{"type":"SomethingElse"}},
         "actions":{"Send":{"type":"OpenApiConnection","inputs":{"password":"not-for-the-loader"}}}}
        """;

    private static void AddEnvironment(SnapshotFixture fixture) =>
        fixture.AddList($"{Bap}/scopes/admin/environments", """
            {"name":"env1","properties":{"displayName":"Prod","environmentSku":"Production",
             "linkedEnvironmentMetadata":{"instanceUrl":"https://contoso.crm4.dynamics.com/"}}}
            """);

    [Fact]
    public void Merges_the_list_item_details_and_owners_of_a_flow()
    {
        using var fixture = new SnapshotFixture();
        var list = fixture.AddList($"{FlowAdmin}/env1/v2/flows?api-version=2016-11-01", """
            {"name":"f1","id":"/providers/Microsoft.ProcessSimple/environments/env1/flows/f1",
             "properties":{"displayName":"Nightly export for Zoë","state":"Started","createdTime":"2025-01-01T00:00:00Z","lastModifiedTime":"2026-01-01T00:00:00Z",
               "creator":{"objectId":"u1","userId":"u1","userType":"ActiveDirectory","tenantId":"t"}}}
            """);
        var details = fixture.Add($"{FlowAdmin}/env1/flows/f1?api-version=2016-11-01", """
            {"name":"f1","properties":{"displayName":"Nightly export for Zoë","definition":
            """ + Definition + """
            ,"connectionReferences":{"shared_office365":{"connectionName":"shared-office365-1","id":"/providers/Microsoft.PowerApps/apis/shared_office365","displayName":"Office 365 Outlook"}}}}
            """);
        fixture.AddList($"{FlowAdmin}/env1/flows/f1/owners", """
            {"name":"p1","properties":{"roleName":"Owner","principal":{"id":"u1","type":"User","displayName":"Zoë Müller","email":"zoe@contoso.com"}}},
            {"name":"p2","properties":{"roleName":"CanEdit","principal":{"id":"g1","type":"Group","displayName":"Ops"}}}
            """);
        var flow = Assert.Single(fixture.Load().Inventory.Flows);

        Assert.Equal(("f1", "env1", "Nightly export for Zoë", FlowState.Started), (flow.Id, flow.EnvironmentId, flow.DisplayName, flow.State));
        Assert.Equal((FlowOrigin.PowerAutomateAdmin, false), (flow.Origin, flow.IsSolutionAware));
        Assert.Equal(new PrincipalRef("u1", PrincipalType.User), flow.Creator);
        Assert.Equal((list, "/value/0"), (flow.Source.File, flow.Source.JsonPointer));
        Assert.Equal((details, "/properties/definition"), (flow.DefinitionSource!.File, flow.DefinitionSource.JsonPointer));
        Assert.Equal("not-for-the-loader", flow.Definition!.Value.GetProperty("actions").GetProperty("Send").GetProperty("inputs").GetProperty("password").GetString());
        Assert.Equal(new FlowConnectionUse("shared_office365", "shared_office365", "shared-office365-1", null), Assert.Single(flow.Connections));
        Assert.True(flow.OwnersKnown);
        Assert.Equal(["Owner", "CanEdit"], flow.Owners.Select(o => o.Role));
        Assert.Equal(new PrincipalRef("g1", PrincipalType.Group, "Ops"), flow.Owners[1].Principal);
        Assert.Equal("/value/1", flow.Owners[1].Source.JsonPointer);
    }

    [Fact]
    public void Keeps_the_definition_usable_after_the_snapshot_buffers_were_released()
    {
        using var fixture = new SnapshotFixture();
        fixture.Add($"{FlowAdmin}/env1/flows/f1", $$$"""{"name":"f1","properties":{"definition":{{{Definition}}}}}""");
        var flow = fixture.Load().Inventory.Flows[0];
        // Load more snapshots so pooled buffers are reused; a definition that was not detached would now read garbage.
        for (var i = 0; i < 3; i++)
        {
            using var other = new SnapshotFixture();
            other.AddList($"{Graph}/users", string.Join(",", Enumerable.Range(0, 200).Select(n => $$"""{"id":"u{{n}}","displayName":"xxxxxxxxxxxxxxxx"}""")));
            other.Load();
        }
        Assert.Equal(JsonValueKind.Object, flow.Definition!.Value.GetProperty("triggers").ValueKind);
        Assert.Equal(6, flow.Definition.Value.GetProperty("triggers").EnumerateObject().Count());
    }

    [Fact]
    public void Classifies_triggers_by_type_and_kind()
    {
        using var fixture = new SnapshotFixture();
        fixture.Add($"{FlowAdmin}/env1/flows/f1", $$$"""{"name":"f1","properties":{"definition":{{{Definition}}}}}""");
        var triggers = fixture.Load().Inventory.Flows[0].Triggers.ToDictionary(t => t.Name, t => t.Classification);
        Assert.Equal(TriggerKind.Scheduled, triggers["Recurrence"]);
        Assert.Equal(TriggerKind.Manual, triggers["manual"]);
        Assert.Equal(TriggerKind.HttpRequest, triggers["When_a_HTTP_request_is_received"]);
        Assert.Equal(TriggerKind.Automated, triggers["When_an_email_arrives"]);
        Assert.Equal(TriggerKind.Automated, triggers["Polling"]);
        Assert.Equal(TriggerKind.Unknown, triggers["Odd"]);
    }

    [Theory]
    [InlineData("Request", "PowerAppV2", TriggerKind.Manual)]
    [InlineData("Request", "Http", TriggerKind.HttpRequest)]
    [InlineData("Request", null, TriggerKind.HttpRequest)]
    [InlineData("ApiConnectionWebhook", null, TriggerKind.Automated)]
    [InlineData("recurrence", null, TriggerKind.Scheduled)]
    public void Classifies_each_trigger_type(string type, string? kind, TriggerKind expected) =>
        Assert.Equal(expected, TenantScanner.Inventory.Building.TriggerClassifier.Classify(type, kind));

    [Fact]
    public void Marks_flow_owners_unknown_when_the_owners_source_was_not_read()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{FlowAdmin}/env1/v2/flows", """{"name":"f1","properties":{"displayName":"A"}}""");
        var flow = fixture.Load().Inventory.Flows[0];
        Assert.False(flow.OwnersKnown);
        Assert.Null(flow.Definition);
    }

    [Fact]
    public void Marks_flow_owners_unknown_when_the_owners_request_failed()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{FlowAdmin}/env1/v2/flows", """{"name":"f1"},{"name":"f2"}""");
        fixture.AddList($"{FlowAdmin}/env1/flows/f1/owners", """{"name":"p1","properties":{"roleName":"Owner","principal":{"id":"u1","type":"User"}}}""", nextLink: "x");
        fixture.Add($"{FlowAdmin}/env1/flows/f1/owners?$skiptoken=x", "{}", status: 429);
        fixture.AddList($"{FlowAdmin}/env1/flows/f2/owners", "");
        var inventory = fixture.Load().Inventory;
        Assert.False(inventory.Flows[0].OwnersKnown);
        Assert.True(inventory.Flows[1].OwnersKnown);
        Assert.Empty(inventory.Flows[1].Owners);
        Assert.False(inventory.Coverage.IsAvailable(TenantScanner.Snapshots.SourceKind.FlowOwners, "env1"));
    }

    [Fact]
    public void Concatenates_flow_list_pages_in_manifest_order()
    {
        using var fixture = new SnapshotFixture();
        fixture.Add($"{FlowAdmin}/env1/v2/flows?api-version=2016-11-01",
            $$"""{"value":[{"name":"f1"},{"name":"f2"}],"nextLink":"{{FlowAdmin}}/env1/v2/flows?$skiptoken=a"}""");
        fixture.Add($"{FlowAdmin}/env1/v2/flows?$skiptoken=a", """{"value":[{"name":"f3"}]}""");
        fixture.Add($"{FlowAdmin}/env2/v2/flows", """{"value":[{"name":"f1"}]}""");
        var flows = fixture.Load().Inventory.Flows;
        Assert.Equal(["env1/f1", "env1/f2", "env1/f3", "env2/f1"], flows.Select(f => $"{f.EnvironmentId}/{f.Id}"));
    }

    [Fact]
    public void Merges_a_dataverse_workflow_into_the_admin_flow_instead_of_duplicating_it()
    {
        using var fixture = new SnapshotFixture();
        AddEnvironment(fixture);
        fixture.AddList($"{FlowAdmin}/env1/v2/flows", """{"name":"f1","properties":{"displayName":"Solution flow","state":"Started","workflowEntityId":"wf-1"}}""");
        var clientData = JsonSerializer.Serialize("""
            {"properties":{"definition":
            """ + Definition + """
            ,"connectionReferences":{"shared_office365":{"runtimeSource":"embedded","connection":{"connectionReferenceLogicalName":"new_sharedoffice365_abc"},"api":{"name":"shared_office365"}}}}}
            """);
        var file = fixture.AddList($"{Dataverse}/workflows?$filter=category eq 5", $$"""
            {"workflowid":"wf-1","workflowidunique":"u-1","resourceid":"f1","name":"Solution flow","category":5,"statecode":1,
             "_ownerid_value":"su-1","_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"systemuser","clientdata":{{clientData}}}
            """);
        var flow = Assert.Single(fixture.Load().Inventory.Flows);
        Assert.Equal((FlowOrigin.PowerAutomateAdmin, true), (flow.Origin, flow.IsSolutionAware));
        Assert.Equal(new FlowConnectionUse("shared_office365", "shared_office365", null, "new_sharedoffice365_abc"), Assert.Single(flow.Connections));
        Assert.Equal((file, "/value/0/clientdata/properties/definition"), (flow.DefinitionSource!.File, flow.DefinitionSource.JsonPointer));
        Assert.True(flow.OwnersKnown);
        Assert.Equal(new PrincipalRef("su-1", PrincipalType.User), Assert.Single(flow.Owners).Principal);
        Assert.Equal(6, flow.Triggers.Count);
    }

    [Fact]
    public void Adds_a_flow_known_only_from_dataverse_with_its_environment_and_owner()
    {
        using var fixture = new SnapshotFixture();
        AddEnvironment(fixture);
        fixture.AddList($"{Dataverse}/systemusers", """{"systemuserid":"su-app","applicationid":"app-1","fullname":"# Integration"}""");
        fixture.AddList($"{Dataverse}/workflows", """
            {"workflowid":"wf-2","name":"Team flow","category":5,"statecode":2,"_ownerid_value":"team-1","_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"team",
             "_ownerid_value@OData.Community.Display.V1.FormattedValue":"Łódź team","createdon":"2025-05-05T00:00:00Z"},
            {"workflowid":"wf-3","name":"App flow","category":5,"statecode":0,"_ownerid_value":"su-app","_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname":"systemuser"},
            {"workflowid":"wf-4","name":"Classic workflow","category":0}
            """);
        var flows = fixture.Load().Inventory.Flows;
        Assert.Equal(2, flows.Count);
        Assert.Equal(("wf-2", "env1", FlowOrigin.Dataverse, FlowState.Suspended, true), (flows[0].Id, flows[0].EnvironmentId, flows[0].Origin, flows[0].State, flows[0].IsSolutionAware));
        Assert.Equal(new PrincipalRef("team-1", PrincipalType.Group, "Łódź team"), flows[0].Owners[0].Principal);
        Assert.Equal(new PrincipalRef("app-1", PrincipalType.ApplicationUser, "# Integration"), flows[1].Owners[0].Principal);
        Assert.Equal(FlowState.Stopped, flows[1].State);
        Assert.Null(flows[1].Definition);
    }
}
