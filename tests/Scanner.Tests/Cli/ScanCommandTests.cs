using TenantScanner.Cli;
using System.Text.Json;
using TenantScanner.Cli.Commands;

namespace TenantScanner.Cli.Tests.Cli;

public sealed class ScanCommandTests
{
    [Fact]
    public void Scan_of_the_demo_tenant_writes_the_canonical_result_and_prints_a_summary()
    {
        using var temp = new TempFolder();

        var run = CliRun.Invoke("scan", "--demo", "--out", temp.Path, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Open findings by severity", run.Output);
        Assert.Contains("Contoso", run.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "scan.json")));
        Assert.Equal("1.0", json.RootElement.GetProperty("schemaVersion").GetString());
        Assert.True(json.RootElement.GetProperty("findings").GetArrayLength() > 0);
    }

    [Fact]
    public void Demo_scan_reads_every_source_and_exits_zero_without_a_fail_on_threshold()
    {
        using var temp = new TempFolder();

        var run = CliRun.Invoke("scan", "--demo", "--out", temp.Path, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Coverage: every source was read", run.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "scan.json")));
        Assert.False(json.RootElement.GetProperty("incomplete").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("coverage").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("inconclusive").GetArrayLength());
    }

    [Fact]
    public void Fail_on_high_exits_with_the_findings_code_when_high_findings_are_open()
    {
        using var temp = new TempFolder();

        var run = CliRun.Invoke("scan", "--demo", "--out", temp.Path, "--format", "json", "--fail-on", "high");

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
    }

    [Theory]
    [InlineData(new[] { "scan" }, "exactly one of --demo, --snapshot DIR or --tenant")]
    [InlineData(new[] { "scan", "--demo", "--snapshot", "." }, "exactly one of --demo, --snapshot DIR or --tenant")]
    [InlineData(new[] { "scan", "--demo", "--key-vaults", "https://kv1.vault.azure.net" }, "apply only to a live scan")]
    [InlineData(new[] { "scan", "--demo", "--snapshot-out", "x" }, "--snapshot-out: only with --tenant")]
    [InlineData(new[] { "scan", "--demo", "--fail-on", "severe" }, "'severe' is not one of")]
    [InlineData(new[] { "scan", "--demo", "--as-of", "yesterday" }, "--as-of: 'yesterday'")]
    [InlineData(new[] { "scan", "--demo", "--format", "json,docx" }, "unknown format 'docx'")]
    [InlineData(new[] { "scan", "--demo", "--rules", "/nonexistent/rules.yaml" }, "file not found")]
    [InlineData(new[] { "scan", "--demo", "--patterns", "/nonexistent/patterns.yaml" }, "file not found")]
    [InlineData(new[] { "scan", "--snapshot", "/nonexistent/snapshot" }, "not found")]
    [InlineData(new[] { "scan", "--demo", "--no-such-option" }, "--no-such-option")]
    public void Bad_arguments_exit_with_the_bad_input_code_and_say_what_is_wrong(string[] args, string expected)
    {
        var run = CliRun.Invoke(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(expected, run.Error);
    }

    [Fact]
    public void A_malformed_rules_overlay_names_the_file_and_line()
    {
        using var temp = new TempFolder();
        var overlay = temp.Write("overlay.yaml", "rules:\n  - id: SP003\n    severity: extreme\n");

        var run = CliRun.Invoke("scan", "--demo", "--out", temp.Path, "--rules", overlay);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("overlay.yaml:3", run.Error);
        Assert.False(File.Exists(Path.Combine(temp.Path, "scan.json")));
    }

    [Fact]
    public void Custom_patterns_replace_the_built_in_secret_catalog_for_the_secret_rules()
    {
        using var temp = new TempFolder();
        // Finds only the Entra client secret of the demo's 'Invoice approval – EMEA' flow; the built-in catalog finds five hardcoded secrets.
        var patterns = temp.Write("patterns.yaml",
            "version: 1\npatterns:\n  - id: contoso-entra-secret\n    secretType: ContosoEntraSecret\n    keywords: [\"Q~\"]\n" +
            "    regex: '[A-Za-z0-9]{3}[0-9]Q~[A-Za-z0-9_.~-]{30,}'\n    confidence: high\n");
        var output = Path.Combine(temp.Path, "out");

        var run = CliRun.Invoke("scan", "--demo", "--out", output, "--format", "json", "--patterns", patterns);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var text = File.ReadAllText(Path.Combine(output, "scan.json"));
        using var json = JsonDocument.Parse(text);
        var secretFindings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == "FLOW004").ToList();
        var finding = Assert.Single(secretFindings);
        Assert.Contains("holds a hardcoded ContosoEntraSecret", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("eDm8Q~Eu9X2eY1eAujOv741AVzEsVohyFIfcxv5E", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_patterns_file_names_the_file_line_and_column_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var patterns = temp.Write("patterns.yaml", "version: 1\npatterns:\n  - id: x\n    secretType: X\n    keywords: [a]\n    confidence: high\n    regex: '(['\n");
        var output = Path.Combine(temp.Path, "out");

        var run = CliRun.Invoke("scan", "--demo", "--out", output, "--patterns", patterns);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("patterns.yaml:7:12: pattern 'x': invalid regex", run.Error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_malformed_snapshot_is_refused_with_the_file_named()
    {
        using var temp = new TempFolder();
        temp.Write("manifest.json", "{ \"formatVersion\": 1, \"tenantId\": ");

        var run = CliRun.Invoke("scan", "--snapshot", temp.Path, "--out", Path.Combine(temp.Path, "out"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("manifest.json", run.Error);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out")));
    }

    [Fact]
    public void As_of_moves_the_evaluation_instant_and_is_recorded()
    {
        using var temp = new TempFolder();

        var run = CliRun.Invoke("scan", "--demo", "--out", temp.Path, "--format", "json", "--as-of", "2027-06-01");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "scan.json")));
        Assert.StartsWith("2027-06-01T00:00:00", json.RootElement.GetProperty("asOf").GetString());
    }

    [Fact]
    public void Help_lists_every_verb()
    {
        var run = CliRun.Invoke("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var verb in new[] { "scan", "rules", "version" })
            Assert.Contains(verb, run.Output);
    }
}
