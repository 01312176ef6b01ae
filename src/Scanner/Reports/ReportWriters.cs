namespace TenantScanner.Cli.Reports;

/// <summary>The report formats the CLI knows. Adding a format = one class + one line here.</summary>
public static class ReportWriters
{
    public static IReadOnlyList<IReportWriter> All { get; } =
    [
        new JsonReportWriter(),
        new Csv.CsvReportWriter(),
        new Pdf.PdfReportWriter(),
    ];

    public static IReportWriter? Find(string format) =>
        All.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase));
}
