using TenantScanner.Cli;
using System.Text.Json.Nodes;
using TenantScanner.Cli.Commands;
using TenantScanner.Cli.Reports;
using TenantScanner.TestKit.TenantGenerator.Samples;

namespace TenantScanner.Cli.Tests.Cli;

/// <summary>
/// Hostile saved results and output paths through the real command line: each ends with exit 2 and a message
/// naming the file or folder, never exit 70, and no message or report carries a secret from the input.
/// </summary>
public sealed class HostileInputCommandTests : IDisposable
{
    private const string Secret = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string SavedScan(Action<JsonObject> change)
    {
        var path = new JsonReportWriter().Write(SampleScanResults.Sample(), new ReportContext(), Path.Combine(_temp.Path, "saved")).Single();
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        change(json);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    [Fact]
    public void A_broken_literal_after_a_secret_in_a_saved_result_is_refused_without_quoting_it()
    {
        var path = _temp.Write("broken.json", "{\"schemaVersion\": \"1.0\",\n\"notes\": \"" + Secret + "\", \"x\": tru, \"pad\": \"" + new string('z', 70_000) + "\"}");

        var run = CliRun.Invoke("report", "--from", path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"--from: '{path}' is not a valid scan result (line 2, byte ", run.Error, StringComparison.Ordinal);
        Assert.Contains(": an incomplete literal (true, false or null)).", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_", run.Error, StringComparison.Ordinal);
        Assert.True(run.Error.Length < 500, "the error quotes the file");
    }

    [Theory]
    [InlineData("findings", "findings[0]")]
    [InlineData("evidence", "findings[0].evidence[0]")]
    [InlineData("inconclusive", "inconclusive[0]")]
    public void A_null_item_in_a_saved_result_is_bad_input_naming_where(string list, string where)
    {
        var path = SavedScan(json =>
        {
            var target = list == "evidence" ? json["findings"]![0]!["evidence"]!.AsArray() : json[list]!.AsArray();
            target.Insert(0, null);
        });

        var run = CliRun.Invoke("report", "--from", path, "--format", "csv", "--out", Path.Combine(_temp.Path, "out"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"is not a valid scan result: {where} is null.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_previous_finding_is_bad_input_too()
    {
        var scan = SavedScan(_ => { });
        var previous = _temp.Write("previous.json", File.ReadAllText(scan).Replace("\"findings\":[", "\"findings\":[null,", StringComparison.Ordinal));

        var run = CliRun.Invoke("report", "--from", scan, "--previous", previous, "--out", Path.Combine(_temp.Path, "out"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"--previous: '{previous}' is not a valid scan result: findings[0] is null.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_in_a_display_name_of_a_saved_result_is_redacted_in_every_report()
    {
        var path = SavedScan(json => json["findings"]![0]!["resource"]!["displayName"] = $"Payroll {Secret}");
        var outFolder = Path.Combine(_temp.Path, "out");

        var run = CliRun.Invoke("report", "--from", path, "--format", "json,csv", "--out", outFolder);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var file in Directory.GetFiles(outFolder))
            Assert.DoesNotContain(Secret, File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Contains("Payroll [redacted GitHubToken: ", File.ReadAllText(Path.Combine(outFolder, "scan.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_out_pointing_at_an_existing_file_is_bad_input()
    {
        var scan = SavedScan(_ => { });
        var file = _temp.Write("taken.txt", "x");

        var run = CliRun.Invoke("report", "--from", scan, "--out", file);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"--out: '{file}' is a file, not a folder; give a folder for the reports.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_out_below_a_file_cannot_be_created_and_is_bad_input()
    {
        var scan = SavedScan(_ => { });
        var below = Path.Combine(_temp.Write("taken.txt", "x"), "reports");

        var run = CliRun.Invoke("report", "--from", scan, "--out", below);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"--out: the reports cannot be written to '{below}'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_out_pointing_at_an_existing_file_is_bad_input_before_scanning()
    {
        var file = _temp.Write("taken.txt", "x");

        var run = CliRun.Invoke("scan", "--demo", "--out", file);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"--out: '{file}' is a file, not a folder; give a folder for the reports.", run.Error, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void Scan_out_below_a_file_is_bad_input()
    {
        var below = Path.Combine(_temp.Write("taken.txt", "x"), "reports");

        var run = CliRun.Invoke("scan", "--demo", "--out", below, "--format", "json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"--out: the reports cannot be written to '{below}'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_out_naming_a_folder_is_bad_input_before_scanning()
    {
        var input = _temp.Write("flow.json", "{\"a\": 1}");

        var run = CliRun.Invoke("secrets", input, "--format", "json", "--out", _temp.Path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"--out: '{_temp.Path}' is a folder; give a file for the report.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_out_that_cannot_be_written_is_bad_input()
    {
        var input = _temp.Write("flow.json", "{\"a\": 1}");
        var below = Path.Combine(input, "report.json");

        var run = CliRun.Invoke("secrets", input, "--format", "json", "--out", below);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"--out: the report cannot be written to '{below}'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suppression_for_an_unknown_rule_is_bad_input_with_file_and_line()
    {
        var suppressions = _temp.Write("suppressions.yaml", "suppressions:\n  - { ruleId: FLOW01, resource: x, justification: typo }\n");

        var run = CliRun.Invoke("scan", "--demo", "--out", Path.Combine(_temp.Path, "out"), "--suppressions", suppressions);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"{suppressions}:2:15: unknown rule id 'FLOW01'", run.Error, StringComparison.Ordinal);
    }
}
