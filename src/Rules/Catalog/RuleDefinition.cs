using TenantScanner.Rules.Conditions;
using TenantScanner.Rules.Findings;
using TenantScanner.Rules.Views;
using TenantScanner.Rules.Evaluation;
using TenantScanner.Snapshots;

namespace TenantScanner.Rules.Catalog;

/// <summary>A rule parameter: its declared type, default and effective value (after overlays).</summary>
/// <param name="Type">integer, number, string, boolean or array (a list of values).</param>
public sealed record RuleParameter(string Name, string Type, object? Value, object? DefaultValue, string? Description);

/// <summary>Raises or lowers a finding's severity when <c>when</c> holds for the resource; the first match wins.</summary>
/// <param name="When">The condition as written, for documentation.</param>
public sealed record SeverityOverride(Severity Severity, string When);

/// <summary>One rule of the effective catalog, compiled and ready to evaluate.</summary>
public sealed record RuleDefinition
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>One of <see cref="RuleFamilies.All"/>.</summary>
    public required string Family { get; init; }
    public required Severity Severity { get; init; }
    /// <summary>The resource type it evaluates (see <see cref="ResourceTypes"/>).</summary>
    public required string ResourceType { get; init; }
    /// <summary>Source ids (SourceKindIds) the rule needs; a gap makes it inconclusive.</summary>
    public required IReadOnlyList<string> Requires { get; init; }
    public string? Detector { get; init; }
    public required IReadOnlyList<RuleParameter> Parameters { get; init; }
    public required IReadOnlyList<SeverityOverride> SeverityOverrides { get; init; }
    public required string Message { get; init; }
    public string? Rationale { get; init; }
    public required string Remediation { get; init; }
    /// <summary>The scanner command that fixes it, when a remediation action exists.</summary>
    public string? RemediationCommand { get; init; }
    /// <summary>The change action that fixes a finding (docs/remediation.md); null when it is fixed by hand.</summary>
    public string? RemediationAction { get; init; }
    public required IReadOnlyList<string> Controls { get; init; }
    public string? Docs { get; init; }
    public bool Enabled { get; init; } = true;
    /// <summary>File (and line) the rule was defined in.</summary>
    public required string Origin { get; init; }

    internal RuleDefinition(CompiledRule compiled, RuleSource source)
    {
        Compiled = compiled;
        Source = source;
    }

    internal CompiledRule Compiled { get; }
    internal RuleSource Source { get; }
}

/// <summary>The executable parts of a rule, bound to its effective parameters.</summary>
internal sealed record CompiledRule(
    ResourceType Resource,
    IDetector? Detector,
    Condition? AppliesTo,
    Condition Condition,
    IReadOnlyList<(Condition When, Severity Severity)> SeverityOverrides,
    MessageTemplate Message,
    IReadOnlyList<SourceKind> Requires,
    IReadOnlyDictionary<string, object?> Parameters)
{
    /// <summary>The fields the condition reads, computed once: every finding reports their values as evidence.</summary>
    public IReadOnlyList<EvidenceField> EvidenceFields { get; } = Condition.Fields().DistinctBy(f => (f.Path.Text, f.IsCount, f.Where)).ToList();
}
