using PdfSharp.Pdf;
using TenantScanner.Cli.Output;
using TenantScanner.Cli.Reports.Pdf.Sections;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports.Pdf;

/// <summary>
/// Writes <c>report.pdf</c> for auditors: cover, executive summary, coverage, findings table, details by
/// rule, accepted risks and appendix, each starting on a new page with a bookmark; a running header and
/// "Page X of Y" footer on every page; fonts embedded and subset so the text is selectable and searchable.
/// </summary>
public sealed class PdfReportWriter(int maxResourcesPerRule = PdfReportWriter.DefaultMaxResourcesPerRule) : IReportWriter
{
    public const string FileName = "report.pdf";
    public const int DefaultMaxResourcesPerRule = 25;

    /// <summary>The sections in the order they appear.</summary>
    public static IReadOnlyList<IPdfSection> Sections { get; } =
    [
        new CoverSection(), new SummarySection(), new CoverageSection(), new FindingsTableSection(),
        new DetailsSection(), new AcceptedRisksSection(), new ChangesAppliedSection(), new AppendixSection(),
    ];

    public PdfReportWriter() : this(DefaultMaxResourcesPerRule) { }

    public string Format => "pdf";

    public IReadOnlyList<string> Write(ScanResult result, ReportContext context, string folder)
    {
        var path = Path.Combine(folder, FileName);
        using var document = Render(result, context);
        AtomicFile.Write(path, stream => document.Save(stream, closeStream: false));
        return [path];
    }

    /// <summary>Builds the document in memory (exposed for the benchmark and tests).</summary>
    public PdfDocument Render(ScanResult result, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        var model = PdfReportModel.Create(result, context, maxResourcesPerRule);
        var document = new PdfDocument();
        SetMetadata(document, model);
        var canvas = new ReportCanvas(document);
        try
        {
            foreach (var section in Sections)
            {
                if (section is IOptionalPdfSection optional && !optional.AppliesTo(model))
                    continue;
                canvas.NewPage();
                canvas.SectionOutline = document.Outlines.Add(section.Title, canvas.Page, opened: true);
                section.Render(canvas, model);
            }
        }
        finally
        {
            // Releases the last page's graphics, which must happen before the decorator draws on it.
            canvas.Dispose();
        }
        PageDecorator.Decorate(document, canvas.Fonts, model.TenantName, result.ScannedAt);
        document.PageLayout = PdfPageLayout.SinglePage;
        document.PageMode = PdfPageMode.UseOutlines;
        return document;
    }

    private static void SetMetadata(PdfDocument document, PdfReportModel model)
    {
        var info = document.Info;
        info.Title = $"Tenant governance report — {model.TenantName}";
        info.Subject = $"Governance scan of tenant {model.Result.Tenant.Id} on {Blocks.Utc(model.Result.ScannedAt)}: "
            + $"{model.Facts.OpenCount} open findings, {model.Facts.SuppressedCount} accepted risks.";
        info.Author = $"{model.Result.Tool.Name} {model.Result.Tool.Version}";
        info.Creator = $"{model.Result.Tool.Name} {model.Result.Tool.Version}";
        info.Keywords = "tenant governance, Power Automate, service principals, secrets, credentials, permissions, audit";
        // The scan time, not the wall clock: re-rendering the same scan.json gives the same metadata.
        info.CreationDate = model.Result.ScannedAt.UtcDateTime;
    }
}
