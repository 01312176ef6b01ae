using TenantScanner.TestKit.TenantGenerator.Samples;
using TenantScanner.Cli.Reports;
using TenantScanner.Cli.Reports.Pdf;
using UglyToad.PdfPig;

namespace TenantScanner.Cli.Tests.Reports;

public sealed class PdfLargeReportTests : IDisposable
{
    private const string TableHeader = "SeverityRuleResourceEnvironmentOwnerFinding";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Findings_table_repeats_its_header_row_on_every_page_it_spans()
    {
        var path = new PdfReportWriter().Write(SampleScanResults.Large(300), new ReportContext(), _folder.Path).Single();
        using var document = PdfDocument.Open(path);
        var texts = document.GetPages().Select(p => p.Text).ToList();

        var first = texts.FindIndex(t => t.StartsWith("Findings", StringComparison.Ordinal));
        var end = texts.FindIndex(t => t.StartsWith("Details by rule", StringComparison.Ordinal));
        Assert.True(end - first >= 3, $"the table should span several pages, spans {end - first}");
        for (var i = first; i < end; i++)
            Assert.True(texts[i].Contains(TableHeader, StringComparison.Ordinal), texts[i][..Math.Min(400, texts[i].Length)]);
    }

    [Fact]
    public void Details_list_the_first_resources_per_rule_and_count_the_rest()
    {
        var path = new PdfReportWriter(maxResourcesPerRule: 5).Write(SampleScanResults.Large(440), new ReportContext(), _folder.Path).Single();
        using var document = PdfDocument.Open(path);
        var text = string.Concat(document.GetPages().Select(p => p.Text));

        // 440 findings over 22 rules = 20 per rule: 5 listed, 15 counted.
        Assert.Contains("Affected resources (20)", text, StringComparison.Ordinal);
        Assert.Contains("and 15 more — see findings.csv.", text, StringComparison.Ordinal);
    }
}
