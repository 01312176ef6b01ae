using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports;

/// <summary>
/// Finds a <c>null</c> inside the lists of a saved scan result. The deserialiser refuses null properties where the
/// schema has none, but a null list item (<c>"findings": [null]</c>) passes and would fail later, in some report.
/// </summary>
internal static class ScanResultNulls
{
    /// <summary>Where the first null item is, e.g. <c>findings[3].evidence[0]</c>; null when there is none.</summary>
    public static string? Find(ScanResult result) =>
        InList(result.Scope.Environments, "scope.environments")
        ?? InList(result.Scope.Sources, "scope.sources")
        ?? InList(result.Coverage, "coverage", c => InList(c.AffectedRules, "affectedRules"))
        ?? InList(result.Rules, "rules", r => InList(r.Controls, "controls"))
        ?? InList(result.Findings, "findings", f => InList(f.Evidence, "evidence") ?? InList(f.Controls, "controls"))
        ?? InList(result.Inconclusive, "inconclusive")
        ?? InList(result.ExpiredSuppressions, "expiredSuppressions");

    /// <param name="inside">The null inside one item, relative to it; the path is only built when there is one.</param>
    private static string? InList<T>(IReadOnlyList<T> items, string name, Func<T, string?>? inside = null) where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
                return $"{name}[{i}]";
            if (inside?.Invoke(items[i]) is { } deeper)
                return $"{name}[{i}].{deeper}";
        }
        return null;
    }
}
