using System.Text.Json;

namespace TenantScanner.SecretScanning.FlowDefinitions;

/// <summary>A Request (HTTP) trigger that anyone holding its URL can call (FLOW006).</summary>
/// <param name="AuthenticationType">The definition's <c>inputs.triggerAuthenticationType</c> (null when absent: the legacy "Anyone").</param>
public sealed record OpenHttpTrigger(string Name, string JsonPointer, string? AuthenticationType, string Reason);

/// <summary>
/// FLOW006: finds <c>Request</c> triggers (kind Http) open to anyone with the URL. Power Automate stores the
/// "Who can trigger the flow?" choice as <c>inputs.triggerAuthenticationType</c>: <c>All</c> (Anyone, also the
/// legacy default when the field is absent), <c>Tenant</c> (any user in the tenant) or <c>SpecificUsers</c>.
/// A Logic Apps trigger restricted by <c>conditions</c> that test the caller's Authorization header or token
/// claims counts as protected.
/// </summary>
public static class HttpTriggerInspector
{
    private static readonly string[] ClaimMarkers = ["Authorization", "claims", "x-ms-client-principal"];

    public static IReadOnlyList<OpenHttpTrigger> Inspect(JsonElement definition, string basePointer = "")
    {
        var open = new List<OpenHttpTrigger>();
        foreach (var trigger in FlowDefinitionWalk.Operations(definition, basePointer).Where(o => o.IsTrigger))
        {
            if (trigger.Element.ValueKind != JsonValueKind.Object
                || !string.Equals(FlowDefinitionWalk.Text(trigger.Element, "type"), "Request", StringComparison.OrdinalIgnoreCase))
                continue;
            var kind = FlowDefinitionWalk.Text(trigger.Element, "kind");
            if (kind is not null && !kind.Equals("Http", StringComparison.OrdinalIgnoreCase))
                continue; // "Button", "PowerAppV2", "Skills" etc. are not callable by URL alone.
            var authentication = FlowDefinitionWalk.Text(trigger.Element, "inputs", "triggerAuthenticationType");
            if (authentication is not null && !authentication.Equals("All", StringComparison.OrdinalIgnoreCase))
                continue;
            if (HasCallerConditions(trigger.Element))
                continue;
            var reason = authentication is null
                ? "no triggerAuthenticationType: the legacy setting lets anyone with the URL call the flow"
                : "triggerAuthenticationType is All (Anyone): anyone with the URL can call the flow";
            open.Add(new OpenHttpTrigger(trigger.Name, trigger.JsonPointer, authentication, reason));
        }
        return open;
    }

    private static bool HasCallerConditions(JsonElement trigger)
    {
        if (!trigger.TryGetProperty("conditions", out var conditions) || conditions.ValueKind != JsonValueKind.Array)
            return false;
        foreach (var condition in conditions.EnumerateArray())
        {
            var expression = FlowDefinitionWalk.Text(condition, "expression") ?? "";
            if (ClaimMarkers.Any(marker => expression.Contains(marker, StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        return false;
    }
}
