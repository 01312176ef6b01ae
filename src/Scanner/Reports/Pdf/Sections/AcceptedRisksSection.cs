using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports.Pdf.Sections;

/// <summary>Suppressed findings with justification, approver, date and expiry; expired suppressions are flagged.</summary>
public sealed class AcceptedRisksSection : IPdfSection
{
    public string Title => "Accepted risks";

    public void Render(ReportCanvas canvas, PdfReportModel model)
    {
        var result = model.Result;
        Blocks.SectionHeading(canvas, Title);
        var suppressed = FindingOrder.Sort(result.Findings.Where(f => f.Status == FindingStatus.Suppressed)).ToList();
        canvas.Paragraph("A suppression records a decision to accept a finding: who approved it, why, and until when. "
            + "Suppressed findings stay in the report; an expired suppression no longer applies and its finding is open again.", Theme.Body, spaceAfter: 8);

        if (result.ExpiredSuppressions.Count > 0)
            Blocks.Callout(canvas, $"{result.ExpiredSuppressions.Count} expired suppression(s)",
                "These risk acceptances have passed their expiry date. The findings they covered are reported as open; renew the approval or fix the finding.",
                Theme.WarningFill, Theme.WarningInk);

        if (suppressed.Count == 0 && result.ExpiredSuppressions.Count == 0)
        {
            canvas.Paragraph("No findings are suppressed.", Theme.BodyBold);
            return;
        }

        var table = new TableRenderer(canvas, [new("Rule", 1.0), new("Resource", 1.7), new("Justification", 3.0), new("Approved", 1.5), new("Expires", 1.1), new("Status", 1.15)]);
        table.DrawHeader();
        foreach (var finding in suppressed)
        {
            var s = finding.Suppression;
            table.DrawRow(
            [
                new(finding.RuleId, Theme.SmallBold), new(finding.Resource.DisplayName, Theme.Small),
                new(s?.Justification ?? "(no justification recorded)", Theme.Small),
                new(Approved(s), Theme.Small), new(s?.Expires?.ToString("yyyy-MM-dd") ?? "never", Theme.Small),
                new("Accepted", Theme.Small),
            ]);
        }
        foreach (var s in result.ExpiredSuppressions.OrderBy(s => s.RuleId, StringComparer.Ordinal).ThenBy(s => s.Resource, StringComparer.Ordinal))
            table.DrawRow(
            [
                new(s.RuleId, Theme.SmallBold), new(s.Resource, Theme.Small), new(s.Justification, Theme.Small),
                new(Approved(s), Theme.Small), new(s.Expires?.ToString("yyyy-MM-dd") ?? "—", Theme.SmallBold with { Color = Theme.WarningInk }),
                new("EXPIRED", Theme.SmallBold with { Color = Theme.SeverityColor(Severity.Critical) }, Theme.SeverityColor(Severity.Critical)),
            ]);
    }

    private static string Approved(SuppressionInfo? s) =>
        s is null ? "—" : $"{s.ApprovedBy ?? "unknown"}{(s.ApprovedOn is { } on ? ", " + on.ToString("yyyy-MM-dd") : string.Empty)}";
}
