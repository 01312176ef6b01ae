using System.Security.Cryptography;
using System.Text;
using TenantScanner.Rules.Conditions;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Findings;
using TenantScanner.Inventory;
using TenantScanner.Snapshots;
using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Scanning;

/// <summary>What one rule concluded over every resource of its type.</summary>
internal sealed record RuleOutcome(RuleDefinition Rule, int Passed, IReadOnlyList<Finding> Findings, IReadOnlyList<InconclusiveResult> Inconclusive);

/// <summary>Evaluates one rule against every resource of its type: pass, fail (a finding) or inconclusive (with the reason).</summary>
internal sealed class RuleEvaluator(ScanServices scan, DateTimeOffset asOf)
{
    public RuleOutcome Evaluate(RuleDefinition rule)
    {
        var compiled = rule.Compiled;
        var findings = new List<Finding>();
        var inconclusive = new List<InconclusiveResult>();
        var usedGaps = new HashSet<CoverageGap>(ReferenceEqualityComparer.Instance);
        var passed = 0;
        foreach (var item in compiled.Resource.Enumerate(scan))
        {
            var scope = new EvaluationScope(scan, asOf, item, compiled.Detector, compiled.Parameters);
            var frame = new EvaluationFrame(scope);
            if (compiled.AppliesTo is { } appliesTo)
            {
                var applies = appliesTo.Evaluate(frame);
                // Out-of-scope resources (e.g. Microsoft first-party apps) are not counted, even when a source is missing.
                if (applies == Tri.False)
                    continue;
                if (applies == Tri.Unknown && FirstGap(compiled.Requires, compiled.Resource.EnvironmentOf(item)) is null)
                {
                    inconclusive.Add(Undecided(rule, item, scope));
                    continue;
                }
                scope.ClearUnknowns();
            }
            if (FirstGap(compiled.Requires, compiled.Resource.EnvironmentOf(item)) is { } gap)
            {
                usedGaps.Add(gap.Gap);
                inconclusive.Add(new InconclusiveResult(rule.Id, compiled.Resource.Describe(item, scan.Inventory), GapReason(gap.Kind, gap.Gap)));
                continue;
            }
            switch (compiled.Condition.Evaluate(frame))
            {
                case Tri.False:
                    passed++;
                    break;
                case Tri.Unknown:
                    inconclusive.Add(Undecided(rule, item, scope));
                    break;
                default:
                    findings.Add(BuildFinding(rule, item, frame));
                    break;
            }
        }
        inconclusive.AddRange(UnusedGaps(rule, usedGaps));
        return new RuleOutcome(rule, passed, findings, inconclusive);
    }

    private (SourceKind Kind, CoverageGap Gap)? FirstGap(IReadOnlyList<SourceKind> requires, string? environment)
    {
        foreach (var kind in requires)
        {
            var gap = scan.Inventory.Coverage.GapFor(kind, kind.IsPerEnvironment() ? environment : null);
            if (gap is not null)
                return (kind, gap);
        }
        return null;
    }

    /// <summary>
    /// A required source missing where no resource was evaluated (e.g. flows of an environment that could not
    /// be listed at all) still makes the rule inconclusive there: missing data never reads as a pass.
    /// </summary>
    private IEnumerable<InconclusiveResult> UnusedGaps(RuleDefinition rule, HashSet<CoverageGap> used)
    {
        var resource = rule.Compiled.Resource.Name;
        foreach (var gap in scan.Inventory.Coverage.Gaps)
        {
            if (used.Contains(gap) || !SourceKindIds.TryParse(gap.Source, out var kind) || !rule.Compiled.Requires.Contains(kind))
                continue;
            var environment = gap.EnvironmentId is { } id ? scan.Inventory.FindEnvironment(id) : null;
            var where = gap.EnvironmentId is null ? string.Empty : $" in environment {environment?.DisplayName ?? gap.EnvironmentId}";
            yield return new InconclusiveResult(rule.Id, new ResourceRef
            {
                Type = resource, Id = "*", DisplayName = $"all {resource} resources{where}",
                EnvironmentId = gap.EnvironmentId, EnvironmentName = environment?.DisplayName,
            }, GapReason(kind, gap));
        }
    }

    private static string GapReason(SourceKind kind, CoverageGap gap) =>
        $"source {kind.ToId()} could not be read{(gap.EnvironmentId is null ? string.Empty : $" for environment {gap.EnvironmentId}")}" +
        $"{(gap.Status is { } status ? $" (HTTP {status})" : string.Empty)}: {gap.Error}";

    private InconclusiveResult Undecided(RuleDefinition rule, object item, EvaluationScope scope)
    {
        var reasons = scope.UnknownReasons;
        var reason = reasons.Count == 0 ? "the data needed to decide is missing" : string.Join("; ", reasons);
        return new InconclusiveResult(rule.Id, rule.Compiled.Resource.Describe(item, scan.Inventory), reason);
    }

    private Finding BuildFinding(RuleDefinition rule, object item, EvaluationFrame frame)
    {
        var compiled = rule.Compiled;
        var resource = compiled.Resource.Describe(item, scan.Inventory);
        var severity = rule.Severity;
        foreach (var (when, overrideSeverity) in compiled.SeverityOverrides)
        {
            if (when.Evaluate(frame) == Tri.True)
            {
                severity = overrideSeverity;
                break;
            }
        }
        return new Finding
        {
            RuleId = rule.Id,
            Title = rule.Title,
            Severity = severity,
            Resource = resource,
            Message = compiled.Message.Render(frame, resource),
            Evidence = BuildEvidence(rule, item, frame),
            Remediation = rule.Remediation,
            Controls = rule.Controls,
            Fingerprint = Fingerprint(rule.Id, compiled.Resource.Name, resource, compiled.Resource.ItemKey(item)),
            Docs = rule.Docs,
            RemediationCommand = rule.RemediationCommand,
            RemediationAction = rule.RemediationAction,
            Target = compiled.Resource.Target(item, scan),
        };
    }

    private static List<Evidence> BuildEvidence(RuleDefinition rule, object item, EvaluationFrame frame)
    {
        // One right-sized list per finding: with 100,000+ findings the intermediate lists were a visible share of
        // the allocations (and so of the GC pauses) during evaluation.
        var evidence = new List<Evidence>(2 + rule.Compiled.EvidenceFields.Count);
        var resourceName = rule.Compiled.Resource.Name;
        SourceLocation? primary = null;
        foreach (var source in rule.Compiled.Resource.Sources(item))
        {
            primary ??= source;
            evidence.Add(new Evidence { File = source.File, JsonPointer = source.JsonPointer, SourceUrl = source.Url, Description = SourceDescription(resourceName, source) });
        }
        evidence.AddRange(rule.Compiled.Resource.ItemEvidence(item, frame.Scope.Services));
        if (rule.Compiled.Detector is { } detector)
            evidence.AddRange(detector.Evidence(item, frame.Scope.DetectorOutput));
        foreach (var field in rule.Compiled.EvidenceFields)
        {
            evidence.Add(new Evidence
            {
                File = primary?.File, JsonPointer = primary?.JsonPointer, SourceUrl = primary?.Url,
                Description = field.IsCount ? CountDescription(field) : field.Path.Text,
                Value = field.IsCount ? CountText(field, frame) : MessageTemplate.Render(field.Path, frame),
                Redacted = !field.IsCount && field.Path.IsSecret,
            });
        }
        return evidence;
    }

    /// <summary>Names the source a resource was read from (a flow has its list entry and its details GET).</summary>
    private static string SourceDescription(string resourceName, SourceLocation source) =>
        SourceRoutes.Match(source.Url) is { } route ? $"{resourceName} as read from {SourceKindIds.ToId(route.Kind)}" : $"{resourceName} record";

    private static string CountDescription(EvidenceField field) =>
        field.Where is null ? $"count of {field.Path.Text}" : $"elements of {field.Path.Text} that match the rule";

    /// <summary>"2", or with a filter "1 of 2": the number that decided the rule, out of how many there are.</summary>
    private static string CountText(EvidenceField field, EvaluationFrame frame)
    {
        if (field.Path.ResolveMany(frame) is not List<object?> items)
            return "unknown";
        var total = items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (field.Where is null)
            return total;
        var matching = 0;
        foreach (var element in items)
        {
            frame.Bind(field.Depth, element);
            if (field.Where.Evaluate(frame) == Tri.True)
                matching++;
        }
        return $"{matching.ToString(System.Globalization.CultureInfo.InvariantCulture)} of {total}";
    }

    /// <summary>Stable across scans: the same problem on the same resource (and item) gives the same value.</summary>
    public static string Fingerprint(string ruleId, string resourceType, ResourceRef resource, string? itemKey)
    {
        var key = string.Join('|', ruleId, resourceType, resource.Type, resource.Id, resource.EnvironmentId ?? string.Empty, itemKey ?? string.Empty)
            .ToLowerInvariant();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }
}
