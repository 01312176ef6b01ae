using TenantScanner.SecretScanning;
using TenantScanner.Rules.Findings;
using TenantScanner.Snapshots;
using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Suppressions;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Scanning;

/// <summary>
/// Evaluates the rule catalog against an inventory. Pure: no I/O, no clock, no console; the same request
/// always gives the same result.
/// </summary>
public static class ScanEngine
{
    public static ScanResult Run(ScanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inventory = request.Inventory;
        // Facts the rules share (the secrets of each flow definition, ...) live as long as this scan, no longer.
        var evaluator = new RuleEvaluator(new ScanServices(inventory, request.SecretDetector), request.AsOf);
        var enabled = request.Catalog.Rules.Where(r => r.Enabled).ToList();

        // Rules are independent, so they run in parallel; results are re-ordered below for determinism.
        var outcomes = enabled.AsParallel().AsOrdered().Select(evaluator.Evaluate).ToList();

        var findings = outcomes.SelectMany(o => o.Findings)
            .Select(f => Suppress(f, request.Suppressions, request.AsOf))
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Resource.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.Fingerprint, StringComparer.Ordinal)
            .ToList();

        var gaps = inventory.Coverage.Gaps;
        return ResultRedaction.Apply(new ScanResult
        {
            Tool = request.Tool,
            RuleCatalogVersion = request.Catalog.Version,
            Tenant = new TenantInfo(inventory.TenantId, inventory.TenantDisplayName),
            ScannedAt = request.ScannedAt,
            CollectedAt = inventory.CollectedAt,
            AsOf = request.AsOf,
            SnapshotSha256 = request.SnapshotSha256,
            Scope = new ScanScope(
                inventory.Environments.Select(e => new EnvironmentScope(e.Id, e.DisplayName, FieldNames.EnumId(e.Type))).ToList(),
                inventory.Coverage.SourcesRead.Select(s => s.ToId()).Order(StringComparer.Ordinal).ToList()),
            Coverage = gaps.Select(g => new CoverageEntry(g.Source, g.EnvironmentId, g.Status, g.Error,
                enabled.Where(r => r.Requires.Contains(g.Source, StringComparer.OrdinalIgnoreCase)).Select(r => r.Id).ToList())).ToList(),
            Rules = Summaries(request.Catalog, outcomes),
            Findings = findings,
            Inconclusive = outcomes.SelectMany(o => o.Inconclusive)
                .OrderBy(i => i.RuleId, StringComparer.Ordinal)
                .ThenBy(i => i.Resource.DisplayName, StringComparer.OrdinalIgnoreCase)
                .ThenBy(i => i.Resource.Id, StringComparer.Ordinal)
                .ToList(),
            ExpiredSuppressions = request.Suppressions.Expired(request.AsOf).Select(s => s.ToInfo(expired: true)).ToList(),
            Incomplete = gaps.Count > 0,
        }, TextRedactor.BuiltIn);
    }

    private static Finding Suppress(Finding finding, SuppressionSet suppressions, DateTimeOffset asOf) =>
        suppressions.Match(finding, asOf) is { } suppression
            ? finding with { Status = FindingStatus.Suppressed, Suppression = suppression.ToInfo(expired: false) }
            : finding;

    private static List<RuleSummary> Summaries(RuleCatalog catalog, IReadOnlyList<RuleOutcome> outcomes)
    {
        var byId = outcomes.ToDictionary(o => o.Rule.Id, StringComparer.Ordinal);
        return catalog.Rules.Select(rule =>
        {
            var outcome = byId.GetValueOrDefault(rule.Id);
            return new RuleSummary
            {
                Id = rule.Id,
                Title = rule.Title,
                Severity = rule.Severity,
                Family = rule.Family,
                ResourceType = rule.ResourceType,
                Enabled = rule.Enabled,
                Passed = outcome?.Passed ?? 0,
                Failed = outcome?.Findings.Count ?? 0,
                Inconclusive = outcome?.Inconclusive.Count ?? 0,
                Controls = rule.Controls,
                Docs = rule.Docs,
                Rationale = rule.Rationale,
                Remediation = rule.Remediation,
            };
        }).ToList();
    }
}
