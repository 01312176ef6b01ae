using CsvHelper;
using TenantScanner.Cli.Output;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports.Csv;

/// <summary>
/// Writes <c>findings.csv</c> (one row per finding, open and suppressed) and <c>accepted-risks.csv</c>
/// (suppressed findings and expired suppressions) for auditors who filter and pivot in a spreadsheet.
/// </summary>
/// <remarks>
/// UTF-8 with a byte order mark, because Excel reads a BOM-less CSV as the machine's ANSI code page and
/// turns 'Zoë Müller' into mojibake; every other tool we know ignores the BOM. Cells that start with
/// <c>= + - @</c>, tab or CR are prefixed with <c>'</c> (<see cref="CsvInjection.Escape"/>) so a
/// spreadsheet never runs a resource name chosen by an attacker as a formula.
/// </remarks>
public sealed class CsvReportWriter : IReportWriter
{
    public const string FindingsFileName = "findings.csv";
    public const string AcceptedRisksFileName = "accepted-risks.csv";
    /// <summary>Written only when the report is given a journal (scanner report --journal).</summary>
    public const string ChangesAppliedFileName = "changes-applied.csv";

    public string Format => "csv";

    public IReadOnlyList<string> Write(ScanResult result, ReportContext context, string folder)
    {
        var findingsPath = Path.Combine(folder, FindingsFileName);
        var risksPath = Path.Combine(folder, AcceptedRisksFileName);
        var titles = result.Rules.ToDictionary(r => r.Id, r => r.Title, StringComparer.OrdinalIgnoreCase);

        WriteRows(findingsPath, CsvRows.Findings(result, titles));
        WriteRows(risksPath, CsvRows.AcceptedRisks(result));
        if (context.Journal is not { } journal)
            return [findingsPath, risksPath];
        var changesPath = Path.Combine(folder, ChangesAppliedFileName);
        WriteRows(changesPath, ChangeRows.From(journal).Select(c => new ChangeAppliedRow
        {
            Time = c.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            Command = c.Command, ActionId = c.ActionId, Action = c.Action, TargetType = c.TargetType, TargetId = c.TargetId,
            TargetName = c.TargetName, Operation = c.Operation, Result = c.Result, Detail = c.Detail, Identity = c.Identity, Resolves = c.Resolves,
        }));
        return [findingsPath, risksPath, changesPath];
    }

    private static void WriteRows<T>(string path, IEnumerable<T> rows) =>
        AtomicFile.Write(path, stream =>
        {
            using var csv = CsvWriter.Create(stream, Options, leaveOpen: true);
            csv.WriteRecords(rows);
            csv.Flush();
        });

    internal static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
    };
}
