using TenantScanner.TestKit.TenantGenerator.Samples;
using System.Text;
using CsvHelper;
using TenantScanner.Cli.Reports;
using TenantScanner.Cli.Reports.Csv;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;

namespace TenantScanner.Cli.Tests.Reports;

public sealed class CsvReportWriterTests : IDisposable
{
    private const string FindingsHeader =
        "fingerprint,severity,status,ruleId,ruleTitle,resourceType,resourceId,resourceName,environmentId,environmentName,owner,"
        + "message,remediation,remediationCommand,controls,evidence,docs,suppressionJustification,suppressionApprovedBy,suppressionExpires";
    private const string AcceptedRisksHeader = "ruleId,resource,resourceName,fingerprint,justification,approvedBy,approvedOn,expires,expired,source";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private IReadOnlyList<string> WriteSample() => new CsvReportWriter().Write(SampleScanResults.Sample(), new ReportContext(), _folder.Path);

    private static List<T> Read<T>(string path)
    {
        using var reader = CsvReader.Create(File.OpenRead(path), CsvReaderOptions.Default, leaveOpen: false);
        return reader.GetRecords<T>().ToList();
    }

    [Fact]
    public void Writes_findings_and_accepted_risks_files()
    {
        var paths = WriteSample();

        Assert.Equal([Path.Combine(_folder.Path, "findings.csv"), Path.Combine(_folder.Path, "accepted-risks.csv")], paths);
        Assert.All(paths, p => Assert.True(File.Exists(p)));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp"));
    }

    [Fact]
    public void Findings_header_is_the_documented_column_list()
    {
        WriteSample();
        var firstLine = File.ReadLines(Path.Combine(_folder.Path, "findings.csv"), Encoding.UTF8).First();
        Assert.Equal(FindingsHeader, firstLine.TrimStart('\uFEFF'));
    }

    [Fact]
    public void Accepted_risks_header_is_the_documented_column_list()
    {
        WriteSample();
        var firstLine = File.ReadLines(Path.Combine(_folder.Path, "accepted-risks.csv"), Encoding.UTF8).First();
        Assert.Equal(AcceptedRisksHeader, firstLine.TrimStart('\uFEFF'));
    }

    [Fact]
    public void Files_start_with_a_utf8_byte_order_mark_so_excel_reads_unicode()
    {
        WriteSample();
        foreach (var name in new[] { "findings.csv", "accepted-risks.csv" })
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(Path.Combine(_folder.Path, name))[..3]);
    }

    [Fact]
    public void One_row_per_finding_most_severe_first()
    {
        var result = SampleScanResults.Sample();
        WriteSample();
        var rows = Read<FindingRow>(Path.Combine(_folder.Path, "findings.csv"));

        Assert.Equal(result.Findings.Count, rows.Count);
        Assert.Equal("critical", rows[0].Severity);
        var ranks = rows.Select(r => Enum.Parse<Severity>(r.Severity, ignoreCase: true)).ToList();
        Assert.Equal(ranks.OrderByDescending(s => s), ranks);
        Assert.Equal(3, rows.Count(r => r.Status == "suppressed"));
    }

    [Fact]
    public void Unicode_names_survive_the_round_trip()
    {
        WriteSample();
        var rows = Read<FindingRow>(Path.Combine(_folder.Path, "findings.csv"));

        Assert.Contains(rows, r => r.ResourceName == "Approve invoices — Zoë Müller");
        Assert.Contains(rows, r => r.ResourceName == "山田太郎の経費精算フロー");
        Assert.Contains(rows, r => r.EnvironmentName == "Łódź Operations");
    }

    [Fact]
    public void Embedded_quotes_commas_and_newlines_are_quoted_not_split()
    {
        WriteSample();
        var rows = Read<FindingRow>(Path.Combine(_folder.Path, "findings.csv"));

        var tricky = Assert.Single(rows, r => r.RuleId == "FLOW003");
        Assert.Equal("Flow '=HYPERLINK(...)' shares a connection with 14 users, including \"guests\", commas, and\nline breaks.", tricky.Message);
    }

    [Fact]
    public void Cells_that_start_like_a_formula_are_escaped_against_csv_injection()
    {
        WriteSample();
        var findings = Read<FindingRow>(Path.Combine(_folder.Path, "findings.csv"));
        var risks = Read<AcceptedRiskRow>(Path.Combine(_folder.Path, "accepted-risks.csv"));

        Assert.Contains(findings, r => r.ResourceName == "'=HYPERLINK(\"http://evil.example\",\"Click\")");
        Assert.DoesNotContain(findings, r => r.ResourceName.StartsWith('='));
        var planted = Assert.Single(risks, r => r.RuleId == "CRED004");
        Assert.StartsWith("'=cmd", planted.Justification, StringComparison.Ordinal);
        Assert.Equal("'@attacker", planted.ApprovedBy);
    }

    [Fact]
    public void Accepted_risks_list_suppressed_findings_and_flag_expired_suppressions()
    {
        WriteSample();
        var rows = Read<AcceptedRiskRow>(Path.Combine(_folder.Path, "accepted-risks.csv"));

        Assert.Equal(5, rows.Count);
        var active = Assert.Single(rows, r => r.RuleId == "FLOW001" && r.Expired == "no");
        Assert.Equal("Ingrid Søndergaard (CISO)", active.ApprovedBy);
        Assert.Equal("2026-06-01", active.ApprovedOn);
        Assert.Equal("2027-05-31", active.Expires);
        Assert.Equal(["flow-0f3a-payroll", "app-4411-mail-archiver"], rows.Where(r => r.Expired == "yes").Select(r => r.Resource));
    }

    [Fact]
    public void Evidence_and_controls_are_flattened_into_readable_cells()
    {
        WriteSample();
        var rows = Read<FindingRow>(Path.Combine(_folder.Path, "findings.csv"));

        var flow = rows.First(r => r.RuleId == "FLOW001" && r.Status == "open");
        Assert.Equal("CIS M365 5.1.2; ISO 27001 A.5.18", flow.Controls);
        Assert.StartsWith("flows/", flow.Evidence, StringComparison.Ordinal);
        Assert.Contains("#/value/0/properties/creator/userId", flow.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void No_planted_secret_appears_in_either_file()
    {
        WriteSample();
        var text = File.ReadAllText(Path.Combine(_folder.Path, "findings.csv")) + File.ReadAllText(Path.Combine(_folder.Path, "accepted-risks.csv"));

        Assert.Contains(SecretRedaction.Fingerprint(SampleScanResults.PlantedSecrets[0]), text, StringComparison.Ordinal);
        foreach (var secret in SampleScanResults.PlantedSecrets)
            SecretAssert.NoFragmentOf(secret, text);
    }
}
