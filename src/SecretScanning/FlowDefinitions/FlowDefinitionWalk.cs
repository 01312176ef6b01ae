using System.Text.Json;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.SecretScanning.FlowDefinitions;

/// <summary>A trigger or action of a workflow definition, with its JSON pointer.</summary>
public sealed record FlowOperation(string Name, string JsonPointer, bool IsTrigger, JsonElement Element);

/// <summary>
/// Enumerates the triggers and all actions of a Logic Apps / Power Automate definition, including those
/// nested in Scope, If (actions/else), Switch (cases/default), Foreach and Until.
/// </summary>
public static class FlowDefinitionWalk
{
    /// <param name="definition">The <c>definition</c> object, or a flow export holding <c>properties.definition</c>.</param>
    public static IEnumerable<FlowOperation> Operations(JsonElement definition, string basePointer = "")
    {
        if (definition.ValueKind != JsonValueKind.Object)
            yield break;
        if (definition.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty("definition", out var inner))
        {
            definition = inner;
            basePointer += "/properties/definition";
        }
        if (definition.TryGetProperty("triggers", out var triggers) && triggers.ValueKind == JsonValueKind.Object)
        {
            foreach (var trigger in triggers.EnumerateObject())
                yield return new FlowOperation(trigger.Name, $"{basePointer}/triggers/{JsonPointer.Escape(trigger.Name)}", true, trigger.Value);
        }
        foreach (var action in Actions(definition, basePointer))
            yield return action;
    }

    private static IEnumerable<FlowOperation> Actions(JsonElement container, string pointer)
    {
        if (container.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Object)
        {
            foreach (var action in actions.EnumerateObject())
            {
                var actionPointer = $"{pointer}/actions/{JsonPointer.Escape(action.Name)}";
                yield return new FlowOperation(action.Name, actionPointer, false, action.Value);
                if (action.Value.ValueKind != JsonValueKind.Object)
                    continue;
                foreach (var nested in Actions(action.Value, actionPointer))
                    yield return nested;
                if (action.Value.TryGetProperty("else", out var otherwise) && otherwise.ValueKind == JsonValueKind.Object)
                {
                    foreach (var nested in Actions(otherwise, actionPointer + "/else"))
                        yield return nested;
                }
                if (action.Value.TryGetProperty("default", out var fallback) && fallback.ValueKind == JsonValueKind.Object)
                {
                    foreach (var nested in Actions(fallback, actionPointer + "/default"))
                        yield return nested;
                }
                if (action.Value.TryGetProperty("cases", out var cases) && cases.ValueKind == JsonValueKind.Object)
                {
                    foreach (var switchCase in cases.EnumerateObject().Where(c => c.Value.ValueKind == JsonValueKind.Object))
                    {
                        foreach (var nested in Actions(switchCase.Value, $"{actionPointer}/cases/{JsonPointer.Escape(switchCase.Name)}"))
                            yield return nested;
                    }
                }
            }
        }
    }

    internal static string? Text(JsonElement element, params string[] path)
    {
        foreach (var segment in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment, out element))
                return null;
        }
        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    internal static bool TryGet(JsonElement element, out JsonElement found, params string[] path)
    {
        found = element;
        foreach (var segment in path)
        {
            if (found.ValueKind != JsonValueKind.Object || !found.TryGetProperty(segment, out found))
                return false;
        }
        return true;
    }
}
