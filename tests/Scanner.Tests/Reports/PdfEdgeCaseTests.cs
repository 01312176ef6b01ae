using TenantScanner.TestKit.TenantGenerator.Samples;
using TenantScanner.Cli.Reports;
using TenantScanner.Cli.Reports.Pdf;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using UglyToad.PdfPig;

namespace TenantScanner.Cli.Tests.Reports;

public sealed class PdfEdgeCaseTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private List<string> RenderPages(ScanResult result)
    {
        var path = new PdfReportWriter().Write(result, new ReportContext(), _folder.Path).Single();
        using var document = PdfDocument.Open(path);
        return document.GetPages().Select(p => p.Text).ToList();
    }

    [Fact]
    public void A_clean_complete_scan_says_so_in_every_section()
    {
        var clean = SampleScanResults.Sample() with { Findings = [], Inconclusive = [], Coverage = [], ExpiredSuppressions = [], Incomplete = false };

        var text = string.Join("\n", RenderPages(clean));

        Assert.Contains("No open findings: every enabled rule passed on every resource it evaluated.", text, StringComparison.Ordinal);
        Assert.Contains("Every source in scope was read.", text, StringComparison.Ordinal);
        Assert.Contains("No rule produced a finding.", text, StringComparison.Ordinal);
        Assert.Contains("No findings are suppressed.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Incomplete scan", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tenant_without_display_name_environments_or_rules_still_renders()
    {
        var bare = new ScanResult
        {
            Tool = new ToolVersion("tenant-scanner", "0.1.0"),
            RuleCatalogVersion = "0",
            Tenant = new TenantInfo("11111111-2222-3333-4444-555555555555", null),
            ScannedAt = SampleScanResults.ScannedAt, CollectedAt = SampleScanResults.ScannedAt, AsOf = SampleScanResults.ScannedAt,
            SnapshotSha256 = new string('0', 64),
            Scope = new ScanScope([], []),
            Coverage = [], Rules = [], Findings = [], Inconclusive = [],
        };

        var pages = RenderPages(bare);

        Assert.Equal(7, pages.Count);
        Assert.Contains("Tenant governance report — 11111111-2222-3333-4444-555555555555", pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_with_an_unbroken_value_longer_than_a_line_is_wrapped_not_clipped()
    {
        var value = string.Concat(Enumerable.Repeat("ABCDEFGHIJ", 60));
        var sample = SampleScanResults.Sample();
        var finding = sample.Findings[0] with { Evidence = [new Evidence { File = "flows/x.json", JsonPointer = "/value/0", Value = value }] };

        var text = string.Concat(RenderPages(sample with { Findings = [finding] }));

        Assert.Contains(value, text.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
