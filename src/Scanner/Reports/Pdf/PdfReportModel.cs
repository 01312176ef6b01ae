using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports.Pdf;

/// <summary>Everything the PDF sections read, computed once.</summary>
public sealed record PdfReportModel
{
    public required ScanResult Result { get; init; }
    public required ReportFacts Facts { get; init; }
    public required IReadOnlyDictionary<string, RuleSummary> RulesById { get; init; }
    /// <summary>Most affected resources listed per rule in the details section; the rest are counted and sent to findings.csv.</summary>
    public required int MaxResourcesPerRule { get; init; }
    /// <summary>What apply and undo did (scanner report --journal); null when no journal was given.</summary>
    public IReadOnlyList<Changes.Journal.JournalEntry>? Journal { get; init; }

    public string TenantName => string.IsNullOrWhiteSpace(Result.Tenant.DisplayName) ? Result.Tenant.Id : Result.Tenant.DisplayName;

    public static PdfReportModel Create(ScanResult result, ReportContext context, int maxResourcesPerRule) => new()
    {
        Result = result,
        Facts = ReportFacts.From(result, context.Previous),
        RulesById = result.Rules.GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase),
        MaxResourcesPerRule = maxResourcesPerRule,
        Journal = context.Journal,
    };
}

/// <summary>One numbered part of the report; it starts on a new page and gets a bookmark.</summary>
public interface IPdfSection
{
    /// <summary>The heading, also used as the bookmark title.</summary>
    string Title { get; }

    void Render(ReportCanvas canvas, PdfReportModel model);
}

/// <summary>A section that appears only when the report has what it shows (e.g. a journal).</summary>
public interface IOptionalPdfSection : IPdfSection
{
    bool AppliesTo(PdfReportModel model);
}
