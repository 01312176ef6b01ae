using TenantScanner.Cli;
using System.Text.Json.Nodes;
using TenantScanner.Cli.Changes.Journal;
using TenantScanner.Cli.Changes.Plans;
using TenantScanner.Cli.Commands;
using TenantScanner.Cli.Tests.Live;
using TenantScanner.FakeTenant;

namespace TenantScanner.Cli.Tests.Remediation;

/// <summary>
/// What makes apply safe to run: a dry run sends nothing, a target changed after planning is skipped, an interrupted
/// run continues without repeating a write, a lost response is confirmed by reading instead of sending again, and
/// an edited plan or a plan for another tenant is refused before anything is written.
/// </summary>
public sealed class ApplySafetyTests
{
    private const string LegacySapBridgeApplication = "f233f82a-0f2c-4024-9695-30e9f05305d2";

    [DemoTenantFact]
    public async Task Without_yes_apply_prints_every_request_it_would_send_and_sends_nothing()
    {
        await using var workspace = await RemediationWorkspace.StartAsync();
        var plan = await PlanAsync(workspace);

        var dryRun = await workspace.ApplyAsync(plan);

        Assert.True(dryRun.ExitCode == ExitCodes.Success, dryRun.Output);
        Assert.Contains($"POST https://graph.microsoft.com/v1.0/applications/{LegacySapBridgeApplication}/owners/$ref {{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/{RemediationWorkspace.Astrid}\"}}",
            dryRun.Output, StringComparison.Ordinal);
        Assert.Contains($"POST https://graph.microsoft.com/v1.0/applications/{LegacySapBridgeApplication}/removePassword {{\"keyId\":\"ebbb0794-f8fc-4d97-824e-18edbf6acf9d\"}}",
            dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("DELETE https://graph.microsoft.com/v1.0/oauth2PermissionGrants/", dryRun.Output, StringComparison.Ordinal);
        Assert.Empty(workspace.Writes);
        Assert.False(File.Exists(ApplyCommand.DefaultJournal(plan)), "a dry run writes no journal");
    }

    [DemoTenantFact]
    public async Task A_target_changed_after_planning_is_skipped_as_drifted_and_the_rest_is_applied()
    {
        await using var workspace = await RemediationWorkspace.StartAsync();
        var plan = await PlanAsync(workspace);
        // Someone adds an owner to Legacy SAP Bridge between review and apply.
        var change = workspace.Fake.Server.State.Directory.AddOwner(SourceKind(), LegacySapBridgeApplication,
            new FakeRequest("POST", $"https://graph.microsoft.com/v1.0/applications/{LegacySapBridgeApplication}/owners/$ref",
                System.Text.Encoding.UTF8.GetBytes($$"""{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/{{RemediationWorkspace.Priya}}"}""")));
        Assert.Equal(204, change.Status);

        var applied = await workspace.ApplyAsync(plan, "--yes");

        Assert.True(applied.ExitCode == ExitCodes.ChangesIncomplete, applied.Output);
        Assert.Contains("DRIFTED", applied.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(workspace.Writes, w => w.PathAndQuery.Contains($"/applications/{LegacySapBridgeApplication}/owners", StringComparison.Ordinal));
        var entries = JournalFile.Read(ApplyCommand.DefaultJournal(plan));
        var drifted = Assert.Single(entries, e => e.Result == JournalResult.Drifted);
        Assert.Equal(LegacySapBridgeApplication, drifted.Target!.Id);
        Assert.Contains(RemediationWorkspace.Priya, drifted.Observed!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(PlanFile.Load(plan).Actions.Count(a => !a.IsManual) - 1, entries.Count(e => e.Result == JournalResult.Applied));
    }

    [DemoTenantFact]
    public async Task An_apply_stopped_after_a_write_continues_on_the_next_run_without_sending_any_write_twice()
    {
        await using var workspace = await RemediationWorkspace.StartAsync();
        var plan = await PlanAsync(workspace);
        using var crash = new CancellationTokenSource();
        var writes = 0;
        // The third write takes effect in the tenant, then the process stops before it can journal the result.
        workspace.Fake.Server.State.AfterWrite = _ => { if (Interlocked.Increment(ref writes) == 3) crash.Cancel(); };

        var stopped = await workspace.RunAsync(crash.Token, "apply", plan, "--tenant", "contoso.onmicrosoft.com", "--config", workspace.Config, "--yes");
        workspace.Fake.Server.State.AfterWrite = null;
        var resumed = await workspace.ApplyAsync(plan, "--yes");

        Assert.True(stopped.ExitCode == ExitCodes.InternalError, stopped.Output);
        Assert.True(resumed.ExitCode == ExitCodes.Success, resumed.Output);
        Assert.Contains("done in an earlier run", resumed.Output, StringComparison.Ordinal);
        var sent = workspace.Writes.Select(w => w.Write).ToList();
        Assert.Equal(sent.Distinct().Count(), sent.Count);
        var automated = PlanFile.Load(plan).Actions.Where(a => !a.IsManual).ToList();
        Assert.Equal(automated.Sum(a => Changes.ChangeActions.Find(a.Action)!.Describe(a).Count), sent.Count);
        var entries = JournalFile.Read(ApplyCommand.DefaultJournal(plan));
        Assert.Contains(entries, e => e.Result == JournalResult.Applied && e.Detail!.Contains("interrupted", StringComparison.Ordinal));
        Assert.Equal(automated.Count, entries.Where(e => e.Result == JournalResult.Applied).Select(e => e.ActionId).Distinct().Count());
    }

    [DemoTenantFact]
    public async Task Writes_whose_answer_was_lost_or_refused_for_now_are_checked_by_reading_and_never_made_twice()
    {
        var faults = new FaultOptions { WriteFaults = new Dictionary<int, FaultKind> { [1] = FaultKind.DropConnection, [2] = FaultKind.Unavailable503, [4] = FaultKind.Throttle429, [5] = FaultKind.TruncatedBody }, RetryAfterSeconds = 0.01 };
        await using var workspace = await RemediationWorkspace.StartAsync(faults);
        var plan = await PlanAsync(workspace);

        var applied = await workspace.ApplyAsync(plan, "--yes");

        Assert.True(applied.ExitCode == ExitCodes.Success, applied.Output);
        Assert.Contains("reading the target shows the change was made; not sent again", applied.Output, StringComparison.Ordinal);
        Assert.Contains("reading the target shows it did not happen", applied.Output, StringComparison.Ordinal);
        // A write counts as made when the fake performed it: 2xx, or a connection dropped after performing it.
        var made = workspace.Writes.Where(w => w.Status is 0 or (>= 200 and < 300)).GroupBy(w => w.Write).ToList();
        Assert.All(made, g => Assert.True(g.Count() == 1, $"{g.Key} was made {g.Count()} times"));
        Assert.Contains(workspace.Writes, w => w.Status == 503);
        Assert.Contains(workspace.Writes, w => w.Status == 0);
    }

    [DemoTenantFact]
    public async Task A_plan_edited_after_review_is_refused_before_anything_is_sent()
    {
        await using var workspace = await RemediationWorkspace.StartAsync();
        var plan = await PlanAsync(workspace);
        var json = JsonNode.Parse(File.ReadAllText(plan))!;
        json["actions"]!.AsArray().First(a => a!["action"]!.GetValue<string>() == "addOwners")!["target"]!["id"] = "00000000-0000-0000-0000-000000000001";
        File.WriteAllText(plan, json.ToJsonString());
        var requestsBefore = workspace.Fake.Server.Requests.All.Count;

        var applied = await workspace.ApplyAsync(plan, "--yes");

        Assert.Equal(ExitCodes.BadInput, applied.ExitCode);
        Assert.Contains("changed after it was made", applied.Output, StringComparison.Ordinal);
        Assert.Equal(requestsBefore, workspace.Fake.Server.Requests.All.Count);
    }

    [DemoTenantFact]
    public async Task A_plan_made_for_another_tenant_is_refused_after_sign_in_and_before_any_write()
    {
        await using var workspace = await RemediationWorkspace.StartAsync();
        await workspace.ScanAsync("scan");
        var scanJson = Path.Combine(workspace.Folder, "scan", "scan.json");
        File.WriteAllText(scanJson, File.ReadAllText(scanJson).Replace(RemediationWorkspace.TenantId, "11111111-2222-3333-4444-555555555555", StringComparison.Ordinal));
        var plan = Path.Combine(workspace.Folder, "other-plan.json");
        Assert.Equal(ExitCodes.Success, (await workspace.RunAsync("plan", "--from", scanJson, "--owners", workspace.WriteOwners(), "--out", plan)).ExitCode);

        var applied = await workspace.ApplyAsync(plan, "--yes");

        Assert.Equal(ExitCodes.BadInput, applied.ExitCode);
        Assert.Contains("the plan was made for tenant 11111111-2222-3333-4444-555555555555", applied.Output, StringComparison.Ordinal);
        Assert.Empty(workspace.Writes);
    }

    private static Snapshots.SourceKind SourceKind() => Snapshots.SourceKind.GraphApplications;

    private static async Task<string> PlanAsync(RemediationWorkspace workspace)
    {
        await workspace.ScanAsync("scan");
        var plan = Path.Combine(workspace.Folder, "plan.json");
        var planned = await workspace.RunAsync("plan", "--from", Path.Combine(workspace.Folder, "scan", "scan.json"), "--owners", workspace.WriteOwners(), "--out", plan);
        Assert.True(planned.ExitCode == ExitCodes.Success, planned.Output);
        return plan;
    }
}
