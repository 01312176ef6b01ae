using TenantScanner.Cli;
using System.Text.Json.Nodes;
using TenantScanner.Cli.Changes.Plans;
using TenantScanner.Cli.Commands;
using TenantScanner.Cli.Reports;

namespace TenantScanner.Cli.Tests.Remediation;

/// <summary>
/// <c>scanner plan</c> from a saved demo scan: reads only the files, takes owners only from owners.yaml (saying which
/// line chose them), lists every open finding, and seals the plan so an edit is refused.
/// </summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _scan;

    public PlanCommandTests()
    {
        var scanned = CliRun.Invoke("scan", "--demo", "--as-of", "2026-11-20T02:00:00Z", "--format", "json", "--out", Path.Combine(_folder.Path, "scan"));
        Assert.True(scanned.ExitCode == ExitCodes.Success, scanned.Error);
        _scan = Path.Combine(_folder.Path, "scan", "scan.json");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Owners_come_from_the_first_matching_line_of_owners_yaml_and_the_plan_names_that_line()
    {
        var owners = _folder.Write("owners.yaml", """
            owners:
              - tag: "no-such-tag*"
                owners: [{ id: 00b90897-e79d-49ca-8256-4ea53a14103a, name: Priya Raman }]
              - name: "legacy sap*"
                owners:
                  - { id: 57b19ce8-71ba-4fd9-8c5e-212aa25a08cb, name: Astrid Lindqvist }
                  - { id: c3b235ea-11b9-4035-b406-d8c39094a0a7, name: Oliver Bennett }
            fallback:
              owners: [{ id: 33e38cda-0d54-4884-8d74-dd0d4c3a86a6, name: David Cohen }]
            """);

        var plan = Plan("--owners", owners);

        var legacy = Assert.Single(plan.Actions, a => a.Action == "addOwners" && a.Target.DisplayName == "Legacy SAP Bridge");
        Assert.Equal("application", legacy.Target.Type);
        Assert.Equal("owners.yaml line 4 (name 'legacy sap*')", legacy.ChosenBy);
        Assert.Equal("""{"owners":[]}""", legacy.Before!.ToJsonString());
        Assert.Equal("""{"owners":["57b19ce8-71ba-4fd9-8c5e-212aa25a08cb","c3b235ea-11b9-4035-b406-d8c39094a0a7"]}""", legacy.After!.ToJsonString());
        Assert.Equal("SP001", Assert.Single(legacy.Resolves).RuleId);
        Assert.All(plan.Actions.Where(a => a.Action == "addOwners" && a != legacy), a => Assert.Equal("owners.yaml line 8 (fallback)", a.ChosenBy));
    }

    [Fact]
    public void Without_an_owners_file_ownerless_apps_become_manual_actions_saying_owners_are_never_guessed()
    {
        var plan = Plan();

        Assert.DoesNotContain(plan.Actions, a => a.Action == "addOwners");
        var sp001 = Assert.Single(plan.Actions, a => a.Resolves.Any(r => r.RuleId == "SP001"));
        Assert.True(sp001.IsManual);
        Assert.Contains("never by guessing", sp001.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plan_is_the_whole_to_do_list_every_open_finding_is_resolved_by_an_action()
    {
        var scan = ScanResultFile.Load(_scan, "scan");

        var plan = Plan();

        var resolved = plan.Actions.SelectMany(a => a.Resolves).Select(r => r.Fingerprint).ToHashSet(StringComparer.Ordinal);
        Assert.All(scan.Findings.Where(f => f.Status == Rules.Findings.FindingStatus.Open), f => Assert.Contains(f.Fingerprint, resolved));
        Assert.All(plan.Actions.Where(a => a.IsManual), a => Assert.False(string.IsNullOrWhiteSpace(a.Reason)));
        var sharePoint = plan.Actions.First(a => a.Resolves.Any(r => r.RuleId == "FLOW001"));
        Assert.Contains("licensed service account", sharePoint.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_limits_the_plan_to_the_named_rules_and_an_unknown_rule_is_refused()
    {
        var plan = Plan("--only", "PERM002,cred001");
        var refused = CliRun.Invoke("plan", "--from", _scan, "--only", "PERM999", "--out", Path.Combine(_folder.Path, "x.json"));

        Assert.All(plan.Actions, a => Assert.Contains(a.Resolves, r => r.RuleId is "PERM002" or "CRED001"));
        Assert.Equal(["CRED001", "PERM002"], plan.Source.Only.Order(StringComparer.Ordinal));
        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("PERM999 is not a rule of this scan", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_a_secret_also_resolves_the_other_findings_about_it_instead_of_listing_them_to_do()
    {
        var plan = Plan();

        var removal = Assert.Single(plan.Actions, a => a.Action == "removePassword");
        Assert.Equal(["CRED001", "CRED003", "CRED005"], removal.Resolves.Select(r => r.RuleId).Order(StringComparer.Ordinal));
        Assert.False(removal.Reversible);
        Assert.DoesNotContain(plan.Actions, a => a.IsManual && a.Resolves.Any(r => removal.Resolves.Contains(r)));
    }

    [Fact]
    public void The_plan_records_the_scan_and_snapshot_hashes_and_an_edited_plan_is_refused_with_a_clear_error()
    {
        var path = Path.Combine(_folder.Path, "plan.json");
        Assert.Equal(ExitCodes.Success, CliRun.Invoke("plan", "--from", _scan, "--out", path).ExitCode);
        var plan = PlanFile.Load(path);
        Assert.Equal(64, plan.Source.ScanSha256!.Length);
        Assert.Equal(ScanResultFile.Load(_scan, "scan").SnapshotSha256, plan.Source.SnapshotSha256);
        Assert.StartsWith("sha256:", plan.Seal, StringComparison.Ordinal);

        File.WriteAllText(path, JsonNode.Parse(File.ReadAllText(path))!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        Assert.Equal(plan.Seal, PlanFile.Load(path).Seal);
        File.WriteAllText(path, File.ReadAllText(path).Replace("Legacy SAP Bridge", "Legacy SAP Bridgf", StringComparison.Ordinal));
        var shown = CliRun.Invoke("plan", "--show", path);
        File.WriteAllText(path, "{ \"schemaVersion\": \"1.0\", ");
        var corrupt = CliRun.Invoke("plan", "--show", path);

        Assert.Equal(ExitCodes.BadInput, shown.ExitCode);
        Assert.Contains("changed after it was made", shown.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, corrupt.ExitCode);
        Assert.Contains("not a valid plan", corrupt.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_as_markdown_is_a_change_request_listing_each_change_and_the_manual_to_dos()
    {
        var path = Path.Combine(_folder.Path, "plan.json");
        Assert.Equal(ExitCodes.Success, CliRun.Invoke("plan", "--from", _scan, "--out", path).ExitCode);

        var shown = CliRun.Invoke("plan", "--show", path, "--format", "md");

        Assert.Equal(ExitCodes.Success, shown.ExitCode);
        Assert.StartsWith("# Change request", shown.Output, StringComparison.Ordinal);
        Assert.Contains("## Automated changes", shown.Output, StringComparison.Ordinal);
        Assert.Contains("| **no** |", shown.Output, StringComparison.Ordinal);
        Assert.Contains("## Manual actions", shown.Output, StringComparison.Ordinal);
        Assert.Contains("Sends: `DELETE https://graph.microsoft.com/v1.0/roleManagement/directory/roleAssignments/", shown.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("owners:\n  - name: x\n    owners: [{ id: not-a-guid }]\n", "owners.yaml(3,14)", "is not an object id")]
    [InlineData("owners:\n  - name: x\n    tag: y\n    owners: [{ id: 57b19ce8-71ba-4fd9-8c5e-212aa25a08cb }]\n", "owners.yaml(2,5)", "exactly one of tag, name, environment")]
    [InlineData("owner:\n  - name: x\n", "owners.yaml(1,1)", "unknown key 'owner'")]
    public void A_bad_owners_file_is_refused_naming_the_line(string content, string where, string message)
    {
        var owners = _folder.Write("owners.yaml", content);

        var run = CliRun.Invoke("plan", "--from", _scan, "--owners", owners, "--out", Path.Combine(_folder.Path, "plan.json"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(where, run.Error, StringComparison.Ordinal);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "plan.json")));
    }

    private ChangePlan Plan(params string[] options)
    {
        var path = Path.Combine(_folder.Path, $"plan-{Guid.NewGuid():N}.json");
        var run = CliRun.Invoke(["plan", "--from", _scan, "--out", path, .. options]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        return PlanFile.Load(path);
    }
}
