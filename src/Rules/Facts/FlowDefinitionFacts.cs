using TenantScanner.Inventory;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.FlowDefinitions;

namespace TenantScanner.Rules.Facts;

/// <summary>
/// What the secret library finds in one flow's definition: hardcoded secrets (FLOW004), secret-bearing
/// operations without secure inputs/outputs (FLOW005) and HTTP triggers open to anyone (FLOW006).
/// Each analysis runs at most once per flow and scan (the scan's ScanServices keeps one per flow): the
/// flowSecret resource and several rules ask for the same flow, and the synthetic benchmark has 20,000 of
/// them. Results hold pointers, previews and fingerprints, never a secret value; values the detector could
/// not finish judging are kept by pointer and detector.
/// </summary>
internal sealed class FlowDefinitionFacts
{
    private static readonly SecretScan NotScanned = new([], []);

    private readonly Lazy<SecretScan> _secrets;
    private readonly Lazy<IReadOnlyList<UnjudgedLocation>> _unjudged;
    private readonly Lazy<IReadOnlyList<SecureDataGap>> _secureDataGaps;
    private readonly Lazy<IReadOnlyList<OpenHttpTrigger>> _openTriggers;

    /// <param name="detector">The scan's secret detector.</param>
    internal FlowDefinitionFacts(Flow flow, SecretDetector detector)
    {
        Flow = flow;
        // Pointers are relative to the definition; evidence prefixes them with DefinitionSource's pointer.
        _secrets = new(() => flow.Definition is { } d ? detector.Inspect(d) : NotScanned);
        _unjudged = new(() => _secrets.Value.Unjudged.Select(u => UnjudgedLocation.Of(u, flow.DefinitionSource)).ToList());
        _secureDataGaps = new(() => flow.Definition is { } d ? SecureDataInspector.Inspect(d) : []);
        _openTriggers = new(() => flow.Definition is { } d ? HttpTriggerInspector.Inspect(d) : []);
    }

    public Flow Flow { get; }

    /// <summary>False when the definition was not read (flow.flowDetails / dataverse.workflows missing): nothing can be decided.</summary>
    public bool DefinitionRead => Flow.Definition is not null;

    public IReadOnlyList<SecretHit> Secrets => _secrets.Value.Hits;

    /// <summary>Values of the definition the detector could not finish judging, placed in the snapshot.</summary>
    public IReadOnlyList<UnjudgedLocation> Unjudged => _unjudged.Value;
    public IReadOnlyList<SecureDataGap> SecureDataGaps => _secureDataGaps.Value;
    public IReadOnlyList<OpenHttpTrigger> OpenHttpTriggers => _openTriggers.Value;

    /// <summary>Why a flow without a definition is undecided, for inconclusive results.</summary>
    public string MissingDefinitionReason =>
        $"definition of flow {Flow.DisplayName} was not read (flow.flowDetails or dataverse.workflows)";

    /// <summary>Where a pointer relative to the definition sits in the snapshot; null without a definition source.</summary>
    public static SourceLocation? Locate(Flow flow, string definitionPointer) => flow.DefinitionSource?.Child(definitionPointer);

    /// <summary>The trigger or action a pointer falls in (the innermost one), e.g. <c>HTTP_Get_SAP_token</c>.</summary>
    public static string? OperationOf(string definitionPointer)
    {
        var segments = definitionPointer.Split('/');
        for (var i = segments.Length - 2; i >= 0; i--)
        {
            if (segments[i] is "actions" or "triggers" && i + 1 < segments.Length)
                return segments[i + 1].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        }
        return null;
    }
}
