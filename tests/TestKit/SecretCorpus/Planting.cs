using System.Text.Json.Nodes;

namespace TenantScanner.TestKit.SecretCorpus;

/// <summary>A secret planted in an action, at <see cref="RelativePointer"/> inside <see cref="Action"/>.</summary>
public sealed record PlantedSecret(string SecretType, string RelativePointer, string Value);

/// <summary>An action to place in a flow, with the secrets it holds (none for decoys and filler).</summary>
public sealed record Planting(string ActionName, JsonObject Action, IReadOnlyList<PlantedSecret> Secrets);

/// <summary>A label: the secret of type <see cref="SecretType"/> sits in the string at <see cref="JsonPointer"/> of <see cref="File"/>.</summary>
public sealed record CorpusLabel(string File, string JsonPointer, string SecretType, string Value);

/// <summary>One generated file and the secrets planted in it.</summary>
public sealed record CorpusFile(string RelativePath, byte[] Content, IReadOnlyList<CorpusLabel> Labels);

/// <summary>Builders for the action shapes of the Workflow Definition Language.</summary>
internal static class Actions
{
    public static JsonObject Http(string method, string uri, JsonObject? headers = null, JsonObject? authentication = null, JsonNode? body = null, JsonObject? queries = null)
    {
        var inputs = new JsonObject { ["method"] = method, ["uri"] = uri };
        if (headers is not null) inputs["headers"] = headers;
        if (queries is not null) inputs["queries"] = queries;
        if (body is not null) inputs["body"] = body;
        if (authentication is not null) inputs["authentication"] = authentication;
        return Wrap("Http", inputs);
    }

    public static JsonObject Compose(JsonNode inputs) => Wrap("Compose", inputs);

    public static JsonObject InitializeVariable(string name, string type, string value) =>
        Wrap("InitializeVariable", new JsonObject
        {
            ["variables"] = new JsonArray(new JsonObject { ["name"] = name, ["type"] = type, ["value"] = value }),
        });

    public static JsonObject OpenApi(string api, string operationId, JsonObject parameters, string connection) =>
        Wrap("OpenApiConnection", new JsonObject
        {
            ["host"] = new JsonObject
            {
                ["apiId"] = $"/providers/Microsoft.PowerApps/apis/{api}",
                ["connectionName"] = connection,
                ["operationId"] = operationId,
            },
            ["parameters"] = parameters,
            ["authentication"] = "@parameters('$authentication')",
        });

    public static JsonObject Wrap(string type, JsonNode inputs) => new()
    {
        ["type"] = type,
        ["inputs"] = inputs,
        ["runAfter"] = new JsonObject(),
    };
}
