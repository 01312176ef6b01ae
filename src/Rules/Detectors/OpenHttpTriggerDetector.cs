using TenantScanner.Rules.Values;
using TenantScanner.Rules.Findings;
using TenantScanner.Inventory;
using TenantScanner.SecretScanning.FlowDefinitions;
using TenantScanner.Rules.Facts;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Detectors;

/// <summary>
/// FLOW006: HTTP request triggers that anyone holding the URL can call ("Who can trigger the flow?" = Anyone,
/// or the legacy definition without <c>triggerAuthenticationType</c>). Unknown when the definition was not read.
/// </summary>
public sealed class OpenHttpTriggerDetector : Detector<Flow, OpenHttpTriggerDetector.Result>
{
    /// <param name="Missing">Why nothing can be decided (the definition was not read); null when it was.</param>
    public sealed record Result(UnknownValue? Missing, IReadOnlyList<OpenHttpTrigger> Open);

    private static readonly ViewSchema TriggerFields = new ViewSchema("openHttpTrigger").AddRange([
        FieldDefinition.Scalar<OpenHttpTrigger>("name", "string", "Trigger name.", t => t.Name),
        FieldDefinition.Scalar<OpenHttpTrigger>("jsonPointer", "string", "JSON pointer of the trigger, relative to the definition.", t => t.JsonPointer),
        FieldDefinition.Scalar<OpenHttpTrigger>("authenticationType", "string", "inputs.triggerAuthenticationType; null when absent (the legacy Anyone).", t => t.AuthenticationType),
        FieldDefinition.Scalar<OpenHttpTrigger>("reason", "string", "Why it is open.", t => t.Reason),
    ]);

    public override string Name => "openHttpTrigger";
    public override string ResourceType => "flow";

    public override IReadOnlyList<FieldDefinition> Fields { get; } =
    [
        FieldDefinition.Array<Result>("openHttpTriggers", TriggerFields,
            "HTTP request triggers anyone with the URL can call; unknown when the definition was not read.", (r, _) => r.Missing ?? (object)r.Open),
        FieldDefinition.Array<Result>("openHttpTriggerNames", null, "Their names.", (r, _) => r.Missing ?? (object)r.Open.Select(t => t.Name).ToList()),
    ];

    protected override Result Analyze(Flow flow, DetectorContext context)
    {
        var facts = context.Services.FlowFacts(flow);
        return facts.DefinitionRead ? new Result(null, facts.OpenHttpTriggers) : new Result(UnknownValue.Because(facts.MissingDefinitionReason), []);
    }

    protected override IEnumerable<Evidence> Evidence(Flow flow, Result output)
    {
        foreach (var trigger in output.Open)
        {
            var location = FlowDefinitionFacts.Locate(flow, trigger.JsonPointer);
            yield return new Evidence
            {
                File = location?.File, JsonPointer = location?.JsonPointer, SourceUrl = location?.Url,
                Description = $"trigger {trigger.Name}: {trigger.Reason}", Value = trigger.AuthenticationType ?? "(absent)",
            };
        }
    }
}
