using PdfSharp.Drawing;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports.Pdf.Sections;

/// <summary>The posture in words, open findings by severity (bar chart) and family, the top risks, and what changed.</summary>
public sealed class SummarySection : IPdfSection
{
    /// <summary>Most new / resolved findings listed by name in "What changed".</summary>
    private const int MaxChangesListed = 10;

    public string Title => "Executive summary";

    public void Render(ReportCanvas canvas, PdfReportModel model)
    {
        Blocks.SectionHeading(canvas, Title);
        Blocks.Callout(canvas, "Posture", string.Join("\n", PostureStatement.Describe(model.Result, model.Facts)), Theme.HeaderFill, Theme.Accent);

        Blocks.Subheading(canvas, "Open findings by severity");
        SeverityChart.Draw(canvas, model.Facts.OpenBySeverity);

        Blocks.Subheading(canvas, "Open findings by family");
        var table = new TableRenderer(canvas, [new("Family", 4), new("Open findings", 1.3), new("Resources affected", 1.5)]);
        table.DrawHeader();
        foreach (var family in model.Facts.OpenByFamily)
            table.DrawRow([new(family.Label, Theme.Small), new(family.Findings.ToString("N0"), Theme.Small), new(family.Resources.ToString("N0"), Theme.Small)]);
        if (model.Facts.OpenByFamily.Count == 0)
            table.DrawRow([new("No open findings", Theme.SmallMuted), new("0", Theme.Small), new("0", Theme.Small)]);

        Blocks.Subheading(canvas, "Top risks");
        if (model.Facts.TopRisks.Count == 0)
            canvas.Paragraph("No open findings.", Theme.Body);
        var rank = 1;
        foreach (var risk in model.Facts.TopRisks)
        {
            var affected = risk.Resources == 1 ? $"'{risk.Example}'" : $"{risk.Resources:N0} resources, e.g. '{risk.Example}'";
            canvas.Paragraph($"{rank++}. [{risk.Severity}] {risk.RuleId} {risk.Title}: {affected}.", Theme.Body, spaceAfter: 2);
        }

        if (model.Facts.Delta is { } delta)
            RenderDelta(canvas, delta);
    }

    private static void RenderDelta(ReportCanvas canvas, ScanDelta delta)
    {
        Blocks.Subheading(canvas, $"What changed since the scan of {Blocks.Utc(delta.PreviousScannedAt)}");
        Blocks.KeyValues(canvas,
        [
            ("New", $"{PostureStatement.Plural(delta.New.Count, "open finding")} not present before"),
            ("Resolved", $"{PostureStatement.Plural(delta.Resolved.Count, "finding")} open before and no longer open"),
            ("Still open", $"{PostureStatement.Plural(delta.StillOpen.Count, "finding")} open in both scans"),
        ], labelWidth: 90);
        ListChanges(canvas, "New", delta.New);
        ListChanges(canvas, "Resolved", delta.Resolved);
    }

    private static void ListChanges(ReportCanvas canvas, string label, IReadOnlyList<Finding> findings)
    {
        if (findings.Count == 0)
            return;
        canvas.Paragraph($"{label}:", Theme.BodyBold, spaceAfter: 1);
        foreach (var finding in FindingOrder.Sort(findings).Take(MaxChangesListed))
            Blocks.Bullet(canvas, $"[{finding.Severity}] {finding.RuleId} — {finding.Resource.DisplayName}: {finding.Message}", Theme.Small, indent: 8);
        if (findings.Count > MaxChangesListed)
            canvas.Paragraph($"and {findings.Count - MaxChangesListed:N0} more — see findings.csv.", Theme.SmallMuted, indent: 8);
    }
}

/// <summary>A horizontal bar chart of open findings per severity, drawn as vector rectangles.</summary>
internal static class SeverityChart
{
    public static void Draw(ReportCanvas canvas, IReadOnlyDictionary<Severity, int> counts)
    {
        const double barHeight = 14, gap = 6, labelWidth = 70, countWidth = 50;
        var severities = Enum.GetValues<Severity>().OrderByDescending(s => s).ToList();
        canvas.EnsureSpace(severities.Count * (barHeight + gap) + 8);
        var max = Math.Max(1, counts.Values.DefaultIfEmpty(0).Max());
        var barSpace = Theme.ContentWidth - labelWidth - countWidth;
        foreach (var severity in severities)
        {
            var count = counts.GetValueOrDefault(severity);
            canvas.DrawText(Theme.SeverityLabel(severity), Theme.Body, Theme.MarginLeft, canvas.Y + 1.5);
            var barX = Theme.MarginLeft + labelWidth;
            canvas.Graphics.DrawRectangle(new XSolidBrush(Theme.ZebraFill), barX, canvas.Y, barSpace, barHeight);
            var width = count == 0 ? 0 : Math.Max(2, barSpace * count / max);
            canvas.Graphics.DrawRectangle(new XSolidBrush(Theme.SeverityColor(severity)), barX, canvas.Y, width, barHeight);
            canvas.DrawTextRight(count.ToString("N0"), Theme.BodyBold, Theme.PageWidth - Theme.MarginRight, canvas.Y + 1.5);
            canvas.Y += barHeight + gap;
        }
        canvas.Y += 4;
    }
}
