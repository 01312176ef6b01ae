namespace TenantScanner.Cli.Reports.Pdf.Sections;

/// <summary>
/// What <c>scanner apply</c> and <c>undo</c> did (from the journal given to <c>scanner report --journal</c>): each
/// change with its result, who made it and when, and what was skipped as drifted, failed or left to do by hand.
/// </summary>
public sealed class ChangesAppliedSection : IOptionalPdfSection
{
    public string Title => "Changes applied";

    public bool AppliesTo(PdfReportModel model) => model.Journal is not null;

    public void Render(ReportCanvas canvas, PdfReportModel model)
    {
        Blocks.SectionHeading(canvas, Title);
        var rows = ChangeRows.From(model.Journal ?? []);
        canvas.Paragraph("Every change the scanner's apply and undo commands made in this tenant, from their journal: what was changed, "
            + "the result, the signed-in identity that made it and when. Drifted actions were skipped because the target had changed since "
            + "the plan was reviewed; manual actions are listed for a person and changed nothing.", Theme.Body, spaceAfter: 8);
        if (rows.Count == 0)
        {
            canvas.Paragraph("The journal records no change.", Theme.BodyBold);
            return;
        }
        var identities = rows.Select(r => r.Identity).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        canvas.Paragraph($"Signed in as: {string.Join("; ", identities)}", Theme.Small, spaceAfter: 6);
        var table = new TableRenderer(canvas, [new("When (UTC)", 1.3), new("Action", 0.7), new("Change", 3.4), new("Result", 1.1), new("Findings", 1.6)]);
        table.DrawHeader();
        foreach (var row in rows)
        {
            var failed = row.Result is "drifted" or "failed" or "undoDrifted" or "undoFailed";
            table.DrawRow(
            [
                new(row.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), Theme.Small),
                new($"{row.Command} {row.ActionId}", Theme.SmallBold),
                new(string.IsNullOrEmpty(row.Operation) ? row.Action : row.Operation, Theme.Small),
                new(row.Result, failed ? Theme.SmallBold with { Color = Theme.WarningInk } : Theme.Small),
                new(row.Resolves, Theme.Small),
            ]);
        }
    }
}
