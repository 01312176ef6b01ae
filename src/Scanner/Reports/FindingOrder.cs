using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports;

/// <summary>The one order findings are listed in everywhere: most severe first, then rule, resource name, fingerprint.</summary>
public static class FindingOrder
{
    public static IEnumerable<Finding> Sort(IEnumerable<Finding> findings) =>
        findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Resource.DisplayName, StringComparer.Ordinal)
            .ThenBy(f => f.Fingerprint, StringComparer.Ordinal);
}
