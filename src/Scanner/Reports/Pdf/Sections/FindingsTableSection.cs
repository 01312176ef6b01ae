using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports.Pdf.Sections;

/// <summary>Every open finding, most severe first, one row each; the header row repeats on every page.</summary>
public sealed class FindingsTableSection : IPdfSection
{
    public static readonly IReadOnlyList<TableColumn> Columns =
    [
        new("Severity", 1.2), new("Rule", 1.05), new("Resource", 1.8), new("Environment", 1.45), new("Owner", 1.4), new("Finding", 3.05),
    ];

    public string Title => "Findings";

    public void Render(ReportCanvas canvas, PdfReportModel model)
    {
        Blocks.SectionHeading(canvas, Title);
        var open = FindingOrder.Sort(model.Result.Findings.Where(f => f.Status == FindingStatus.Open)).ToList();
        canvas.Paragraph($"{open.Count:N0} open findings, most severe first. Suppressed findings are listed under Accepted risks; "
            + "findings.csv holds every finding with its evidence, remediation and controls.", Theme.Body, spaceAfter: 8);
        if (open.Count == 0)
        {
            canvas.Paragraph("No open findings.", Theme.BodyBold);
            return;
        }
        var table = new TableRenderer(canvas, Columns);
        table.DrawHeader();
        foreach (var finding in open)
            table.DrawRow(
            [
                new(finding.Severity.ToString(), Theme.SmallBold with { Color = Theme.SeverityColor(finding.Severity) }, Theme.SeverityColor(finding.Severity)),
                new(finding.RuleId, Theme.SmallBold),
                new(finding.Resource.DisplayName, Theme.Small),
                new(finding.Resource.EnvironmentName ?? "tenant-wide", Theme.Small),
                new(finding.Resource.Owner ?? "—", Theme.Small),
                new(finding.Message, Theme.Small),
            ]);
    }
}
