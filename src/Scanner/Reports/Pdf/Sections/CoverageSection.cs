using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports.Pdf.Sections;

/// <summary>
/// What was scanned, the pass/fail/inconclusive counts of every rule, what could not be read and why,
/// and which rules were inconclusive because of it — so nothing looks clean because it was not scanned.
/// </summary>
public sealed class CoverageSection : IPdfSection
{
    /// <summary>Most inconclusive results listed one by one; the rest are counted (all are in scan.json).</summary>
    public const int MaxInconclusiveListed = 200;

    public string Title => "Coverage";

    public void Render(ReportCanvas canvas, PdfReportModel model)
    {
        var result = model.Result;
        Blocks.SectionHeading(canvas, Title);
        canvas.Paragraph("A rule reports a pass, a failure or an inconclusive result for every resource it evaluates. "
            + "Inconclusive means the evidence needed to decide was missing; such resources are never counted as passing.", Theme.Body);

        Blocks.Subheading(canvas, "What was scanned");
        Blocks.KeyValues(canvas,
        [
            ("Sources", result.Scope.Sources.Count == 0 ? "none" : string.Join(", ", result.Scope.Sources)),
            ("Environments", result.Scope.Environments.Count == 0 ? "none" : string.Join("\n", result.Scope.Environments.Select(e => $"{e.DisplayName} — {e.Type} — {e.Id}"))),
        ], labelWidth: 100);

        Blocks.Subheading(canvas, "What could not be read");
        if (result.Coverage.Count == 0)
        {
            canvas.Paragraph("Every source in scope was read.", Theme.Body);
        }
        else
        {
            var gaps = new TableRenderer(canvas, [new("Source", 1.6), new("Environment", 1.4), new("Status", 0.6), new("Why", 2.6), new("Rules affected", 1.4)]);
            gaps.DrawHeader();
            foreach (var gap in result.Coverage)
                gaps.DrawRow(
                [
                    new(gap.Source, Theme.Small), new(EnvironmentName(result, gap.EnvironmentId), Theme.Small),
                    new(gap.Status?.ToString() ?? "—", Theme.Small), new(gap.Error, Theme.Small),
                    new(gap.AffectedRules.Count == 0 ? "—" : string.Join(", ", gap.AffectedRules), Theme.SmallBold),
                ]);
        }

        Blocks.Subheading(canvas, "Results per rule");
        var rules = new TableRenderer(canvas, [new("Rule", 1.0), new("Title", 3.2), new("Severity", 0.9), new("Passed", 0.7), new("Failed", 0.7), new("Inconclusive", 1.1)]);
        rules.DrawHeader();
        foreach (var rule in result.Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var inconclusive = rule.Inconclusive > 0 ? Theme.SmallBold with { Color = Theme.WarningInk } : Theme.Small;
            rules.DrawRow(rule.Enabled
                ? [new(rule.Id, Theme.SmallBold), new(rule.Title, Theme.Small), new(rule.Severity.ToString(), Theme.Small, Theme.SeverityColor(rule.Severity)),
                   new(rule.Passed.ToString("N0"), Theme.Small), new(rule.Failed.ToString("N0"), rule.Failed > 0 ? Theme.SmallBold : Theme.Small), new(rule.Inconclusive.ToString("N0"), inconclusive)]
                : [new(rule.Id, Theme.SmallMuted), new(rule.Title + " (disabled: not evaluated)", Theme.SmallMuted), new(rule.Severity.ToString(), Theme.SmallMuted),
                   new("—", Theme.SmallMuted), new("—", Theme.SmallMuted), new("—", Theme.SmallMuted)]);
        }

        RenderInconclusive(canvas, result);
    }

    private static void RenderInconclusive(ReportCanvas canvas, ScanResult result)
    {
        Blocks.Subheading(canvas, "Inconclusive results");
        if (result.Inconclusive.Count == 0)
        {
            canvas.Paragraph("None: every rule could decide for every resource it evaluated.", Theme.Body);
            return;
        }
        var table = new TableRenderer(canvas, [new("Rule", 1.0), new("Resource", 2.2), new("Environment", 1.5), new("Reason", 3.2)]);
        table.DrawHeader();
        foreach (var item in result.Inconclusive.OrderBy(i => i.RuleId, StringComparer.Ordinal).ThenBy(i => i.Resource.DisplayName, StringComparer.Ordinal).Take(MaxInconclusiveListed))
            table.DrawRow([new(item.RuleId, Theme.SmallBold), new($"{item.Resource.DisplayName} ({item.Resource.Type})", Theme.Small), new(item.Resource.EnvironmentName ?? "—", Theme.Small), new(item.Reason, Theme.Small)]);
        if (result.Inconclusive.Count > MaxInconclusiveListed)
            canvas.Paragraph($"and {result.Inconclusive.Count - MaxInconclusiveListed:N0} more — see scan.json.", Theme.SmallMuted);
    }

    private static string EnvironmentName(ScanResult result, string? environmentId) =>
        environmentId is null ? "tenant-wide"
            : result.Scope.Environments.FirstOrDefault(e => e.Id == environmentId)?.DisplayName ?? environmentId;
}
