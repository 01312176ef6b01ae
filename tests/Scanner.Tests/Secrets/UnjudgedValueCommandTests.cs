using TenantScanner.Cli;
using System.Text.Json;
using TenantScanner.Cli.Commands;
using TenantScanner.Cli.Secrets;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.FlowDefinitions;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.Cli.Tests.Secrets;

/// <summary>
/// A value a detector's regex times out on is reported as not judged, in every output format, with its place and
/// detector and never its text, and keeps the exit code from saying "clean". The two command runs wait out the
/// real 2 s regex timeout (the public catalog API has no shorter one); the console test renders a result directly.
/// </summary>
public sealed class UnjudgedValueCommandTests
{
    // A nested quantifier the regex engine cannot simplify: exponential backtracking on words ending with '!'.
    private const string Patterns = """
        version: 1
        patterns:
          - id: backtracking
            secretType: Slow
            keywords: ["word"]
            regex: '(\w+\s?)*$'
            confidence: high
          - id: acme-token
            secretType: AcmeToken
            keywords: ["acme_"]
            regex: 'acme_[a-z0-9]{20}'
            confidence: high
        """;

    private const string AcmeToken = "acme_k3j5h7g2f4d6s3a2q4w6";

    /// <summary>Thirty words and a '!': the backtracking pattern cannot finish on it within 2 s.</summary>
    private static readonly string SlowText = string.Concat(Enumerable.Repeat("word ", 30)) + "!";

    [Fact]
    public void Unjudged_values_without_a_secret_exit_two_and_json_names_file_line_pointer_and_detector()
    {
        using var folder = new TempFolder();
        var patterns = folder.Write("patterns.yaml", Patterns);
        folder.Write("flows/notes.json", "{\n  \"note\": \"" + SlowText + "\"\n}\n");
        folder.Write("solution/customizations.xml", "<ImportExportXml>\n<description>" + SlowText + "</description>\n</ImportExportXml>\n");

        var run = CliRun.Invoke("secrets", Path.Combine(folder.Path, "flows"), Path.Combine(folder.Path, "solution"), "--patterns", patterns, "--format", "json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        Assert.Empty(report.RootElement.GetProperty("findings").EnumerateArray());
        var unjudged = report.RootElement.GetProperty("unjudged").EnumerateArray().ToList();
        Assert.Equal(2, unjudged.Count);
        var json = Assert.Single(unjudged, u => u.GetProperty("file").GetString()!.EndsWith("notes.json", StringComparison.Ordinal));
        Assert.Equal((2, 11, "/note", "backtracking"),
            (json.GetProperty("line").GetInt32(), json.GetProperty("column").GetInt32(), json.GetProperty("jsonPointer").GetString(), json.GetProperty("detector").GetString()));
        var xml = Assert.Single(unjudged, u => u.GetProperty("file").GetString()!.EndsWith("customizations.xml", StringComparison.Ordinal));
        Assert.Equal((2, "/ImportExportXml/description", "backtracking"),
            (xml.GetProperty("line").GetInt32(), xml.GetProperty("jsonPointer").GetString(), xml.GetProperty("detector").GetString()));
        Assert.Contains("notes.json:2:11: value at /note was not fully judged: detector backtracking timed out (2 s)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("word word", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_beside_an_unjudged_value_exits_one_and_sarif_reports_both()
    {
        using var folder = new TempFolder();
        var patterns = folder.Write("patterns.yaml", Patterns);
        var file = folder.Write("flow.json", "{\n  \"a\": \"" + AcmeToken + "\",\n  \"b\": \"" + SlowText + "\"\n}\n");

        var run = CliRun.Invoke("secrets", file, "--patterns", patterns, "--format", "sarif");

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        using var sarif = JsonDocument.Parse(run.Output);
        var sarifRun = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("acme-token", Assert.Single(sarifRun.GetProperty("results").EnumerateArray()).GetProperty("ruleId").GetString());
        var invocation = sarifRun.GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("warning", notification.GetProperty("level").GetString());
        Assert.EndsWith("flow.json:3:8: value at /b was not fully judged: detector backtracking timed out (2 s)", notification.GetProperty("message").GetProperty("text").GetString());
        var location = notification.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("flow.json", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal((3, 8), (location.GetProperty("region").GetProperty("startLine").GetInt32(), location.GetProperty("region").GetProperty("startColumn").GetInt32()));
        Assert.Equal("backtracking", notification.GetProperty("associatedRule").GetProperty("id").GetString());
        Assert.Equal("/b", notification.GetProperty("properties").GetProperty("jsonPointer").GetString());
        Assert.Contains("flow.json:3:8: value at /b was not fully judged", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("word word", run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(AcmeToken, run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Console_footer_lists_each_unjudged_value_like_a_file_problem_and_the_summary_counts_them()
    {
        var input = new SecretScanInput("flows/notes.json", SecretInputFormat.Json, () => []);
        var result = new SecretScanResult([], [],
            [new SecretUnjudgedValue(input, new UnjudgedValue("/note", 2, 11, "backtracking"), TimeSpan.FromSeconds(2))],
            DocumentsScanned: 1, SecretPatternCatalog.Parse(Patterns, "patterns.yaml"));

        var text = ConsoleSecretWriter.Render(result);

        Assert.Contains("warning: flows/notes.json:2:11: value at /note was not fully judged: detector backtracking timed out (2 s)", text, StringComparison.Ordinal);
        Assert.Contains("No secrets found in 1 document(s); 1 value(s) not fully judged.", text, StringComparison.Ordinal);
        Assert.False(result.Complete);
    }
}
