using TenantScanner.TestKit.TenantGenerator.Samples;
using TenantScanner.Cli.Reports;
using TenantScanner.Cli.Reports.Pdf;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using UglyToad.PdfPig;

namespace TenantScanner.Cli.Tests.Reports;

/// <summary>Renders the sample report once and checks it as an auditor's PDF reader would see it (text extracted with PdfPig).</summary>
public sealed class SampleReportFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public SampleReportFixture()
    {
        Path = new PdfReportWriter().Write(SampleScanResults.Sample(), new ReportContext(SampleScanResults.Previous()), _folder.Path).Single();
        using var document = PdfDocument.Open(Path);
        PageTexts = document.GetPages().Select(p => p.Text).ToList();
        Information = (document.Information.Title, document.Information.Subject, document.Information.Author, document.Information.Keywords);
        Bookmarks = document.TryGetBookmarks(out var bookmarks)
            ? bookmarks.Roots.Select(r => (r.Title, r.Children.Select(c => c.Title).ToList())).ToList()
            : [];
    }

    public string Path { get; }
    public IReadOnlyList<string> PageTexts { get; }
    public (string? Title, string? Subject, string? Author, string? Keywords) Information { get; }
    public IReadOnlyList<(string Title, List<string> Children)> Bookmarks { get; }
    public string AllText => string.Join("\n", PageTexts);

    public void Dispose() => _folder.Dispose();
}

public sealed class PdfReportWriterTests(SampleReportFixture report) : IClassFixture<SampleReportFixture>
{
    private static readonly string[] SectionTitles = ["Executive summary", "Coverage", "Findings", "Details by rule", "Accepted risks", "Appendix"];

    [Fact]
    public void Sections_start_on_their_own_page_in_order()
    {
        var starts = report.PageTexts
            .Select(text => SectionTitles.FirstOrDefault(t => text.StartsWith(t, StringComparison.Ordinal)))
            .Where(t => t is not null)
            .ToList();

        Assert.StartsWith("Tenant governance report", report.PageTexts[0], StringComparison.Ordinal);
        Assert.Equal(SectionTitles, starts);
    }

    [Fact]
    public void Every_page_has_the_page_x_of_y_footer_and_the_running_header()
    {
        var total = report.PageTexts.Count;
        Assert.InRange(total, 8, 40);
        for (var i = 0; i < total; i++)
        {
            Assert.Contains($"Page {i + 1} of {total}", report.PageTexts[i], StringComparison.Ordinal);
            Assert.Contains("Tenant governance report — Contoso Pharma", report.PageTexts[i], StringComparison.Ordinal);
            Assert.Contains("Scan 2026-11-20 09:30 UTC", report.PageTexts[i], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Zoë Müller")]
    [InlineData("Łódź Operations")]
    [InlineData("山田太郎")]
    [InlineData("東京 研究開発")]
    [InlineData("Ingrid Søndergaard")]
    public void Unicode_names_are_extracted_as_written(string name) =>
        Assert.Contains(name, report.AllText, StringComparison.Ordinal);

    [Fact]
    public void Document_metadata_names_the_tenant_and_the_scan()
    {
        Assert.Equal("Tenant governance report — Contoso Pharma", report.Information.Title);
        Assert.Contains("8f1c2b7e-4d3a-4b9e-a1c2-3e4f5a6b7c8d", report.Information.Subject, StringComparison.Ordinal);
        Assert.Contains("22 open findings", report.Information.Subject, StringComparison.Ordinal);
        Assert.Equal("tenant-scanner 0.1.0", report.Information.Author);
        Assert.Contains("Power Automate", report.Information.Keywords, StringComparison.Ordinal);
    }

    [Fact]
    public void Outline_has_a_bookmark_per_section_and_per_rule_in_details()
    {
        Assert.Equal(["Cover", .. SectionTitles], report.Bookmarks.Select(b => b.Title));
        var details = report.Bookmarks.Single(b => b.Title == "Details by rule").Children;
        Assert.Equal("CRED001 — Hardcoded secret in flow definition", details[0]);
        Assert.Contains("FLOW001 — Flow runs under a personal account", details);
    }

    [Fact]
    public void Cover_shows_scope_versions_and_snapshot_hash()
    {
        var cover = report.PageTexts[0];
        Assert.Contains("8f1c2b7e-4d3a-4b9e-a1c2-3e4f5a6b7c8d", cover, StringComparison.Ordinal);
        Assert.Contains("2026-11-20 09:30 UTC", cover, StringComparison.Ordinal);
        Assert.Contains("tenant-scanner 0.1.0", cover, StringComparison.Ordinal);
        Assert.Contains("version 2026.11.1", cover, StringComparison.Ordinal);
        Assert.Contains("3b0f6c1e9a7d45e2b8c4f1a06d9e2c7b5a1f3e8d4c2b6a9071e5d3c8f2a4", cover, StringComparison.Ordinal);
        Assert.Contains("Incomplete scan", cover, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_states_the_posture_and_what_changed()
    {
        var summary = report.PageTexts.First(t => t.StartsWith("Executive summary", StringComparison.Ordinal));
        Assert.Contains("3 critical and 11 high findings need action now.", summary, StringComparison.Ordinal);
        Assert.Contains("Power Automate flows: 7 open findings on 7 resources.", summary, StringComparison.Ordinal);
        Assert.Contains("1 new finding, 2 resolved, 21 still open", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_names_unreadable_sources_and_the_rules_they_made_inconclusive()
    {
        var coverage = report.PageTexts.First(t => t.StartsWith("Coverage", StringComparison.Ordinal));
        Assert.Contains("The application user has no security", coverage, StringComparison.Ordinal);
        Assert.Contains("CRED002,", coverage, StringComparison.Ordinal);
        Assert.Contains("FLOW007", coverage, StringComparison.Ordinal);
        Assert.Contains("CRED006", coverage, StringComparison.Ordinal);
        Assert.Contains("(disabled:", coverage, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepted_risks_show_justification_approver_and_flag_expired_suppressions()
    {
        var risks = report.PageTexts.First(t => t.StartsWith("Accepted risks", StringComparison.Ordinal));
        Assert.Contains("Personal productivity flow with no", risks, StringComparison.Ordinal);
        Assert.Contains("2 expired suppression(s)", risks, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(risks, "EXPIRED"));
    }

    [Fact]
    public void No_planted_secret_appears_in_the_extracted_text()
    {
        // The redacted fingerprint is there, so the search would find the secret if it were.
        Assert.Contains(SecretRedaction.Fingerprint(SampleScanResults.PlantedSecrets[0]), report.AllText, StringComparison.Ordinal);
        foreach (var secret in SampleScanResults.PlantedSecrets)
            SecretAssert.NoFragmentOf(secret, report.AllText);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
