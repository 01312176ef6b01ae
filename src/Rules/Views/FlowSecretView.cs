using TenantScanner.Rules.Facts;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.Inventory;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Views;

/// <summary>
/// One hardcoded secret in a flow definition, or the flow itself when it has none (so a clean flow counts
/// as a pass, and a flow whose definition was not read, or holds a value the detector could not finish
/// judging, as inconclusive). <see cref="Hit"/> carries only a
/// preview and a fingerprint: the value never leaves the detection call.
/// </summary>
public sealed record FlowSecretItem(Flow Flow, SecretHit? Hit);

/// <summary><c>flowSecret</c>: every hardcoded secret of every flow definition; findings name the flow, one per secret location.</summary>
internal sealed class FlowSecretView : ResourceType<FlowSecretItem>
{
    public static readonly ViewSchema Fields = new ViewSchema("flowSecret").AddRange([
        FieldDefinition.Scalar<FlowSecretItem>("hasHardcodedSecret", "boolean",
            "True for a secret found in the definition; false for a flow without any; unknown when the definition was not read or a value in it could not be fully judged (a detector timed out).",
            (s, scope) => s.Hit is not null ? true : NoSecretFound(scope.Services.FlowFacts(s.Flow))),
        FieldDefinition.Scalar<FlowSecretItem>("secretType", "string", "What kind of secret, e.g. EntraClientSecret, StorageAccountKey (secret-patterns.yaml secretType).", s => s.Hit?.SecretType),
        FieldDefinition.Scalar<FlowSecretItem>("secretPattern", "string", "Id of the secret pattern that matched, e.g. azure-entra-client-secret.", s => s.Hit?.Detector),
        FieldDefinition.Scalar<FlowSecretItem>("secretConfidence", "string", "high, medium or low, from the pattern catalog.", s => s.Hit?.Confidence),
        FieldDefinition.Scalar<FlowSecretItem>("secretPointer", "string", "JSON pointer of the string holding the secret, relative to the flow definition.", s => s.Hit?.JsonPointer),
        FieldDefinition.Scalar<FlowSecretItem>("operation", "string",
            "The trigger or action holding the secret, or the top-level section (e.g. parameters) outside any operation.",
            s => s.Hit is null ? null : FlowDefinitionFacts.OperationOf(s.Hit.JsonPointer) ?? s.Hit.JsonPointer.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()),
        FieldDefinition.Scalar<FlowSecretItem>("secretPreview", "string", "Redacted preview, e.g. 7Q~a… (40 chars); never the value.", s => s.Hit?.Preview),
        FieldDefinition.Scalar<FlowSecretItem>("secretFingerprint", "string",
            "sha256: plus 12 hex digits of the value: the same secret has the same fingerprint in every flow and scan.", s => s.Hit?.Fingerprint),
        FieldDefinition.Object<FlowSecretItem>("flow", FlowView.Fields, "The flow holding it.", (s, _) => s.Flow),
    ]);

    /// <summary>False only when the whole definition was read and judged: a value a detector gave up on may hold a secret.</summary>
    private static object NoSecretFound(FlowDefinitionFacts facts) =>
        !facts.DefinitionRead ? UnknownValue.Because(facts.MissingDefinitionReason) : UnjudgedLocation.Undecided(facts.Unjudged) ?? (object)false;

    public override string Name => "flowSecret";
    public override string Description =>
        "A hardcoded secret found in a flow definition (one per location), or a flow without any. Findings name the flow.";
    public override ViewSchema Schema => Fields;

    protected override IEnumerable<FlowSecretItem> Items(ScanServices scan)
    {
        foreach (var flow in scan.Inventory.Flows)
        {
            var facts = scan.FlowFacts(flow);
            if (!facts.DefinitionRead || facts.Secrets.Count == 0)
            {
                yield return new FlowSecretItem(flow, null);
                continue;
            }
            foreach (var hit in facts.Secrets)
                yield return new FlowSecretItem(flow, hit);
        }
    }

    protected override ResourceRef Describe(FlowSecretItem item, TenantInventory inventory) => FlowView.Ref(item.Flow, inventory);

    protected override string? EnvironmentOf(FlowSecretItem item) => item.Flow.EnvironmentId;

    /// <summary>The location and the secret's fingerprint: two secrets in one flow are two findings, a rotated secret a new one.</summary>
    protected override string? ItemKey(FlowSecretItem item) => item.Hit is { } hit ? $"{hit.JsonPointer}|{hit.Fingerprint}" : null;

    protected override IEnumerable<SourceLocation> Sources(FlowSecretItem item)
    {
        if (item.Hit is { } hit && FlowDefinitionFacts.Locate(item.Flow, hit.JsonPointer) is { } location)
            return [location, item.Flow.Source];
        return item.Flow.DefinitionSource is { } definition ? [item.Flow.Source, definition] : [item.Flow.Source];
    }

    protected override IEnumerable<Evidence> ItemEvidence(FlowSecretItem item, ScanServices scan)
    {
        if (item.Hit is not { } hit)
            yield break;
        var location = FlowDefinitionFacts.Locate(item.Flow, hit.JsonPointer);
        var where = $"{hit.SecretType} found by pattern {hit.Detector} ({hit.Confidence} confidence)";
        yield return new Evidence
        {
            File = location?.File, JsonPointer = location?.JsonPointer, SourceUrl = location?.Url,
            Description = $"secret preview: {where}", Value = hit.Preview, Redacted = true,
        };
        yield return new Evidence
        {
            File = location?.File, JsonPointer = location?.JsonPointer, SourceUrl = location?.Url,
            Description = "secret fingerprint (the same value has the same fingerprint in every flow and scan)", Value = hit.Fingerprint, Redacted = true,
        };
        foreach (var unjudged in scan.FlowFacts(item.Flow).Unjudged)
            yield return unjudged.ToEvidence();
    }
}
