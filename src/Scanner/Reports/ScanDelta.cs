using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports;

/// <summary>
/// What changed since a previous scan of the same tenant, matched by <see cref="Finding.Fingerprint"/>
/// (same problem on the same resource gives the same fingerprint). Only open findings count: a finding
/// that became suppressed is no longer open, so it is reported as resolved-by-acceptance here and
/// appears under accepted risks.
/// </summary>
public sealed record ScanDelta(
    IReadOnlyList<Finding> New,
    IReadOnlyList<Finding> Resolved,
    IReadOnlyList<Finding> StillOpen,
    DateTimeOffset PreviousScannedAt)
{
    public static ScanDelta Between(ScanResult previous, ScanResult current)
    {
        var before = OpenByFingerprint(previous);
        var now = OpenByFingerprint(current);
        return new ScanDelta(
            New: now.Values.Where(f => !before.ContainsKey(f.Fingerprint)).ToList(),
            Resolved: before.Values.Where(f => !now.ContainsKey(f.Fingerprint)).ToList(),
            StillOpen: now.Values.Where(f => before.ContainsKey(f.Fingerprint)).ToList(),
            PreviousScannedAt: previous.ScannedAt);
    }

    private static Dictionary<string, Finding> OpenByFingerprint(ScanResult result)
    {
        var map = new Dictionary<string, Finding>(StringComparer.Ordinal);
        foreach (var finding in result.Findings.Where(f => f.Status == FindingStatus.Open))
            map.TryAdd(finding.Fingerprint, finding);
        return map;
    }
}
