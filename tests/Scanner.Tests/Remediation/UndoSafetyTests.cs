using TenantScanner.Cli;
using TenantScanner.Cli.Changes.Journal;
using TenantScanner.Cli.Commands;
using TenantScanner.Cli.Tests.Live;
using TenantScanner.FakeTenant;

namespace TenantScanner.Cli.Tests.Remediation;

/// <summary>Undo works from the journal alone, prints before it sends, and leaves alone a target changed after apply.</summary>
public sealed class UndoSafetyTests
{
    private const string LegacySapBridgeApplication = "f233f82a-0f2c-4024-9695-30e9f05305d2";

    [DemoTenantFact]
    public async Task Without_yes_undo_prints_the_reverse_requests_newest_first_and_sends_nothing()
    {
        await using var workspace = await RemediationWorkspace.StartAsync();
        var journal = await ApplyAsync(workspace, "SP001,PERM002");
        var writesAfterApply = workspace.Writes.Count;

        var dryRun = await workspace.UndoAsync(journal);

        Assert.True(dryRun.ExitCode == ExitCodes.Success, dryRun.Output);
        Assert.Equal(writesAfterApply, workspace.Writes.Count);
        var removeOwner = dryRun.Output.IndexOf($"DELETE https://graph.microsoft.com/v1.0/applications/{LegacySapBridgeApplication}/owners/", StringComparison.Ordinal);
        var restoreRole = dryRun.Output.IndexOf("POST https://graph.microsoft.com/v1.0/roleManagement/directory/roleAssignments {", StringComparison.Ordinal);
        Assert.True(removeOwner >= 0 && restoreRole >= 0, dryRun.Output);
        // Applied in plan order (the roles, then the owners); undone newest first.
        Assert.True(removeOwner < restoreRole, dryRun.Output);
    }

    [DemoTenantFact]
    public async Task A_target_changed_after_apply_is_not_undone_and_undo_says_so()
    {
        await using var workspace = await RemediationWorkspace.StartAsync();
        var journal = await ApplyAsync(workspace, "SP001");
        // Someone adds another owner after the change.
        var change = workspace.Fake.Server.State.Directory.AddOwner(Snapshots.SourceKind.GraphApplications, LegacySapBridgeApplication,
            new FakeRequest("POST", $"https://graph.microsoft.com/v1.0/applications/{LegacySapBridgeApplication}/owners/$ref",
                System.Text.Encoding.UTF8.GetBytes($$"""{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/{{RemediationWorkspace.Priya}}"}""")));
        Assert.Equal(204, change.Status);
        var writesBefore = workspace.Writes.Count;

        var undone = await workspace.UndoAsync(journal, "--yes");

        Assert.True(undone.ExitCode == ExitCodes.ChangesIncomplete, undone.Output);
        Assert.Contains("DRIFTED, not undone", undone.Output, StringComparison.Ordinal);
        Assert.Equal(writesBefore, workspace.Writes.Count);
        Assert.Contains(JournalFile.Read(journal), e => e.Result == JournalResult.UndoDrifted && e.Observed!.ToJsonString().Contains(RemediationWorkspace.Priya, StringComparison.Ordinal));
    }

    private static async Task<string> ApplyAsync(RemediationWorkspace workspace, string only)
    {
        await workspace.ScanAsync("scan");
        var plan = Path.Combine(workspace.Folder, "plan.json");
        var planned = await workspace.RunAsync("plan", "--from", Path.Combine(workspace.Folder, "scan", "scan.json"), "--owners", workspace.WriteOwners(), "--only", only, "--out", plan);
        Assert.True(planned.ExitCode == ExitCodes.Success, planned.Output);
        var applied = await workspace.ApplyAsync(plan, "--yes");
        Assert.True(applied.ExitCode == ExitCodes.Success, applied.Output);
        return ApplyCommand.DefaultJournal(plan);
    }
}
