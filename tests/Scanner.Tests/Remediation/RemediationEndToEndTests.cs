using TenantScanner.Cli;
using TenantScanner.Cli.Changes.Journal;
using TenantScanner.Cli.Changes.Plans;
using TenantScanner.Cli.Commands;
using TenantScanner.Cli.Tests.Live;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Tests.Remediation;

/// <summary>
/// The whole remediation loop from the CLI against the stateful fake demo tenant: scan, plan, apply, re-scan,
/// undo, re-scan. The findings a plan resolves disappear, nothing else changes, and undo brings back every one
/// that can be brought back.
/// </summary>
public sealed class RemediationEndToEndTests
{
    [DemoTenantFact]
    public async Task Apply_removes_exactly_the_planned_findings_and_undo_brings_back_every_reversible_one()
    {
        await using var workspace = await RemediationWorkspace.StartAsync();
        var before = await workspace.ScanAsync("scan-before");
        var plan = Path.Combine(workspace.Folder, "plan.json");
        var planned = await workspace.RunAsync("plan", "--from", Path.Combine(workspace.Folder, "scan-before", "scan.json"),
            "--owners", workspace.WriteOwners(), "--out", plan);
        Assert.True(planned.ExitCode == ExitCodes.Success, planned.Output);
        var automated = PlanFile.Load(plan).Actions.Where(a => !a.IsManual).ToList();
        Assert.Equal(["addOwners", "removeAppRoleAssignment", "removeDelegatedGrant", "removeDirectoryRoleAssignment", "removePassword"],
            automated.Select(a => a.Action).Distinct().Order(StringComparer.Ordinal));

        var applied = await workspace.ApplyAsync(plan, "--yes");

        Assert.True(applied.ExitCode == ExitCodes.Success, applied.Output);
        var after = await workspace.ScanAsync("scan-after");
        var resolved = automated.SelectMany(a => a.Resolves).Select(r => r.Fingerprint).ToHashSet(StringComparer.Ordinal);
        AssertFindings(Fingerprints(before).Except(resolved), after, before, "after apply");

        var journal = ApplyCommand.DefaultJournal(plan);
        var undone = await workspace.UndoAsync(journal, "--yes");

        // The expired secret cannot come back (Graph never returns a secret's value): undo says so and exits 4.
        Assert.True(undone.ExitCode == ExitCodes.ChangesIncomplete, undone.Output);
        Assert.Contains("cannot be undone", undone.Output, StringComparison.Ordinal);
        var irreversible = automated.Where(a => !a.Reversible).SelectMany(a => a.Resolves).Select(r => r.Fingerprint).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(irreversible);
        var restored = await workspace.ScanAsync("scan-restored");
        AssertFindings(Fingerprints(before).Except(irreversible), restored, before, "after undo");
        var entries = JournalFile.Read(journal);
        Assert.All(entries.Where(e => e.Result == JournalResult.Applied), e => Assert.Contains(JwtTokenCredential.AppId, e.Identity, StringComparison.Ordinal));
        Assert.Equal(automated.Count(a => a.Reversible), entries.Count(e => e.Result == JournalResult.Undone));

        // Nothing the commands wrote or printed holds a secret planted in the demo, whole or in part.
        var shown = await workspace.RunAsync("plan", "--show", plan, "--format", "md");
        var written = string.Join("\n", planned.Output, applied.Output, undone.Output, shown.Output, File.ReadAllText(plan), File.ReadAllText(journal));
        var planted = PlantedSecrets.Values();
        Assert.NotEmpty(planted);
        foreach (var secret in planted)
            Reports.SecretAssert.NoFragmentOf(secret, written);
    }

    [DemoTenantFact]
    public async Task Report_with_the_journal_shows_auditors_each_change_its_result_who_made_it_and_when()
    {
        await using var workspace = await RemediationWorkspace.StartAsync();
        var scan = await workspace.ScanAsync("scan");
        var scanJson = Path.Combine(workspace.Folder, "scan", "scan.json");
        var plan = Path.Combine(workspace.Folder, "plan.json");
        Assert.Equal(ExitCodes.Success, (await workspace.RunAsync("plan", "--from", scanJson, "--only", "PERM004,FLOW006", "--out", plan)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await workspace.ApplyAsync(plan, "--yes")).ExitCode);
        var reports = Path.Combine(workspace.Folder, "audit");

        var reported = await workspace.RunAsync("report", "--from", scanJson, "--journal", ApplyCommand.DefaultJournal(plan), "--format", "csv,pdf", "--out", reports);

        Assert.True(reported.ExitCode == ExitCodes.Success, reported.Output);
        var csv = File.ReadAllLines(Path.Combine(reports, "changes-applied.csv"));
        Assert.Equal("time,command,actionId,action,targetType,targetId,targetName,operation,result,detail,identity,resolves", csv[0].TrimStart('\uFEFF'));
        var grant = Assert.Single(csv, l => l.Contains(",removeDelegatedGrant,", StringComparison.Ordinal));
        Assert.Contains(",applied,", grant, StringComparison.Ordinal);
        Assert.Contains(JwtTokenCredential.AppId, grant, StringComparison.Ordinal);
        Assert.Contains(csv, l => l.Contains(",manual,", StringComparison.Ordinal) && l.Contains("FLOW006", StringComparison.Ordinal));
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(Path.Combine(reports, "report.pdf"));
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Changes applied", text, StringComparison.Ordinal);
        Assert.Contains("Revoke the tenant-wide consent", text, StringComparison.Ordinal);
        Assert.Contains(JwtTokenCredential.AppName, text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(workspace.Folder, "scan", "changes-applied.csv")), "without --journal no changes file is written");
        _ = scan;
    }

    private static HashSet<string> Fingerprints(ScanResult result) => [.. result.Findings.Select(f => f.Fingerprint)];

    private static void AssertFindings(IEnumerable<string> expected, ScanResult actual, ScanResult original, string when)
    {
        var expectedSet = expected.ToHashSet(StringComparer.Ordinal);
        var actualSet = Fingerprints(actual);
        string Describe(IEnumerable<string> fingerprints) => string.Join("\n  ", fingerprints.Select(f =>
            actual.Findings.Concat(original.Findings).FirstOrDefault(x => x.Fingerprint == f) is { } finding ? $"{finding.RuleId} {finding.Resource.DisplayName}: {finding.Message}" : f));
        Assert.True(expectedSet.SetEquals(actualSet),
            $"findings {when} differ.\nMissing:\n  {Describe(expectedSet.Except(actualSet))}\nUnexpected:\n  {Describe(actualSet.Except(expectedSet))}");
    }
}
