using PdfSharp.Drawing;

namespace TenantScanner.Cli.Reports.Pdf.Sections;

/// <summary>Page 1: whose tenant, when, what scope, with which tool and rules, and which evidence (snapshot hash).</summary>
public sealed class CoverSection : IPdfSection
{
    public string Title => "Cover";

    public void Render(ReportCanvas canvas, PdfReportModel model)
    {
        var result = model.Result;
        canvas.Graphics.DrawRectangle(new XSolidBrush(Theme.Accent), 0, 0, Theme.PageWidth, 8);
        canvas.Y = 150;
        canvas.DrawText("Tenant governance report", Theme.Title, Theme.MarginLeft, canvas.Y);
        canvas.Y += Theme.Title.LineHeight + 6;
        foreach (var line in canvas.Wrapper.Wrap(model.TenantName, Theme.Heading with { Color = Theme.Ink }, Theme.ContentWidth))
        {
            canvas.DrawText(line, Theme.Heading with { Color = Theme.Ink }, Theme.MarginLeft, canvas.Y);
            canvas.Y += Theme.Heading.LineHeight;
        }
        canvas.DrawText("Power Automate flows, apps and service principals, secrets, credentials and permissions", Theme.Body with { Color = Theme.Muted }, Theme.MarginLeft, canvas.Y + 4);
        canvas.Y += 40;
        canvas.HorizontalRule(Theme.Rule);
        canvas.Y += 14;

        var environments = result.Scope.Environments.Count == 0
            ? "none (directory only)"
            : string.Join("\n", result.Scope.Environments.Select(e => $"{e.DisplayName} ({e.Type}, {e.Id})"));
        Blocks.KeyValues(canvas,
        [
            ("Tenant", model.TenantName),
            ("Tenant id", result.Tenant.Id),
            ("Scan time", Blocks.Utc(result.ScannedAt)),
            ("Evidence collected", Blocks.Utc(result.CollectedAt)),
            ("Evaluated as of", Blocks.Utc(result.AsOf)),
            ("Environments", environments),
            ("Sources", result.Scope.Sources.Count == 0 ? "none" : string.Join(", ", result.Scope.Sources)),
            ("Tool", $"{result.Tool.Name} {result.Tool.Version}"),
            ("Rule catalog", $"version {result.RuleCatalogVersion}, {result.Rules.Count} rules ({result.Rules.Count(r => r.Enabled)} enabled)"),
            ("Snapshot SHA-256", result.SnapshotSha256),
            ("Result schema", result.SchemaVersion),
        ]);

        if (result.Incomplete || result.Coverage.Count > 0)
        {
            canvas.Y += 10;
            Blocks.Callout(canvas, "Incomplete scan",
                $"{result.Coverage.Count} source(s) could not be read. Rules that depend on them are reported as inconclusive; see the Coverage section. Absence of findings there does not mean the resources are compliant.",
                Theme.WarningFill, Theme.WarningInk);
        }

        canvas.Y = Theme.ContentBottom - 3 * Theme.Small.LineHeight;
        canvas.Paragraph("Secret values never appear in this report: evidence shows a short preview and a fingerprint only. "
            + "The snapshot SHA-256 identifies the evidence this report was produced from.", Theme.SmallMuted);
    }
}
