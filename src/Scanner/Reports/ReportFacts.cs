using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports;

/// <summary>
/// Figures every human-readable report derives from a <see cref="ScanResult"/>: open counts by severity
/// and family, the top risks, and the change since a previous scan. Computed once so the PDF, the
/// console and any later format say the same thing.
/// </summary>
public sealed record ReportFacts
{
    public required IReadOnlyDictionary<Severity, int> OpenBySeverity { get; init; }
    public required IReadOnlyList<FamilyCount> OpenByFamily { get; init; }
    public required IReadOnlyList<TopRisk> TopRisks { get; init; }
    public required int OpenCount { get; init; }
    public required int SuppressedCount { get; init; }
    public required int InconclusiveCount { get; init; }
    public required ScanDelta? Delta { get; init; }

    /// <summary>Most top risks listed in the executive summary.</summary>
    public const int MaxTopRisks = 5;

    public static ReportFacts From(ScanResult result, ScanResult? previous)
    {
        var open = result.Findings.Where(f => f.Status == FindingStatus.Open).ToList();
        var familyOf = result.Rules.ToDictionary(r => r.Id, r => r.Family, StringComparer.OrdinalIgnoreCase);
        var bySeverity = Enum.GetValues<Severity>().ToDictionary(s => s, s => open.Count(f => f.Severity == s));

        var byFamily = open
            .GroupBy(f => familyOf.GetValueOrDefault(f.RuleId) ?? FamilyLabels.FromRuleId(f.RuleId), StringComparer.OrdinalIgnoreCase)
            .Select(g => new FamilyCount(g.Key, FamilyLabels.Label(g.Key), g.Count(), g.Select(f => f.Resource.Id).Distinct().Count()))
            .OrderByDescending(c => c.Findings).ThenBy(c => c.Family, StringComparer.Ordinal)
            .ToList();

        // Grouped by rule *and* severity: a rule whose severity is raised for a few resources (FLOW001 in
        // production) must not label all of its resources with the highest severity.
        var topRisks = open
            .GroupBy(f => (Rule: f.RuleId.ToUpperInvariant(), f.Severity))
            .Select(g => new TopRisk(g.First().RuleId, g.First().Title, g.Key.Severity,
                g.Select(f => (f.Resource.Type, f.Resource.Id, f.Resource.EnvironmentId)).Distinct().Count(),
                g.OrderBy(f => f.Resource.DisplayName, StringComparer.Ordinal).First().Resource.DisplayName))
            .OrderByDescending(r => r.Severity).ThenByDescending(r => r.Resources).ThenBy(r => r.RuleId, StringComparer.Ordinal)
            .Take(MaxTopRisks)
            .ToList();

        return new ReportFacts
        {
            OpenBySeverity = bySeverity,
            OpenByFamily = byFamily,
            TopRisks = topRisks,
            OpenCount = open.Count,
            SuppressedCount = result.Findings.Count - open.Count,
            InconclusiveCount = result.Inconclusive.Count,
            Delta = previous is null ? null : ScanDelta.Between(previous, result),
        };
    }
}

/// <param name="Family">The rule family key (e.g. <c>flows</c>).</param>
/// <param name="Label">What an auditor reads (e.g. "Flows on personal accounts").</param>
/// <param name="Resources">Distinct resources affected.</param>
public sealed record FamilyCount(string Family, string Label, int Findings, int Resources);

/// <param name="Resources">Open findings of the rule (one per resource).</param>
/// <param name="Example">One affected resource, alphabetically first, so the line names something concrete.</param>
public sealed record TopRisk(string RuleId, string Title, Severity Severity, int Resources, string Example);
