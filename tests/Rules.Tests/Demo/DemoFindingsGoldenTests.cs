using System.Text;
using System.Text.RegularExpressions;
using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Scanning;
using TenantScanner.Rules.Suppressions;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Views;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.Inventory;
using TenantScanner.Rules.Detectors;

namespace TenantScanner.Tests.Demo;

/// <summary>
/// Pins every finding of the demo tenant for the rules the golden file lists. The golden file was reviewed line by
/// line against samples/README.md and samples/demo-tenant-expected.md; a change to a rule, the loader or the
/// generator that moves a finding shows up here as a diff to review, not as a silent change in the demo. A rule
/// added to the catalog is not pinned until the golden file is regenerated (planting it in the demo is optional),
/// so adding a rule stays three files: its rules.yaml entry, its docs page and its fixture.
/// </summary>
public sealed class DemoFindingsGoldenTests
{
    private const string UpdateVariable = "UPDATE_GOLDEN";

    [Fact]
    public void Demo_scan_matches_the_reviewed_golden_findings()
    {
        var path = DemoScan.GoldenPath;
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, DemoScan.Render(DemoScan.Result), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return;
        }

        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        var actual = DemoScan.Render(DemoScan.Result, PinnedRules(expected));
        Assert.True(expected == actual,
            "The demo scan no longer matches tests/Rules.Tests/Demo/demo-findings.golden.txt.\n"
            + LineDiff.Describe(expected, actual)
            + $"\nIf the change is intended, regenerate with `{UpdateVariable}=1 dotnet test tests/Rules.Tests --filter DemoFindingsGoldenTests`,"
            + " then review every changed line against samples/README.md before committing.");
    }

    [Fact]
    public void Every_outcome_planted_in_the_demo_is_what_the_engine_reports()
    {
        var catalogRules = DemoScan.Result.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var rows = ExpectedRows().Where(r => catalogRules.Contains(r.RuleId)).ToList();
        Assert.NotEmpty(rows);

        var wrong = new List<string>();
        foreach (var row in rows)
        {
            var findings = DemoScan.Result.Findings.Count(f => f.RuleId == row.RuleId && f.Resource.DisplayName == row.DisplayName
                && (row.Environment.Length == 0 || f.Resource.EnvironmentName == row.Environment));
            var shouldFail = row.Outcome == "Fail";
            if (shouldFail != findings > 0)
                wrong.Add($"{row.RuleId} '{row.DisplayName}' [{row.Environment}]: expected {row.Outcome} ({row.Why}), got {findings} finding(s)");
        }
        Assert.True(wrong.Count == 0, "demo-tenant-expected.md disagrees with the scan:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Every_rule_the_demo_plants_fails_and_passes_at_least_once_on_the_demo()
    {
        var planted = ExpectedRows().Select(r => r.RuleId).ToHashSet(StringComparer.Ordinal);
        var rules = DemoScan.Result.Rules.Where(r => planted.Contains(r.Id)).ToList();
        Assert.Equal(RuleCatalog.LoadDefault(DetectorSet.BuiltIn).Rules.Count(r => planted.Contains(r.Id)), rules.Count);
        Assert.NotEmpty(rules);
        var untested = rules.Where(r => r.Failed == 0 || r.Passed == 0).Select(r => $"{r.Id} passed {r.Passed} failed {r.Failed}").ToList();
        Assert.True(untested.Count == 0, "rules the demo does not exercise both ways: " + string.Join(", ", untested));
    }

    [Fact]
    public void Every_rule_the_golden_file_pins_is_in_the_catalog()
    {
        var pinned = PinnedRules(File.ReadAllText(DemoScan.GoldenPath).ReplaceLineEndings("\n"));
        Assert.NotEmpty(pinned);
        Assert.Empty(pinned.Except(DemoScan.Result.Rules.Select(r => r.Id)));
    }

    /// <summary>The rule ids of the golden file's "# ruleId passed failed inconclusive" section.</summary>
    private static HashSet<string> PinnedRules(string golden) =>
        golden.Split("\n# ruleId passed failed inconclusive\n") is [_, var section, ..]
            ? [.. section.Split('\n').TakeWhile(l => l.Length > 0).Select(l => l.Split(' ')[0])]
            : [];

    [Fact]
    public void No_ownership_or_credential_finding_on_microsoft_managed_identity_or_other_tenants_apps()
    {
        var notOurs = DemoScan.Snapshot.Inventory.ServicePrincipals
            .Where(sp => sp.Classification is ServicePrincipalClass.MicrosoftFirstParty or ServicePrincipalClass.ManagedIdentity or ServicePrincipalClass.ExternalMultiTenant)
            .ToList();
        // The demo must contain each kind, or this test would pass vacuously.
        Assert.Contains(notOurs, sp => sp.Classification == ServicePrincipalClass.MicrosoftFirstParty);
        Assert.Contains(notOurs, sp => sp.Classification == ServicePrincipalClass.ManagedIdentity);
        Assert.Contains(notOurs, sp => sp.Classification == ServicePrincipalClass.ExternalMultiTenant);
        var ids = notOurs.SelectMany(sp => new[] { sp.Id, sp.AppId }).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var flagged = DemoScan.Result.Findings
            .Where(f => f.RuleId.StartsWith("SP", StringComparison.Ordinal) || f.RuleId.StartsWith("CRED", StringComparison.Ordinal))
            .Where(f => ids.Contains(f.Resource.Id))
            .Select(f => $"{f.RuleId} {f.Resource.DisplayName}")
            .ToList();
        Assert.True(flagged.Count == 0, "ownership/credential findings on service principals the tenant does not own: " + string.Join(", ", flagged));
    }

    [Fact]
    public void Demo_scan_reads_every_source_and_decides_every_check()
    {
        var result = DemoScan.Result;
        Assert.False(result.Incomplete);
        Assert.Empty(result.Coverage);
        Assert.Empty(result.Inconclusive);
        Assert.All(result.Rules, r => Assert.Equal(0, r.Inconclusive));
    }

    [Fact]
    public void Every_demo_finding_message_names_its_resource()
    {
        var unnamed = DemoScan.Result.Findings.Where(f => !f.Message.Contains(f.Resource.DisplayName, StringComparison.Ordinal))
            .Select(f => $"{f.RuleId}: {f.Message}").ToList();
        Assert.True(unnamed.Count == 0, "messages that do not name their resource:\n" + string.Join("\n", unnamed));
    }

    private sealed record ExpectedRow(string RuleId, string DisplayName, string Environment, string Outcome, string Why);

    private static IEnumerable<ExpectedRow> ExpectedRows()
    {
        var path = Path.Combine(DemoScan.RepositoryRoot(), "samples", "demo-tenant-expected.md");
        var row = new Regex(@"^\| (?<rule>[A-Z]+\d{3}) \| (?<name>.*?) \| .*? \| (?<env>.*?) \| (?<outcome>Fail|Pass|Not flagged) \| (?<why>.*) \|$");
        foreach (var line in File.ReadLines(path))
        {
            var match = row.Match(line);
            if (match.Success)
                yield return new ExpectedRow(match.Groups["rule"].Value, match.Groups["name"].Value, match.Groups["env"].Value.Trim(), match.Groups["outcome"].Value, match.Groups["why"].Value);
        }
    }
}
