using System.Text.Json.Nodes;

namespace TenantScanner.TestKit.TenantGenerator.Shapes;

/// <summary>An ordered list of workflow actions; <see cref="Build"/> chains them with <c>runAfter</c> as the designer does.</summary>
internal sealed class ActionSequence
{
    private readonly List<(string Name, JsonObject Action)> _steps = [];

    public int Count => _steps.Count;

    public ActionSequence Add(string name, JsonObject action)
    {
        _steps.Add((name, action));
        return this;
    }

    public JsonObject Build()
    {
        var map = new JsonObject();
        string? previous = null;
        foreach (var (name, action) in _steps)
        {
            action["runAfter"] = previous is null ? new JsonObject() : new JsonObject { [previous] = new JsonArray("Succeeded") };
            map[name] = action;
            previous = name;
        }
        return map;
    }
}

/// <summary>Builders for Logic Apps workflow definition parts in the shape Power Automate saves them.</summary>
internal static class FlowActions
{
    public static JsonObject Definition(string triggerName, JsonObject trigger, ActionSequence actions, JsonObject? extraParameters = null)
    {
        var parameters = new JsonObject
        {
            ["$connections"] = new JsonObject { ["defaultValue"] = new JsonObject(), ["type"] = "Object" },
            ["$authentication"] = new JsonObject { ["defaultValue"] = new JsonObject(), ["type"] = "SecureObject" },
        };
        if (extraParameters is not null)
        {
            foreach (var (name, value) in extraParameters.ToList())
            {
                extraParameters.Remove(name);
                parameters[name] = value;
            }
        }
        return new JsonObject
        {
            ["$schema"] = "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
            ["contentVersion"] = "1.0.0.0",
            ["parameters"] = parameters,
            ["triggers"] = new JsonObject { [triggerName] = trigger },
            ["actions"] = actions.Build(),
        };
    }

    public static JsonObject Recurrence(string frequency, int interval, int? hour = null, int? minute = null)
    {
        var recurrence = new JsonObject { ["frequency"] = frequency, ["interval"] = interval, ["timeZone"] = "W. Europe Standard Time" };
        if (hour is not null)
            recurrence["schedule"] = new JsonObject { ["hours"] = new JsonArray(hour.Value.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)), ["minutes"] = new JsonArray(minute ?? 0) };
        return new JsonObject { ["recurrence"] = recurrence, ["metadata"] = new JsonObject { ["operationMetadataId"] = "a1f3c2de-6b7a-4a60-9c1e-3f4b5d6e7f80" }, ["type"] = "Recurrence" };
    }

    public static JsonObject ManualButton() => new()
    {
        ["type"] = "Request",
        ["kind"] = "Button",
        ["inputs"] = new JsonObject
        {
            ["schema"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["text"] = new JsonObject { ["title"] = "Comment", ["type"] = "string", ["x-ms-dynamically-added"] = true, ["description"] = "Please enter your input", ["x-ms-content-hint"] = "TEXT" },
                },
                ["required"] = new JsonArray(),
            },
        },
    };

    /// <summary>"When an HTTP request is received"; <paramref name="triggerAuthenticationType"/> All means anyone with the URL.</summary>
    public static JsonObject HttpRequest(string? triggerAuthenticationType, JsonArray? conditions = null)
    {
        var inputs = new JsonObject
        {
            ["schema"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["orderId"] = new JsonObject { ["type"] = "string" },
                    ["customer"] = new JsonObject { ["type"] = "string" },
                    ["amount"] = new JsonObject { ["type"] = "number" },
                },
            },
            ["method"] = "POST",
        };
        if (triggerAuthenticationType is not null)
            inputs["triggerAuthenticationType"] = triggerAuthenticationType;
        var trigger = new JsonObject { ["type"] = "Request", ["kind"] = "Http", ["inputs"] = inputs };
        if (conditions is not null)
            trigger["conditions"] = conditions;
        return trigger;
    }

    public static JsonObject ConnectorTrigger(string apiName, string operationId, JsonObject parameters, bool polling)
    {
        var trigger = new JsonObject
        {
            ["type"] = polling ? "OpenApiConnection" : "OpenApiConnectionWebhook",
            ["inputs"] = new JsonObject { ["host"] = Host(apiName, operationId), ["parameters"] = parameters, ["authentication"] = "@parameters('$authentication')" },
        };
        if (polling)
            trigger["recurrence"] = new JsonObject { ["interval"] = 3, ["frequency"] = "Minute" };
        trigger["splitOn"] = polling ? "@triggerOutputs()?['body/value']" : null;
        if (!polling)
            trigger.Remove("splitOn");
        return trigger;
    }

    public static JsonObject Connector(string apiName, string operationId, JsonObject parameters) => new()
    {
        ["type"] = "OpenApiConnection",
        ["inputs"] = new JsonObject { ["host"] = Host(apiName, operationId), ["parameters"] = parameters, ["authentication"] = "@parameters('$authentication')" },
    };

    public static JsonObject InitializeVariable(string name, string type, JsonNode? value) => new()
    {
        ["type"] = "InitializeVariable",
        ["inputs"] = new JsonObject { ["variables"] = new JsonArray(new JsonObject { ["name"] = name, ["type"] = type, ["value"] = value }) },
    };

    public static JsonObject SetVariable(string name, JsonNode value) => new()
    {
        ["type"] = "SetVariable",
        ["inputs"] = new JsonObject { ["name"] = name, ["value"] = value },
    };

    public static JsonObject Compose(JsonNode inputs) => new() { ["type"] = "Compose", ["inputs"] = inputs };

    public static JsonObject ParseJson(string content, JsonObject schema) => new()
    {
        ["type"] = "ParseJson",
        ["inputs"] = new JsonObject { ["content"] = content, ["schema"] = schema },
    };

    public static JsonObject Http(string method, string uri, JsonObject? headers = null, JsonNode? body = null, JsonObject? authentication = null)
    {
        var inputs = new JsonObject { ["method"] = method, ["uri"] = uri };
        if (headers is not null)
            inputs["headers"] = headers;
        if (body is not null)
            inputs["body"] = body;
        if (authentication is not null)
            inputs["authentication"] = authentication;
        return new JsonObject { ["type"] = "Http", ["inputs"] = inputs, ["runtimeConfiguration"] = new JsonObject { ["contentTransfer"] = new JsonObject { ["transferMode"] = "Chunked" } } };
    }

    public static JsonObject Condition(JsonObject expression, ActionSequence then, ActionSequence? otherwise = null)
    {
        var condition = new JsonObject { ["type"] = "If", ["expression"] = expression, ["actions"] = then.Build() };
        condition["else"] = new JsonObject { ["actions"] = (otherwise ?? new ActionSequence()).Build() };
        return condition;
    }

    public static JsonObject Foreach(string items, ActionSequence body, int? concurrency = null)
    {
        var loop = new JsonObject { ["type"] = "Foreach", ["foreach"] = items, ["actions"] = body.Build() };
        if (concurrency is not null)
            loop["runtimeConfiguration"] = new JsonObject { ["concurrency"] = new JsonObject { ["repetitions"] = concurrency.Value } };
        return loop;
    }

    public static JsonObject Scope(ActionSequence body) => new() { ["type"] = "Scope", ["actions"] = body.Build() };

    public static JsonObject Terminate(string status, string? message = null)
    {
        var inputs = new JsonObject { ["runStatus"] = status };
        if (message is not null)
            inputs["runError"] = new JsonObject { ["code"] = "500", ["message"] = message };
        return new JsonObject { ["type"] = "Terminate", ["inputs"] = inputs };
    }

    /// <summary>Marks inputs and outputs as secure, so run history hides them (what FLOW005 wants on secret reads).</summary>
    public static JsonObject WithSecureData(JsonObject action)
    {
        action["runtimeConfiguration"] = new JsonObject
        {
            ["secureData"] = new JsonObject { ["properties"] = new JsonArray("inputs", "outputs") },
        };
        return action;
    }

    public static JsonObject IsEqual(string left, JsonNode right) => new()
    {
        ["and"] = new JsonArray(new JsonObject { ["equals"] = new JsonArray(left, right) }),
    };

    public static JsonObject Greater(string left, JsonNode right) => new()
    {
        ["and"] = new JsonArray(new JsonObject { ["greater"] = new JsonArray(left, right) }),
    };

    private static JsonObject Host(string apiName, string operationId) => new()
    {
        ["apiId"] = Connectors.ApiId(apiName),
        ["connectionName"] = apiName,
        ["operationId"] = operationId,
    };
}
