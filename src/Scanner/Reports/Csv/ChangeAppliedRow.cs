using CsvHelper;

namespace TenantScanner.Cli.Reports.Csv;

/// <summary>One row of <c>changes-applied.csv</c> (scanner report --journal). Column order is the documented contract (docs/reports.md).</summary>
[CsvRecord]
public sealed partial class ChangeAppliedRow
{
    [CsvColumn("time")] public required string Time { get; init; }
    [CsvColumn("command")] public required string Command { get; init; }
    [CsvColumn("actionId")] public required string ActionId { get; init; }
    [CsvColumn("action")] public required string Action { get; init; }
    [CsvColumn("targetType")] public required string TargetType { get; init; }
    [CsvColumn("targetId")] public required string TargetId { get; init; }
    [CsvColumn("targetName")] public required string TargetName { get; init; }
    [CsvColumn("operation")] public required string Operation { get; init; }
    [CsvColumn("result")] public required string Result { get; init; }
    [CsvColumn("detail")] public string? Detail { get; init; }
    [CsvColumn("identity")] public string? Identity { get; init; }
    [CsvColumn("resolves")] public required string Resolves { get; init; }
}
