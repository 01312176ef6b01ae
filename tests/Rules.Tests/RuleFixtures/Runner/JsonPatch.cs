using System.Text.Json.Nodes;

namespace TenantScanner.Tests.RuleFixtures.Runner;

/// <summary>One JSON Patch operation (RFC 6902): <c>add</c>, <c>remove</c>, <c>replace</c> or <c>test</c>.</summary>
internal sealed record JsonPatchOperation(string Op, string Path, JsonNode? Value, string Where);

/// <summary>
/// Applies RFC 6902 operations to a JSON document. Only the four operations fixtures need; a path that does
/// not exist is an error that names the operation's place in the fixture file, never a silent no-op.
/// </summary>
internal static class JsonPatch
{
    public static IReadOnlyList<string> Operations { get; } = ["add", "remove", "replace", "test"];

    /// <summary>Returns the patched document (the root itself may be replaced by <c>add</c>/<c>replace</c> at "").</summary>
    public static JsonNode? Apply(JsonNode? document, JsonPatchOperation operation)
    {
        var tokens = Parse(operation.Path, operation);
        if (tokens.Count == 0)
        {
            return operation.Op switch
            {
                "add" or "replace" => operation.Value?.DeepClone(),
                "test" => Test(document, operation),
                _ => throw Error(operation, "cannot remove the whole document"),
            };
        }
        var parent = Resolve(document, tokens[..^1], operation);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                ApplyToObject(obj, last, operation);
                break;
            case JsonArray array:
                ApplyToArray(array, last, operation);
                break;
            default:
                throw Error(operation, $"the parent of '{last}' is not an object or an array");
        }
        return document;
    }

    private static JsonNode? Test(JsonNode? actual, JsonPatchOperation operation) =>
        JsonNode.DeepEquals(actual, operation.Value) ? actual
            : throw Error(operation, $"test failed: the value is {actual?.ToJsonString() ?? "null"}");

    private static void ApplyToObject(JsonObject obj, string name, JsonPatchOperation operation)
    {
        var exists = obj.ContainsKey(name);
        switch (operation.Op)
        {
            case "add":
                obj[name] = operation.Value?.DeepClone();
                break;
            case "remove" or "replace" or "test" when !exists:
                throw Error(operation, $"no member '{name}' (members: {string.Join(", ", obj.Select(p => p.Key))})");
            case "remove":
                obj.Remove(name);
                break;
            case "replace":
                obj[name] = operation.Value?.DeepClone();
                break;
            case "test":
                Test(obj[name], operation);
                break;
        }
    }

    private static void ApplyToArray(JsonArray array, string token, JsonPatchOperation operation)
    {
        if (token == "-" && operation.Op == "add")
        {
            array.Add(operation.Value?.DeepClone());
            return;
        }
        var limit = operation.Op == "add" ? array.Count : array.Count - 1;
        if (!int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) || index > limit)
            throw Error(operation, $"'{token}' is not an index of an array of {array.Count} item(s)");
        switch (operation.Op)
        {
            case "add": array.Insert(index, operation.Value?.DeepClone()); break;
            case "remove": array.RemoveAt(index); break;
            case "replace": array[index] = operation.Value?.DeepClone(); break;
            case "test": Test(array[index], operation); break;
        }
    }

    private static JsonNode? Resolve(JsonNode? node, List<string> tokens, JsonPatchOperation operation)
    {
        var walked = "";
        foreach (var token in tokens)
        {
            walked += "/" + token;
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array when int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => throw Error(operation, $"{walked} does not exist"),
            };
        }
        return node;
    }

    private static List<string> Parse(string path, JsonPatchOperation operation)
    {
        if (path.Length == 0)
            return [];
        if (path[0] != '/')
            throw Error(operation, "a JSON pointer starts with '/' (or is empty for the whole document)");
        return [.. path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    private static FixtureFormatException Error(JsonPatchOperation operation, string message) =>
        new($"{operation.Where}: {operation.Op} {operation.Path}: {message}");
}
