using TenantScanner.Cli;
using System.IO.Compression;
using System.Text.Json;
using TenantScanner.Cli.Commands;

namespace TenantScanner.Cli.Tests.Secrets;

public sealed class SecretsCommandTests
{
    private const string GitHubToken = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
    private const string FlowWithSecret = "{\n  \"definition\": {\n    \"actions\": {\n      \"Call\": {\n        \"inputs\": { \"headers\": { \"Authorization\": \"token " + GitHubToken + "\" } }\n      }\n    }\n  }\n}\n";
    private const string CleanFlow = "{\"definition\":{\"actions\":{\"Compose\":{\"type\":\"Compose\",\"inputs\":\"@parameters('apiKey')\"}}}}";

    [Fact]
    public void Clean_files_exit_zero_and_say_nothing_was_found()
    {
        using var folder = new TempFolder();
        folder.Write("flows/clean.json", CleanFlow);

        var run = CliRun.Invoke("secrets", folder.Path);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("No secrets found in 1 document(s).", run.Output);
    }

    [Fact]
    public void Found_secret_exits_one_and_the_console_table_shows_location_type_preview_and_fingerprint()
    {
        using var folder = new TempFolder();
        var file = folder.Write("flow.json", FlowWithSecret);

        var run = CliRun.Invoke("secrets", file);

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Contains("5:51", run.Output);
        Assert.Contains("/definition/actions/Call/inputs/headers/Authorization", run.Output);
        Assert.Contains("GitHubToken", run.Output);
        Assert.Contains("ghp_… (40 chars)", run.Output);
        Assert.DoesNotContain(GitHubToken, run.Output);
    }

    [Fact]
    public void Json_format_lists_file_line_column_pointer_type_preview_and_fingerprint()
    {
        using var folder = new TempFolder();
        var file = folder.Write("flow.json", FlowWithSecret);

        var run = CliRun.Invoke("secrets", file, "--format", "json");

        using var report = JsonDocument.Parse(run.Output);
        var finding = Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray());
        Assert.EndsWith("flow.json", finding.GetProperty("file").GetString());
        Assert.Equal(5, finding.GetProperty("line").GetInt32());
        Assert.Equal(51, finding.GetProperty("column").GetInt32());
        Assert.Equal("GitHubToken", finding.GetProperty("secretType").GetString());
        Assert.StartsWith("sha256:", finding.GetProperty("fingerprint").GetString());
    }

    [Fact]
    public void Sarif_output_has_rules_results_regions_and_partial_fingerprints_and_is_written_atomically_with_out()
    {
        using var folder = new TempFolder();
        var file = folder.Write("flow.json", FlowWithSecret);
        var sarifPath = Path.Combine(folder.Path, "reports", "secrets.sarif");

        var run = CliRun.Invoke("secrets", file, "--format", "sarif", "--out", sarifPath);

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(sarifPath)!, "*.tmp"));
        using var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var sarifRun = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray());
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var result = Assert.Single(sarifRun.GetProperty("results").EnumerateArray());
        var ruleId = result.GetProperty("ruleId").GetString();
        var rule = rules[result.GetProperty("ruleIndex").GetInt32()];
        Assert.Equal(ruleId, rule.GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
        Assert.StartsWith("https://", rule.GetProperty("helpUri").GetString());
        Assert.Equal("error", result.GetProperty("level").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("flow.json", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(5, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(51, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.True(result.GetProperty("partialFingerprints").EnumerateObject().Any());
    }

    [Fact]
    public void Solution_zip_is_read_in_memory_and_locations_name_the_entry()
    {
        using var folder = new TempFolder();
        var zipPath = Path.Combine(folder.Path, "solution.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            Add(zip, "Workflows/Sync-Orders-1A2B.json", FlowWithSecret);
            Add(zip, "environmentvariabledefinitions/contoso_ErpPassword/environmentvariabledefinition.xml",
                "<environmentvariabledefinition schemaname=\"contoso_ErpPassword\"><defaultvalue>Wq7!zR2pLm9Kx4Tb</defaultvalue><type>100000000</type></environmentvariabledefinition>");
            Add(zip, "environmentvariabledefinitions/contoso_Region/environmentvariabledefinition.xml",
                "<environmentvariabledefinition schemaname=\"contoso_Region\"><defaultvalue>westeurope-primary-01</defaultvalue></environmentvariabledefinition>");
            Add(zip, "environmentvariabledefinitions/contoso_SmtpSecret/environmentvariablevalues.json",
                "{\"environmentvariablevalues\":{\"environmentvariablevalue\":{\"@schemaname\":\"contoso_SmtpSecret\",\"value\":\"Hq4!nV8pZx2Lr6Tw\"}}}");
        }

        var run = CliRun.Invoke("secrets", zipPath, "--format", "json");

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        var files = report.RootElement.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("file").GetString()!, f.GetProperty("secretType").GetString())).ToList();
        Assert.Equal(3, files.Count);
        Assert.Contains(files, f => f.Item1.EndsWith("solution.zip!/environmentvariabledefinitions/contoso_SmtpSecret/environmentvariablevalues.json", StringComparison.Ordinal) && f.Item2 == "GenericSecret");
        Assert.Contains(files, f => f.Item1.EndsWith("solution.zip!/Workflows/Sync-Orders-1A2B.json", StringComparison.Ordinal) && f.Item2 == "GitHubToken");
        Assert.Contains(files, f => f.Item1.EndsWith("solution.zip!/environmentvariabledefinitions/contoso_ErpPassword/environmentvariabledefinition.xml", StringComparison.Ordinal) && f.Item2 == "GenericSecret");
    }

    [Fact]
    public void Sarif_result_for_a_zip_entry_points_at_line_one_of_the_zip_and_names_the_entry()
    {
        using var folder = new TempFolder();
        var zipPath = Path.Combine(folder.Path, "solution.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
            Add(zip, "Workflows/Flow.json", FlowWithSecret);

        var run = CliRun.Invoke("secrets", zipPath, "--format", "sarif");

        using var sarif = JsonDocument.Parse(run.Output);
        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("solution.zip", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(1, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("Workflows/Flow.json", result.GetProperty("properties").GetProperty("archiveEntry").GetString());
    }

    [Fact]
    public void Malformed_file_is_reported_with_its_position_its_strings_are_still_judged_and_the_other_files_scanned()
    {
        using var folder = new TempFolder();
        folder.Write("a-broken.json", "{\n  \"k\": \"" + GitHubToken + "\",\n  \"x\": " + GitHubToken + "\n}");
        folder.Write("b-good.json", FlowWithSecret);

        var run = CliRun.Invoke("secrets", folder.Path, "--format", "json");

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        var error = Assert.Single(report.RootElement.GetProperty("errors").EnumerateArray());
        Assert.EndsWith("a-broken.json", error.GetProperty("file").GetString());
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Contains("every string in the file was still judged", error.GetProperty("message").GetString());
        var findings = report.RootElement.GetProperty("findings").EnumerateArray().Select(f => (Path.GetFileName(f.GetProperty("file").GetString()), f.GetProperty("jsonPointer").GetString())).ToList();
        Assert.Equal([("a-broken.json", "/k"), ("b-good.json", "/definition/actions/Call/inputs/headers/Authorization")], findings);
        Assert.Contains("a-broken.json:3:", run.Error);
        Assert.DoesNotContain(GitHubToken, run.Output + run.Error);
    }

    [Fact]
    public void Malformed_xml_holding_a_secret_is_reported_by_position_only()
    {
        using var folder = new TempFolder();
        var file = folder.Write("customizations.xml", "<ImportExportXml>\n<connectionreference password=\"" + GitHubToken + "\">\n<" + GitHubToken + " =>\n</ImportExportXml>");

        var run = CliRun.Invoke("secrets", file, "--format", "json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("customizations.xml:3:", run.Error);
        Assert.DoesNotContain("ghp_", run.Output + run.Error);
    }

    [Fact]
    public void Only_errors_and_no_secrets_exit_with_bad_input()
    {
        using var folder = new TempFolder();
        folder.Write("broken.json", "{\"a\": ");
        folder.Write("clean.json", CleanFlow);

        var run = CliRun.Invoke("secrets", folder.Path, Path.Combine(folder.Path, "missing.json"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("missing.json: no such file or folder", run.Output);
        Assert.Contains("broken.json:1:", run.Output);
    }

    [Fact]
    public void Bad_patterns_file_exits_with_bad_input_naming_file_line_and_column()
    {
        using var folder = new TempFolder();
        var patterns = folder.Write("patterns.yaml", "version: 1\npatterns:\n  - id: x\n    secretType: X\n    keywords: [a]\n    confidence: high\n    regex: '(['\n");
        var file = folder.Write("flow.json", CleanFlow);

        var run = CliRun.Invoke("secrets", file, "--patterns", patterns);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("patterns.yaml:7:12: pattern 'x': invalid regex", run.Error);
    }

    [Fact]
    public void Custom_patterns_file_replaces_the_built_in_catalog()
    {
        using var folder = new TempFolder();
        var patterns = folder.Write("patterns.yaml", "version: 1\npatterns:\n  - id: contoso-key\n    secretType: ContosoKey\n    keywords: [ctso_]\n    regex: 'ctso_[a-z0-9]{20}'\n    confidence: high\n");
        var file = folder.Write("flow.json", "{\"a\":\"ctso_abcdefghij0123456789\",\"b\":\"" + GitHubToken + "\"}");

        var run = CliRun.Invoke("secrets", file, "--patterns", patterns, "--format", "json");

        using var report = JsonDocument.Parse(run.Output);
        var finding = Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("ContosoKey", finding.GetProperty("secretType").GetString());
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(content);
    }
}
