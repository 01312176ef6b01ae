using System.Text.Json.Nodes;

namespace TenantScanner.TestKit.TenantGenerator.Shapes;

internal enum FlowTriggerShape { Scheduled, Manual, HttpRequest, SharePointItemCreated, NewEmail, DataverseRowAdded }

/// <summary>What a generated business flow does, in broad strokes.</summary>
internal sealed record BusinessFlowShape
{
    public required FlowTriggerShape Trigger { get; init; }
    /// <summary>Connectors the flow calls, in order; each becomes a realistic operation.</summary>
    public IReadOnlyList<string> Apis { get; init; } = [];
    /// <summary>Short business subject used in texts, e.g. "invoice".</summary>
    public required string Subject { get; init; }
    public string SiteUrl { get; init; } = "https://contosopharma.sharepoint.com/sites/Operations";
    public string NotifyAddress { get; init; } = "operations@contosopharma.com";
    public int ScheduleHour { get; init; } = 2;
    /// <summary>For HTTP triggers: the trigger's "who can trigger" setting (null = not set, anyone with the URL).</summary>
    public string? HttpTriggerAuthentication { get; init; }
    public JsonArray? HttpTriggerConditions { get; init; }
    /// <summary>Extra steps placed inside the Try scope (this is where the demo plants secrets and decoys).</summary>
    public IReadOnlyList<(string Name, JsonObject Action)> ExtraSteps { get; init; } = [];
    public JsonObject? ExtraParameters { get; init; }
}

/// <summary>
/// Composes a definition the way makers build flows: a trigger, variables, a Try scope holding the
/// work (a loop over items with a condition and the connector calls), and a Catch scope that
/// reports failures. Definitions come out at a few KB, like real ones.
/// </summary>
internal static class BusinessFlowComposer
{
    public static JsonObject Build(BusinessFlowShape shape)
    {
        var (triggerName, trigger) = Trigger(shape);
        var actions = new ActionSequence()
            .Add("Initialize_varProcessedCount", FlowActions.InitializeVariable("varProcessedCount", "integer", 0))
            .Add("Initialize_varErrors", FlowActions.InitializeVariable("varErrors", "array", new JsonArray()))
            .Add("Compose_run_context", FlowActions.Compose(new JsonObject
            {
                ["flow"] = "@{workflow()?['tags']?['flowDisplayName']}",
                ["runId"] = "@{workflow()?['run']?['name']}",
                ["startedAt"] = "@{utcNow()}",
                ["subject"] = shape.Subject,
            }));

        var work = new ActionSequence();
        foreach (var (name, action) in shape.ExtraSteps)
            work.Add(name, action.DeepClone().AsObject());
        var loopBody = new ActionSequence();
        var thenBranch = new ActionSequence();
        var index = 0;
        foreach (var api in shape.Apis)
        {
            var (name, action) = Operation(api, shape, index++);
            if (index == 1)
                work.Add(name, action);
            else
                thenBranch.Add(name, action);
        }
        thenBranch.Add("Increment_processed", new JsonObject { ["type"] = "IncrementVariable", ["inputs"] = new JsonObject { ["name"] = "varProcessedCount", ["value"] = 1 } });
        loopBody.Add("Condition_needs_processing", FlowActions.Condition(
            FlowActions.IsEqual("@items('Apply_to_each_item')?['Status']", "Pending"), thenBranch,
            new ActionSequence().Add("Append_skipped", new JsonObject
            {
                ["type"] = "AppendToArrayVariable",
                ["inputs"] = new JsonObject { ["name"] = "varErrors", ["value"] = "@{items('Apply_to_each_item')?['ID']} skipped" },
            })));
        work.Add("Apply_to_each_item", FlowActions.Foreach("@coalesce(body('Compose_items'), json('[]'))", loopBody, concurrency: 1));

        var workWithItems = new ActionSequence().Add("Compose_items", FlowActions.Compose("@outputs('Compose_run_context')"));
        actions.Add("Try", FlowActions.Scope(Prepend(workWithItems, work)));
        var catchScope = FlowActions.Scope(new ActionSequence()
            .Add("Compose_failure", FlowActions.Compose(new JsonObject
            {
                ["error"] = "@{result('Try')}",
                ["link"] = "@{concat('https://make.powerautomate.com/environments/', workflow()?['tags']?['environmentName'], '/flows/', workflow()?['name'], '/runs/', workflow()?['run']?['name'])}",
            }))
            .Add("Terminate_failed", FlowActions.Terminate("Failed", $"The {shape.Subject} run failed; see Compose_failure.")));
        catchScope["runAfter"] = new JsonObject { ["Try"] = new JsonArray("Failed", "TimedOut") };
        var definition = FlowActions.Definition(triggerName, trigger, actions, shape.ExtraParameters?.DeepClone().AsObject());
        // The Catch scope runs only after Try fails, so it is added after runAfter chaining.
        definition["actions"]!.AsObject()["Catch"] = catchScope;
        return definition;
    }

    private static ActionSequence Prepend(ActionSequence first, ActionSequence rest)
    {
        var built = rest.Build();
        foreach (var (name, action) in built.ToList())
        {
            built.Remove(name);
            first.Add(name, action!.AsObject());
        }
        return first;
    }

    private static (string Name, JsonObject Trigger) Trigger(BusinessFlowShape shape) => shape.Trigger switch
    {
        FlowTriggerShape.Scheduled => ("Recurrence", FlowActions.Recurrence("Day", 1, shape.ScheduleHour, 30)),
        FlowTriggerShape.Manual => ("manual", FlowActions.ManualButton()),
        FlowTriggerShape.HttpRequest => ("manual", FlowActions.HttpRequest(shape.HttpTriggerAuthentication, shape.HttpTriggerConditions)),
        FlowTriggerShape.SharePointItemCreated => ("When_an_item_is_created", FlowActions.ConnectorTrigger(Connectors.SharePoint, "GetOnNewItems",
            new JsonObject { ["dataset"] = shape.SiteUrl, ["table"] = "5b0f6c1e-2d3a-4b8c-9e7f-0a1b2c3d4e5f" }, polling: true)),
        FlowTriggerShape.NewEmail => ("When_a_new_email_arrives_(V3)", FlowActions.ConnectorTrigger(Connectors.Office365, "OnNewEmailV3",
            new JsonObject { ["folderPath"] = "Inbox", ["importance"] = "Any", ["fetchOnlyWithAttachment"] = true, ["includeAttachments"] = true, ["subjectFilter"] = shape.Subject }, polling: false)),
        _ => ("When_a_row_is_added", FlowActions.ConnectorTrigger(Connectors.Dataverse, "SubscribeWebhookTrigger",
            new JsonObject { ["subscriptionRequest/message"] = 1, ["subscriptionRequest/entityname"] = "account", ["subscriptionRequest/scope"] = 4 }, polling: false)),
    };

    private static (string Name, JsonObject Action) Operation(string api, BusinessFlowShape shape, int index) => api switch
    {
        Connectors.Office365 => ($"Send_an_email_(V2)_{index}", FlowActions.Connector(api, "SendEmailV2", new JsonObject
        {
            ["emailMessage/To"] = shape.NotifyAddress,
            ["emailMessage/Subject"] = $"{Capitalise(shape.Subject)} processed: @{{variables('varProcessedCount')}}",
            ["emailMessage/Body"] = $"<p>The {shape.Subject} run @{{workflow()?['run']?['name']}} finished.</p>",
            ["emailMessage/Importance"] = "Normal",
        })),
        Connectors.SharePoint => ($"Get_items_{index}", FlowActions.Connector(api, "GetItems", new JsonObject
        {
            ["dataset"] = shape.SiteUrl,
            ["table"] = "9c2d4e6f-8a0b-4c1d-ae3f-5b7c9d1e3f50",
            ["$filter"] = "Status eq 'Pending'",
            ["$top"] = 500,
        })),
        Connectors.Teams => ($"Post_message_in_a_chat_or_channel_{index}", FlowActions.Connector(api, "PostMessageToConversation", new JsonObject
        {
            ["poster"] = "Flow bot",
            ["location"] = "Channel",
            ["body/recipient/groupId"] = "0b6f3c8e-5d2a-4e71-9f0c-2a4b6d8e0f13",
            ["body/recipient/channelId"] = "19:3f1e0c2a9b7d4e6f8a0c2e4b6d8f0a1c@thread.tacv2",
            ["body/messageBody"] = $"<p>{Capitalise(shape.Subject)}: @{{variables('varProcessedCount')}} items processed.</p>",
        })),
        Connectors.Excel => ($"Add_a_row_into_a_table_{index}", FlowActions.Connector(api, "AddRowV2", new JsonObject
        {
            ["source"] = shape.SiteUrl,
            ["drive"] = "b!Xy3kQ0v1mEqg7d2hR9sTfA5nL8pW4cZ6bJ1oK2uV3iN7eM0yH",
            ["file"] = "01ABCDEF2GHIJKLMNOPQRSTUVWXYZ34567",
            ["table"] = "{7F3A2C1B-0D4E-4F5A-9B6C-8D7E0F1A2B3C}",
            ["item/Date"] = "@{utcNow('yyyy-MM-dd')}",
            ["item/Count"] = "@{variables('varProcessedCount')}",
        })),
        Connectors.Sql => ($"Get_rows_(V2)_{index}", FlowActions.Connector(api, "GetItems_V2", new JsonObject
        {
            ["server"] = "sql-contoso-erp.database.windows.net",
            ["database"] = "ErpStaging",
            ["table"] = "[dbo].[OutboundDocuments]",
            ["$filter"] = "ExportedOn eq null",
        })),
        Connectors.Dataverse => ($"List_rows_{index}", FlowActions.Connector(api, "ListRecords", new JsonObject
        {
            ["entityName"] = "cr4f1_batchrecords",
            ["$select"] = "cr4f1_name,cr4f1_status,modifiedon",
            ["$filter"] = "cr4f1_status eq 100000001",
        })),
        Connectors.KeyVault => ($"Get_secret_{index}", FlowActions.WithSecureData(FlowActions.Connector(api, "GetSecret", new JsonObject { ["secretName"] = "erp-api-key" }))),
        Connectors.AzureBlob => ($"Create_blob_(V2)_{index}", FlowActions.Connector(api, "CreateFile_V2", new JsonObject
        {
            ["dataset"] = "AccountNameFromSettings",
            ["folderPath"] = $"/exports/{shape.Subject.Replace(' ', '-')}",
            ["name"] = "@{utcNow('yyyyMMdd-HHmm')}.json",
            ["body"] = "@{variables('varErrors')}",
        })),
        Connectors.ServiceBus => ($"Send_message_{index}", FlowActions.Connector(api, "SendMessage", new JsonObject
        {
            ["entityName"] = "sbq-outbound",
            ["message/ContentData"] = "@{base64(outputs('Compose_run_context'))}",
        })),
        _ => ($"Create_file_{index}", FlowActions.Connector(api, "CreateFile", new JsonObject
        {
            ["folderPath"] = "/Exports",
            ["name"] = $"{shape.Subject}-@{{utcNow('yyyyMMdd')}}.csv",
            ["body"] = "@{variables('varErrors')}",
        })),
    };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
