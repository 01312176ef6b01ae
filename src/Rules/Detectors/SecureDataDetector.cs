using TenantScanner.Rules.Values;
using TenantScanner.Rules.Findings;
using TenantScanner.Inventory;
using TenantScanner.SecretScanning.FlowDefinitions;
using TenantScanner.Rules.Facts;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Detectors;

/// <summary>
/// FLOW005: triggers and actions that handle a secret (Key Vault Get secret, HTTP authentication or
/// credential headers, a trigger with a key) without <c>runtimeConfiguration.secureData</c>, so the value
/// is readable in run history. Unknown when the definition was not read.
/// </summary>
public sealed class SecureDataDetector : Detector<Flow, SecureDataDetector.Result>
{
    /// <param name="Missing">Why nothing can be decided (the definition was not read); null when it was.</param>
    /// <param name="Gaps">The offending operations.</param>
    public sealed record Result(UnknownValue? Missing, IReadOnlyList<SecureDataGap> Gaps);

    private static readonly ViewSchema GapFields = new ViewSchema("secureDataGap").AddRange([
        FieldDefinition.Scalar<SecureDataGap>("name", "string", "Trigger or action name.", g => g.Name),
        FieldDefinition.Scalar<SecureDataGap>("jsonPointer", "string", "JSON pointer of the operation, relative to the definition.", g => g.JsonPointer),
        FieldDefinition.Scalar<SecureDataGap>("isTrigger", "boolean", "True for a trigger.", g => g.IsTrigger),
        FieldDefinition.Scalar<SecureDataGap>("reason", "string", "Why it carries a secret, e.g. Key Vault GetSecret returns the secret value.", g => g.Reason),
        FieldDefinition.Scalar<SecureDataGap>("inputsMustBeSecured", "boolean", "The secret is in its inputs (authentication, headers).", g => g.InputsMustBeSecured),
        FieldDefinition.Scalar<SecureDataGap>("outputsMustBeSecured", "boolean", "The secret is in its outputs (a Key Vault read).", g => g.OutputsMustBeSecured),
        FieldDefinition.Scalar<SecureDataGap>("inputsSecured", "boolean", "secureData.properties lists inputs.", g => g.InputsSecured),
        FieldDefinition.Scalar<SecureDataGap>("outputsSecured", "boolean", "secureData.properties lists outputs.", g => g.OutputsSecured),
    ]);

    public override string Name => "secureData";
    public override string ResourceType => "flow";

    public override IReadOnlyList<FieldDefinition> Fields { get; } =
    [
        FieldDefinition.Array<Result>("secretOperationsWithoutSecureData", GapFields,
            "Triggers and actions that carry a secret but do not secure the inputs or outputs holding it; unknown when the definition was not read.",
            (r, _) => r.Missing ?? (object)r.Gaps),
        FieldDefinition.Array<Result>("secretOperationsWithoutSecureDataNames", null,
            "The same operations as text: name (what must be secured).",
            (r, _) => r.Missing ?? (object)r.Gaps.Select(Describe).ToList()),
    ];

    protected override Result Analyze(Flow flow, DetectorContext context)
    {
        var facts = context.Services.FlowFacts(flow);
        return facts.DefinitionRead ? new Result(null, facts.SecureDataGaps) : new Result(UnknownValue.Because(facts.MissingDefinitionReason), []);
    }

    protected override IEnumerable<Evidence> Evidence(Flow flow, Result output)
    {
        foreach (var gap in output.Gaps)
        {
            var location = FlowDefinitionFacts.Locate(flow, gap.JsonPointer);
            yield return new Evidence
            {
                File = location?.File, JsonPointer = location?.JsonPointer, SourceUrl = location?.Url,
                Description = $"{(gap.IsTrigger ? "trigger" : "action")} {gap.Name}: {gap.Reason}; {Missing(gap)} not secured (runtimeConfiguration.secureData.properties)",
            };
        }
    }

    private static string Describe(SecureDataGap gap) => $"{gap.Name} ({Missing(gap)})";

    private static string Missing(SecureDataGap gap) => (gap.InputsMustBeSecured && !gap.InputsSecured, gap.OutputsMustBeSecured && !gap.OutputsSecured) switch
    {
        (true, true) => "inputs and outputs",
        (true, false) => "inputs",
        _ => "outputs",
    };
}
