using CsvHelper;

namespace TenantScanner.Cli.Reports.Csv;

/// <summary>
/// One row of <c>accepted-risks.csv</c>: a suppressed finding, or a suppression that has expired (its
/// finding is open again). Column order is the documented contract (docs/reports.md).
/// </summary>
[CsvRecord]
public sealed partial class AcceptedRiskRow
{
    [CsvColumn("ruleId")] public required string RuleId { get; init; }
    [CsvColumn("resource")] public required string Resource { get; init; }
    [CsvColumn("resourceName")] public string? ResourceName { get; init; }
    [CsvColumn("fingerprint")] public string? Fingerprint { get; init; }
    [CsvColumn("justification")] public required string Justification { get; init; }
    [CsvColumn("approvedBy")] public string? ApprovedBy { get; init; }
    [CsvColumn("approvedOn")] public string? ApprovedOn { get; init; }
    [CsvColumn("expires")] public string? Expires { get; init; }
    [CsvColumn("expired")] public required string Expired { get; init; }
    [CsvColumn("source")] public string? Source { get; init; }
}
