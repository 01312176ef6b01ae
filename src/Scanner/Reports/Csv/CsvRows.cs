using System.Globalization;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports.Csv;

/// <summary>Maps findings and suppressions to CSV rows; the rows follow the findings table's order (severity first).</summary>
internal static class CsvRows
{
    /// <summary>Separates several controls in one cell.</summary>
    public const string ListSeparator = "; ";

    public static IEnumerable<FindingRow> Findings(ScanResult result, IReadOnlyDictionary<string, string> ruleTitles) =>
        FindingOrder.Sort(result.Findings).Select(f => new FindingRow
        {
            Fingerprint = f.Fingerprint,
            Severity = f.Severity.ToId(),
            Status = f.Status == FindingStatus.Open ? "open" : "suppressed",
            RuleId = f.RuleId,
            RuleTitle = ruleTitles.GetValueOrDefault(f.RuleId) ?? f.Title,
            ResourceType = f.Resource.Type,
            ResourceId = f.Resource.Id,
            ResourceName = f.Resource.DisplayName,
            EnvironmentId = f.Resource.EnvironmentId,
            EnvironmentName = f.Resource.EnvironmentName,
            Owner = f.Resource.Owner,
            Message = f.Message,
            Remediation = f.Remediation,
            RemediationCommand = f.RemediationCommand,
            Controls = string.Join(ListSeparator, f.Controls),
            Evidence = string.Join('\n', f.Evidence.Select(EvidenceText.OneLine)),
            Docs = f.Docs,
            SuppressionJustification = f.Suppression?.Justification,
            SuppressionApprovedBy = f.Suppression?.ApprovedBy,
            SuppressionExpires = Date(f.Suppression?.Expires),
        });

    public static IEnumerable<AcceptedRiskRow> AcceptedRisks(ScanResult result)
    {
        var suppressed = FindingOrder.Sort(result.Findings.Where(f => f.Status == FindingStatus.Suppressed))
            .Select(f => Row(f.Suppression ?? new SuppressionInfo
            {
                RuleId = f.RuleId,
                Resource = f.Resource.Id,
                Justification = "(suppressed without a recorded justification)",
            }, f));
        var expired = result.ExpiredSuppressions
            .OrderBy(s => s.RuleId, StringComparer.Ordinal).ThenBy(s => s.Resource, StringComparer.Ordinal)
            .Select(s => Row(s with { Expired = true }, finding: null));
        return suppressed.Concat(expired);
    }

    private static AcceptedRiskRow Row(SuppressionInfo s, Finding? finding) => new()
    {
        RuleId = s.RuleId,
        Resource = finding?.Resource.Id ?? s.Resource,
        ResourceName = finding?.Resource.DisplayName,
        Fingerprint = finding?.Fingerprint,
        Justification = s.Justification,
        ApprovedBy = s.ApprovedBy,
        ApprovedOn = Date(s.ApprovedOn),
        Expires = Date(s.Expires),
        Expired = s.Expired ? "yes" : "no",
        Source = s.Source,
    };

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
