using System.Text;
using System.Text.Json;
using TenantScanner.Inventory;
using TenantScanner.Snapshots;

namespace TenantScanner.Inventory.Building;

/// <summary>
/// Reads what a flow's <c>properties</c> hold beyond the list fields: the definition (kept as a detached
/// copy, the only raw JSON the inventory keeps), its triggers and the connections it references.
/// </summary>
internal static class FlowDefinitionReader
{
    /// <summary>The definition, triggers and connections found under a flow's <c>properties</c>.</summary>
    public sealed record FlowBody(JsonElement? Definition, SourceLocation? DefinitionSource, IReadOnlyList<FlowTrigger> Triggers, IReadOnlyList<FlowConnectionUse> Connections);

    public static FlowBody Read(JsonAt? properties)
    {
        if (properties is not { } p)
            return new FlowBody(null, null, [], []);
        var definition = p.Object("definition");
        return new FlowBody(
            definition?.Element.Clone(),
            definition?.Location,
            definition is { } d ? Triggers(d) : [],
            Connections(p));
    }

    /// <summary>
    /// Dataverse <c>clientdata</c> is a JSON document inside a string. Pointers into it are written as
    /// <c>{pointer of clientdata}/properties/definition/...</c>: the path continues inside the string.
    /// </summary>
    public static FlowBody ReadClientData(JsonAt workflow)
    {
        var text = workflow.String("clientdata");
        if (string.IsNullOrWhiteSpace(text))
            return new FlowBody(null, null, [], []);
        var clientDataAt = workflow.Child("clientdata", workflow.Element.GetProperty("clientdata"));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(JsonTextMending.Mend(Encoding.UTF8.GetBytes(text)));
        }
        catch (JsonException ex)
        {
            throw new SnapshotFormatException(
                $"{workflow.Page.File}: malformed JSON inside the clientdata string at JSON pointer {clientDataAt.Pointer}, line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1} of the line of the embedded document (request {workflow.Page.Url}).",
                workflow.Page.File, ex);
        }
        using (document)
        {
            var root = new JsonAt(document.RootElement, clientDataAt.Pointer, workflow.Page);
            if (root.Element.ValueKind != JsonValueKind.Object)
                throw clientDataAt.ShapeError("", "a JSON object inside the clientdata string");
            return Read(root.Object("properties"));
        }
    }

    public static IReadOnlyList<FlowTrigger> Triggers(JsonAt definition)
    {
        if (definition.Object("triggers") is not { } triggers)
            return [];
        var list = new List<FlowTrigger>();
        foreach (var property in triggers.Element.EnumerateObject())
        {
            var trigger = triggers.Child(property.Name, property.Value);
            if (property.Value.ValueKind != JsonValueKind.Object)
                throw triggers.ShapeError(property.Name, "a trigger object");
            var type = trigger.String("type") ?? "";
            var kind = trigger.String("kind");
            list.Add(new FlowTrigger(property.Name, type, kind, TriggerClassifier.Classify(type, kind)));
        }
        return list;
    }

    /// <summary>
    /// <c>connectionReferences</c> in both shapes: the admin API's (<c>connectionName</c>, <c>id</c>) and
    /// Dataverse clientdata's (<c>connection.connectionReferenceLogicalName</c>, <c>api.name</c>).
    /// </summary>
    public static IReadOnlyList<FlowConnectionUse> Connections(JsonAt properties)
    {
        if (properties.Object("connectionReferences") is not { } references)
            return [];
        var list = new List<FlowConnectionUse>();
        foreach (var property in references.Element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object)
                throw references.ShapeError(property.Name, "a connection reference object");
            var reference = references.Child(property.Name, property.Value);
            var connection = reference.Object("connection");
            var apiName = PowerPlatformPageReader.ApiName(reference.String("id"));
            if (apiName.Length == 0)
                apiName = reference.Object("api")?.String("name") ?? reference.String("apiName") ?? property.Name;
            list.Add(new FlowConnectionUse(
                property.Name,
                apiName,
                reference.String("connectionName") ?? connection?.String("name"),
                reference.String("connectionReferenceLogicalName") ?? connection?.String("connectionReferenceLogicalName")));
        }
        return list;
    }
}

/// <summary>Classifies a Logic Apps trigger by <c>type</c> and <c>kind</c>.</summary>
internal static class TriggerClassifier
{
    public static TriggerKind Classify(string type, string? kind) => type.ToLowerInvariant() switch
    {
        "recurrence" => TriggerKind.Scheduled,
        "request" => kind?.ToLowerInvariant() switch
        {
            null or "" or "http" => TriggerKind.HttpRequest,
            _ => TriggerKind.Manual, // Button, PowerApp, PowerAppV2, Skills, VirtualAgent...: a person or app starts it
        },
        "apiconnection" or "apiconnectionwebhook" or "openapiconnection" or "openapiconnectionwebhook"
            or "apiconnectionnotification" or "openapiconnectionnotification" or "http" or "httpwebhook" => TriggerKind.Automated,
        _ => TriggerKind.Unknown,
    };
}
