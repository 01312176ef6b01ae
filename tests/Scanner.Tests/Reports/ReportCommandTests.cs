using TenantScanner.Cli;
using TenantScanner.TestKit.TenantGenerator.Samples;
using TenantScanner.Cli.Commands;
using TenantScanner.Cli.Reports;
using UglyToad.PdfPig;

namespace TenantScanner.Cli.Tests.Reports;

public sealed class ReportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string SaveScan(string name, TenantScanner.Rules.Findings.ScanResult result)
    {
        var folder = Path.Combine(_folder.Path, name);
        return new JsonReportWriter().Write(result, new ReportContext(), folder).Single();
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var run = CliRun.Invoke(args);
        return (run.ExitCode, run.Output, run.Error);
    }

    [Fact]
    public void Renders_pdf_and_csv_next_to_the_saved_scan_by_default()
    {
        var scan = SaveScan("latest", SampleScanResults.Sample());

        var (exit, output, error) = Run("report", "--from", scan);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(string.Empty, error);
        var folder = Path.GetDirectoryName(scan)!;
        Assert.Equal(
            [Path.Combine(folder, "report.pdf"), Path.Combine(folder, "findings.csv"), Path.Combine(folder, "accepted-risks.csv")],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Writes_the_requested_formats_into_out_and_compares_with_previous()
    {
        var scan = SaveScan("latest", SampleScanResults.Sample());
        var previous = SaveScan("older", SampleScanResults.Previous());
        var outFolder = Path.Combine(_folder.Path, "rendered");

        var (exit, _, _) = Run("report", "--from", scan, "--format", "pdf,json", "--out", outFolder, "--previous", previous);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(["report.pdf", "scan.json"], Directory.GetFiles(outFolder).Select(Path.GetFileName).Order());
        using var pdf = PdfDocument.Open(Path.Combine(outFolder, "report.pdf"));
        Assert.Contains("1 new finding, 2 resolved, 21 still open", string.Concat(pdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void Previous_scan_of_another_tenant_is_bad_input()
    {
        var scan = SaveScan("latest", SampleScanResults.Sample());
        var other = SampleScanResults.Previous() with { Tenant = new TenantScanner.Rules.Findings.TenantInfo("00000000-0000-0000-0000-000000000001", "Fabrikam") };
        var previous = SaveScan("other", other);

        var (exit, _, error) = Run("report", "--from", scan, "--previous", previous);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("is a scan of tenant 00000000-0000-0000-0000-000000000001, not of 8f1c2b7e-4d3a-4b9e-a1c2-3e4f5a6b7c8d.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_bad_input_naming_the_file()
    {
        var missing = Path.Combine(_folder.Path, "nope", "scan.json");

        var (exit, _, error) = Run("report", "--from", missing);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"--from: file '{missing}' was not found.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_bad_input_with_file_line_and_position()
    {
        var path = Path.Combine(_folder.Path, "broken.json");
        File.WriteAllText(path, "{\n  \"schemaVersion\": \"1.0\",\n  \"tool\": {\"name\": \"x\",, }\n}");

        var (exit, _, error) = Run("report", "--from", path);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"'{path}' is not a valid scan result (line 3, byte 24 of the line: unexpected ',').", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.pdf"));
    }

    [Fact]
    public void Json_missing_required_fields_is_bad_input()
    {
        var path = Path.Combine(_folder.Path, "partial.json");
        File.WriteAllText(path, "{ \"schemaVersion\": \"1.0\" }");

        var (exit, _, error) = Run("report", "--from", path);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"'{path}' is not a valid scan result", error, StringComparison.Ordinal);
        Assert.Contains("missing required properties", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_format_is_bad_input_listing_the_valid_formats()
    {
        var scan = SaveScan("latest", SampleScanResults.Sample());

        var (exit, _, error) = Run("report", "--from", scan, "--format", "pdf,xlsx");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("Unknown report format 'xlsx'. Valid formats: json, csv, pdf.", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(scan)!, "report.pdf")));
    }

    [Fact]
    public void Renderer_validates_every_format_before_writing_any()
    {
        var folder = Path.Combine(_folder.Path, "render");

        var error = Assert.Throws<ArgumentException>(() =>
            ReportRenderer.Render(SampleScanResults.Sample(), new ReportContext(), ["csv", "html"], folder));

        Assert.Equal("Unknown report format 'html'. Valid formats: json, csv, pdf.", error.Message);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Renderer_returns_the_paths_it_wrote_in_format_order()
    {
        var folder = Path.Combine(_folder.Path, "render");

        var paths = ReportRenderer.Render(SampleScanResults.Sample(), new ReportContext(), ["CSV", "json"], folder);

        Assert.Equal([Path.Combine(folder, "findings.csv"), Path.Combine(folder, "accepted-risks.csv"), Path.Combine(folder, "scan.json")], paths);
    }
}
