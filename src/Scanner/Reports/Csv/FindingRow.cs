using CsvHelper;

namespace TenantScanner.Cli.Reports.Csv;

/// <summary>
/// One row of <c>findings.csv</c>. The property order is the column order and is part of the
/// documented contract (docs/reports.md): append new columns at the end, never reorder or rename.
/// </summary>
[CsvRecord]
public sealed partial class FindingRow
{
    [CsvColumn("fingerprint")] public required string Fingerprint { get; init; }
    [CsvColumn("severity")] public required string Severity { get; init; }
    [CsvColumn("status")] public required string Status { get; init; }
    [CsvColumn("ruleId")] public required string RuleId { get; init; }
    [CsvColumn("ruleTitle")] public required string RuleTitle { get; init; }
    [CsvColumn("resourceType")] public required string ResourceType { get; init; }
    [CsvColumn("resourceId")] public required string ResourceId { get; init; }
    [CsvColumn("resourceName")] public required string ResourceName { get; init; }
    [CsvColumn("environmentId")] public string? EnvironmentId { get; init; }
    [CsvColumn("environmentName")] public string? EnvironmentName { get; init; }
    [CsvColumn("owner")] public string? Owner { get; init; }
    [CsvColumn("message")] public required string Message { get; init; }
    [CsvColumn("remediation")] public required string Remediation { get; init; }
    [CsvColumn("remediationCommand")] public string? RemediationCommand { get; init; }
    [CsvColumn("controls")] public required string Controls { get; init; }
    [CsvColumn("evidence")] public required string Evidence { get; init; }
    [CsvColumn("docs")] public string? Docs { get; init; }
    [CsvColumn("suppressionJustification")] public string? SuppressionJustification { get; init; }
    [CsvColumn("suppressionApprovedBy")] public string? SuppressionApprovedBy { get; init; }
    [CsvColumn("suppressionExpires")] public string? SuppressionExpires { get; init; }
}
