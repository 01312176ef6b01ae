using PdfSharp.Drawing;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports.Pdf.Sections;

/// <summary>
/// Per rule with findings: why it matters, how to fix, control mappings, and the affected resources with
/// their evidence. Large rules list the first <see cref="PdfReportModel.MaxResourcesPerRule"/> resources
/// and point to findings.csv for the rest, so a 10,000-finding report stays readable.
/// </summary>
public sealed class DetailsSection : IPdfSection
{
    private const double KeepTogether = 230;

    public string Title => "Details by rule";

    public void Render(ReportCanvas canvas, PdfReportModel model)
    {
        Blocks.SectionHeading(canvas, Title);
        var groups = FindingOrder.Sort(model.Result.Findings)
            .GroupBy(f => f.RuleId, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Max(f => f.Severity)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (groups.Count == 0)
        {
            canvas.Paragraph("No rule produced a finding.", Theme.Body);
            return;
        }
        foreach (var group in groups)
            RenderRule(canvas, model, group.ToList());
    }

    private static void RenderRule(ReportCanvas canvas, PdfReportModel model, IReadOnlyList<Finding> findings)
    {
        var sample = findings[0];
        var rule = model.RulesById.GetValueOrDefault(sample.RuleId);
        var severity = rule?.Severity ?? sample.Severity;
        var title = $"{sample.RuleId} — {rule?.Title ?? sample.Title}";

        // Keep a rule's explanation and its first resource together on one page.
        canvas.EnsureSpace(KeepTogether);
        canvas.AddBookmark(title);
        canvas.Y += 4;
        canvas.Graphics.DrawRectangle(new XSolidBrush(Theme.SeverityColor(severity)), Theme.MarginLeft, canvas.Y, 4, Theme.Subheading.LineHeight);
        foreach (var line in canvas.Wrapper.Wrap(title, Theme.Subheading, Theme.ContentWidth - 10))
        {
            canvas.DrawText(line, Theme.Subheading, Theme.MarginLeft + 10, canvas.Y);
            canvas.Y += Theme.Subheading.LineHeight;
        }
        var open = findings.Count(f => f.Status == FindingStatus.Open);
        canvas.Paragraph($"{severity} severity · {open:N0} open, {findings.Count - open:N0} suppressed · family: {FamilyLabels.Label(rule?.Family ?? FamilyLabels.FromRuleId(sample.RuleId))}",
            Theme.SmallMuted, indent: 10, spaceAfter: 6);

        if (!string.IsNullOrWhiteSpace(rule?.Rationale))
            canvas.LabelledParagraph("Why it matters", rule.Rationale, Theme.Body);
        canvas.LabelledParagraph("How to fix", rule?.Remediation ?? sample.Remediation, Theme.Body);
        var controls = (rule?.Controls.Count > 0 ? rule.Controls : sample.Controls);
        if (controls.Count > 0)
            canvas.LabelledParagraph("Controls", string.Join(", ", controls), Theme.Body);
        var docs = rule?.Docs ?? sample.Docs;
        if (!string.IsNullOrWhiteSpace(docs))
            canvas.LabelledParagraph("Documentation", docs, Theme.Body);

        canvas.EnsureSpace(Theme.BodyBold.LineHeight * 3);
        canvas.DrawText($"Affected resources ({findings.Count:N0})", Theme.BodyBold, Theme.MarginLeft, canvas.Y);
        canvas.Y += Theme.BodyBold.LineHeight + 2;
        foreach (var finding in findings.Take(model.MaxResourcesPerRule))
            RenderResource(canvas, finding);
        if (findings.Count > model.MaxResourcesPerRule)
            canvas.Paragraph($"and {findings.Count - model.MaxResourcesPerRule:N0} more — see findings.csv.", Theme.BodyBold with { Color = Theme.Muted }, indent: 10);
        canvas.Y += 8;
        canvas.EnsureSpace(4);
        canvas.HorizontalRule(Theme.Rule);
        canvas.Y += 8;
    }

    private static void RenderResource(ReportCanvas canvas, Finding finding)
    {
        const double indent = 10;
        var resource = finding.Resource;
        var where = string.Join(" · ", new[] { resource.Type, resource.EnvironmentName, resource.Owner is null ? null : "owner: " + resource.Owner }.Where(s => !string.IsNullOrEmpty(s)));
        var heading = finding.Status == FindingStatus.Suppressed ? $"{resource.DisplayName} (accepted risk)" : resource.DisplayName;
        canvas.EnsureSpace(Theme.SmallBold.LineHeight * 3);
        Blocks.Bullet(canvas, heading, Theme.SmallBold, indent);
        canvas.Paragraph($"{where} · id {resource.Id}", Theme.SmallMuted, indent + 12, spaceAfter: 1);
        canvas.Paragraph(finding.Message, Theme.Small, indent + 12, spaceAfter: 1);
        foreach (var evidence in finding.Evidence)
            canvas.Paragraph("Evidence: " + EvidenceText.OneLine(evidence), Theme.Mono, indent + 12, spaceAfter: 1);
        if (!string.IsNullOrWhiteSpace(finding.RemediationCommand))
            canvas.Paragraph("Fix with: " + finding.RemediationCommand, Theme.Mono with { Color = Theme.Accent }, indent + 12, spaceAfter: 1);
        canvas.Y += 3;
    }
}
