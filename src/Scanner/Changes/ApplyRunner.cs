using TenantScanner.Cli.Changes.Http;
using TenantScanner.Cli.Changes.Journal;
using TenantScanner.Cli.Changes.Plans;
using TenantScanner.Cli.Collect;

namespace TenantScanner.Cli.Changes;

/// <summary>The parsed arguments of <c>scanner apply</c>.</summary>
public sealed record ApplyOptions(string PlanPath, string JournalPath, bool Yes, TenantConnection Connection);

/// <summary>
/// Applies a sealed plan action by action: re-reads each target, skips it as drifted when it no longer matches
/// the plan's <c>before</c>, journals every step (flushed per line) and continues an interrupted run where it stopped
/// without repeating a completed action. Without --yes it prints the writes it would send and sends nothing.
/// </summary>
public sealed class ApplyRunner(TextWriter output, CollectRuntime runtime)
{
    private static readonly HashSet<JournalResult> Completed = [JournalResult.Applied, JournalResult.AlreadyApplied, JournalResult.Manual];

    public async Task<int> RunAsync(ApplyOptions options, CancellationToken cancellationToken)
    {
        var plan = PlanFile.Load(options.PlanPath);
        var unknown = plan.Actions.FirstOrDefault(a => ChangeActions.Find(a.Action) is null);
        if (unknown is not null)
            throw new PlanFileException($"{options.PlanPath}: action {unknown.Id} uses '{unknown.Action}', which this scanner does not know (known: {string.Join(", ", ChangeActions.Names)}).");
        var earlier = JournalFile.ReadIfExists(options.JournalPath);
        if (earlier.FirstOrDefault(e => e.PlanSeal != plan.Seal) is { } other)
            throw new JournalFileException($"{options.JournalPath}: this journal records another plan ({other.PlanSeal}); give each plan its own --journal.");
        var last = LastResults(earlier);

        await output.WriteLineAsync($"Plan {options.PlanPath} ({plan.Seal}): {plan.Actions.Count} actions, {plan.Actions.Count(a => !a.IsManual)} automated, "
            + $"{plan.Actions.Count(a => a.IsManual)} manual; tenant {plan.Tenant.DisplayName ?? plan.Tenant.Id} ({plan.Tenant.Id}).");
        if (!options.Yes)
            return await DryRunAsync(plan, last, options);

        var (client, identity) = await ChangeConnection.OpenAsync(options.Connection, plan.Tenant.Id, runtime, output, cancellationToken);
        using var _ = client;
        using var journal = JournalFile.OpenForAppend(options.JournalPath);
        var run = new RunContext(journal, plan.Seal!, identity, runtime.Time);
        journal.Append(run.Entry(JournalResult.RunStarted, null) with { Tenant = plan.Tenant.Id });
        await output.WriteLineAsync($"Signed in as {identity}. Journal: {options.JournalPath}");
        var session = new ChangeSession(client, message => output.WriteLine(message));
        var counts = new Dictionary<JournalResult, int>();
        foreach (var action in plan.Actions)
        {
            var previous = last.GetValueOrDefault(action.Id);
            JournalResult result;
            if (previous is { } done && Completed.Contains(done))
            {
                await output.WriteLineAsync($"{action.Id} {action.Action}: done in an earlier run ({done}); not repeated.");
                continue;
            }
            if (action.IsManual)
            {
                result = JournalResult.Manual;
                journal.Append(run.Entry(result, action));
                await output.WriteLineAsync($"{action.Id} manual: {action.Operation} (to do by hand; see the plan's steps)");
            }
            else
            {
                result = await ApplyOneAsync(action, previous == JournalResult.Started, run, session, cancellationToken);
            }
            counts[result] = counts.GetValueOrDefault(result) + 1;
        }
        var notDone = counts.GetValueOrDefault(JournalResult.Drifted) + counts.GetValueOrDefault(JournalResult.Failed);
        await output.WriteLineAsync($"Summary: {counts.GetValueOrDefault(JournalResult.Applied)} applied, {counts.GetValueOrDefault(JournalResult.AlreadyApplied)} already in place, "
            + $"{counts.GetValueOrDefault(JournalResult.Drifted)} drifted (skipped), {counts.GetValueOrDefault(JournalResult.Failed)} failed, "
            + $"{counts.GetValueOrDefault(JournalResult.Manual)} manual. Journal: {options.JournalPath}");
        return notDone > 0 ? ExitCodes.ChangesIncomplete : ExitCodes.Success;
    }

    private async Task<JournalResult> ApplyOneAsync(PlannedAction action, bool startedEarlier, RunContext run, ChangeSession session, CancellationToken cancellationToken)
    {
        var impl = ChangeActions.Find(action.Action)!;
        try
        {
            var live = await impl.ReadAsync(action, session.Client, cancellationToken);
            var match = impl.Match(live, action);
            if (match == StateMatch.After)
            {
                // Only a change this tool started may be undone later; one found in place was made by someone else.
                var found = startedEarlier ? JournalResult.Applied : JournalResult.AlreadyApplied;
                var why = startedEarlier ? "completed before the last run was interrupted (confirmed by reading the target); nothing sent"
                    : "the target is already in the planned state; nothing sent, nothing to undo";
                return Record(run, action, found, why);
            }
            if (match == StateMatch.Other || (match == StateMatch.Between && !startedEarlier))
                return Record(run, action, JournalResult.Drifted, "the target changed since the plan was made; skipped, nothing sent", live);
            if (!startedEarlier)
                run.Journal.Append(run.Entry(JournalResult.Started, action));
            await impl.ApplyAsync(action, live, session, cancellationToken);
            return Record(run, action, JournalResult.Applied, string.Join("; ", impl.Describe(action).Select(c => c.Describe())));
        }
        catch (Exception ex) when (ex is ChangeFailedException or ChangeReadException or HttpRequestException)
        {
            return Record(run, action, JournalResult.Failed, ex.Message);
        }
    }

    private JournalResult Record(RunContext run, PlannedAction action, JournalResult result, string detail, ObservedState? observed = null)
    {
        run.Journal.Append(run.Entry(result, action) with { Detail = detail, Observed = observed?.State?.DeepClone() });
        output.WriteLine($"{action.Id} {action.Action}: {Describe(result)} - {action.Operation}");
        if (result is JournalResult.Drifted)
            output.WriteLine($"     planned before: {action.Before?.ToJsonString() ?? "(absent)"}; now: {observed?.State?.ToJsonString() ?? "(absent)"}");
        else if (result is JournalResult.Failed or JournalResult.AlreadyApplied)
            output.WriteLine($"     {detail}");
        return result;
    }

    private static string Describe(JournalResult result) => result switch
    {
        JournalResult.Applied => "applied",
        JournalResult.AlreadyApplied => "already in place",
        JournalResult.Drifted => "DRIFTED, skipped",
        JournalResult.Failed => "FAILED",
        _ => result.ToString(),
    };

    private async Task<int> DryRunAsync(ChangePlan plan, IReadOnlyDictionary<string, JournalResult> last, ApplyOptions options)
    {
        await output.WriteLineAsync("Dry run: nothing is sent. These are the requests apply would send (secrets masked); re-run with --yes to apply.");
        foreach (var action in plan.Actions)
        {
            var impl = ChangeActions.Find(action.Action)!;
            var done = last.GetValueOrDefault(action.Id) is { } previous && Completed.Contains(previous) ? $" [done in an earlier run: {previous}]" : "";
            await output.WriteLineAsync($"{action.Id} {action.Action}: {action.Operation}{done}");
            if (action.IsManual)
            {
                await output.WriteLineAsync("     nothing is sent: a person follows the plan's steps");
                continue;
            }
            await output.WriteLineAsync($"     needs {action.Permission}; {(action.Reversible ? "undo can reverse it" : "cannot be undone")}");
            foreach (var call in impl.Describe(action))
                await output.WriteLineAsync($"     {call.Describe()}");
        }
        await output.WriteLineAsync($"Journal (with --yes): {options.JournalPath}");
        return ExitCodes.Success;
    }

    /// <summary>The last apply-side result of each action in earlier runs of the same plan (undo entries reset it).</summary>
    internal static Dictionary<string, JournalResult> LastResults(IEnumerable<JournalEntry> entries)
    {
        var last = new Dictionary<string, JournalResult>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.ActionId is not null))
            last[entry.ActionId!] = entry.Result;
        return last;
    }
}

/// <summary>What every journal line of one run shares.</summary>
internal sealed class RunContext(JournalFile journal, string planSeal, string identity, TimeProvider time, string command = "apply")
{
    public JournalFile Journal { get; } = journal;
    public string Id { get; } = Guid.NewGuid().ToString("N")[..12];

    public JournalEntry Entry(JournalResult result, PlannedAction? action) => new()
    {
        Time = time.GetUtcNow(), Run = Id, Command = command, PlanSeal = planSeal, Result = result, Identity = identity,
        ActionId = action?.Id, Action = action?.Action, Target = action?.Target,
        Before = action?.Before?.DeepClone(), After = action?.After?.DeepClone(), Change = action,
    };
}
