using System.Text.Json.Nodes;

namespace TenantScanner.TestKit.TenantGenerator.Shapes;

/// <summary>
/// The flow list's <c>definitionSummary</c>: trigger and action types (with the connector of each
/// connector operation), flattened across scopes, conditions and loops as the service does.
/// </summary>
internal static class FlowDefinitionSummary
{
    public static JsonObject Of(JsonObject definition)
    {
        var triggers = new JsonArray();
        if (definition["triggers"] is JsonObject triggerMap)
        {
            foreach (var (_, trigger) in triggerMap)
                triggers.Add(Summary(trigger as JsonObject));
        }
        var actions = new JsonArray();
        if (definition["actions"] is JsonObject actionMap)
            Collect(actionMap, actions);
        return new JsonObject { ["triggers"] = triggers, ["actions"] = actions };
    }

    private static void Collect(JsonObject actionMap, JsonArray into)
    {
        foreach (var (_, node) in actionMap)
        {
            if (node is not JsonObject action)
                continue;
            into.Add(Summary(action));
            foreach (var nested in new[] { action["actions"], (action["else"] as JsonObject)?["actions"] })
            {
                if (nested is JsonObject nestedMap)
                    Collect(nestedMap, into);
            }
            if (action["cases"] is JsonObject cases)
            {
                foreach (var (_, branch) in cases)
                {
                    if ((branch as JsonObject)?["actions"] is JsonObject branchActions)
                        Collect(branchActions, into);
                }
            }
        }
    }

    private static JsonObject Summary(JsonObject? step)
    {
        var summary = new JsonObject { ["type"] = step?["type"]?.GetValue<string>() };
        if (step?["kind"] is JsonNode kind)
            summary["kind"] = kind.GetValue<string>();
        var host = (step?["inputs"] as JsonObject)?["host"] as JsonObject;
        if (host?["apiId"] is JsonNode apiId)
        {
            summary["swaggerOperationId"] = host["operationId"]?.GetValue<string>();
            summary["api"] = new JsonObject
            {
                ["name"] = apiId.GetValue<string>().Split('/')[^1],
                ["id"] = apiId.GetValue<string>(),
                ["type"] = "Microsoft.PowerApps/apis",
            };
        }
        return summary;
    }
}
