using TenantScanner.Cli.Changes.Http;
using TenantScanner.Cli.Changes.Journal;
using TenantScanner.Cli.Changes.Plans;
using TenantScanner.Cli.Collect;

namespace TenantScanner.Cli.Changes;

/// <summary>The parsed arguments of <c>scanner undo</c>.</summary>
public sealed record UndoOptions(string JournalPath, bool Yes, TenantConnection Connection);

/// <summary>
/// Reverses what apply changed, from the journal alone, in reverse order: each target is re-read and undone only
/// when it is still in the state apply left; everything that could not be undone is listed with the reason.
/// Undo's own steps are appended to the same journal, so an interrupted undo continues where it stopped.
/// </summary>
public sealed class UndoRunner(TextWriter output, CollectRuntime runtime)
{
    /// <summary>Apply-side results after which the target may be in the applied state (Started: apply may have been interrupted mid-way).</summary>
    private static readonly HashSet<JournalResult> Undoable = [JournalResult.Applied, JournalResult.Started, JournalResult.UndoStarted, JournalResult.UndoFailed, JournalResult.UndoDrifted];

    public async Task<int> RunAsync(UndoOptions options, CancellationToken cancellationToken)
    {
        var entries = JournalFile.Read(options.JournalPath);
        var seals = entries.Select(e => e.PlanSeal).Distinct(StringComparer.Ordinal).ToList();
        if (seals.Count != 1)
            throw new JournalFileException(seals.Count == 0 ? $"{options.JournalPath}: the journal is empty; nothing was applied." : $"{options.JournalPath}: the journal mixes several plans.");
        var tenant = entries.FirstOrDefault(e => e.Tenant is not null)?.Tenant
            ?? throw new JournalFileException($"{options.JournalPath}: no run in the journal names its tenant.");
        var last = ApplyRunner.LastResults(entries);
        // Reverse order of application (by journal line, which the clock cannot tie): the action applied last is undone first.
        var changes = entries.Select((Entry, Line) => (Entry, Line)).Where(e => e.Entry.ActionId is not null && e.Entry.Change is not null).GroupBy(e => e.Entry.ActionId!)
            .Select(g => (Change: g.Last().Entry.Change!, Result: last[g.Key], Order: g.Where(e => e.Entry.Command == "apply").Select(e => e.Line).DefaultIfEmpty(g.Max(e => e.Line)).Max()))
            .OrderByDescending(c => c.Order).ToList();
        var toUndo = changes.Where(c => Undoable.Contains(c.Result)).ToList();
        var cannot = new List<string>();
        foreach (var (change, result, _) in changes.Where(c => !Undoable.Contains(c.Result)))
        {
            var why = result switch
            {
                JournalResult.AlreadyApplied => "it was already in place when apply ran; this tool did not change it",
                JournalResult.Drifted or JournalResult.Failed => $"apply did not make it ({result})",
                JournalResult.Manual => "a manual action: the scanner did not change anything",
                JournalResult.Undone or JournalResult.AlreadyUndone => null,
                JournalResult.NotReversible => ChangeActions.Find(change.Action)?.Irreversible,
                _ => null,
            };
            if (why is not null && result is not JournalResult.Manual)
                cannot.Add($"{change.Id} {change.Action}: not undone, {why}.");
        }
        var irreversible = toUndo.Where(c => ChangeActions.Find(c.Change.Action)?.Irreversible is not null).ToList();
        toUndo = [.. toUndo.Except(irreversible)];

        await output.WriteLineAsync($"Journal {options.JournalPath}: {toUndo.Count} change(s) to undo, {irreversible.Count} that cannot be undone; tenant {tenant}.");
        if (!options.Yes)
        {
            await output.WriteLineAsync("Dry run: nothing is sent. These are the requests undo would send, in this order; re-run with --yes to undo.");
            foreach (var (change, _, _) in toUndo)
            {
                await output.WriteLineAsync($"{change.Id} {change.Action}: undo '{change.Operation}'");
                foreach (var call in ChangeActions.Find(change.Action)!.DescribeUndo(change))
                    await output.WriteLineAsync($"     {call.Describe()}");
            }
            WriteCannot(irreversible, cannot);
            return ExitCodes.Success;
        }

        var (client, identity) = await ChangeConnection.OpenAsync(options.Connection, tenant, runtime, output, cancellationToken);
        using var _ = client;
        using var journal = JournalFile.OpenForAppend(options.JournalPath);
        var run = new RunContext(journal, seals[0], identity, runtime.Time, command: "undo");
        journal.Append(run.Entry(JournalResult.RunStarted, null) with { Tenant = tenant });
        await output.WriteLineAsync($"Signed in as {identity}.");
        var session = new ChangeSession(client, message => output.WriteLine(message));
        var undone = 0;
        foreach (var (change, result, _) in toUndo)
        {
            var outcome = await UndoOneAsync(change, result == JournalResult.UndoStarted, run, session, cancellationToken);
            if (outcome is JournalResult.Undone or JournalResult.AlreadyUndone)
                undone++;
            else
                cannot.Add($"{change.Id} {change.Action}: not undone ({(outcome == JournalResult.UndoDrifted ? "the target changed after apply" : "failed")}); see the journal.");
        }
        foreach (var (change, _, _) in irreversible)
            journal.Append(run.Entry(JournalResult.NotReversible, change) with { Detail = ChangeActions.Find(change.Action)!.Irreversible });
        await output.WriteLineAsync($"Summary: {undone} undone; {cannot.Count + irreversible.Count} not undone.");
        WriteCannot(irreversible, cannot);
        return cannot.Count + irreversible.Count > 0 ? ExitCodes.ChangesIncomplete : ExitCodes.Success;
    }

    private async Task<JournalResult> UndoOneAsync(PlannedAction change, bool startedEarlier, RunContext run, ChangeSession session, CancellationToken cancellationToken)
    {
        var impl = ChangeActions.Find(change.Action)!;
        try
        {
            var live = await impl.ReadAsync(change, session.Client, cancellationToken);
            switch (impl.Match(live, change))
            {
                case StateMatch.Before:
                    return Record(run, change, JournalResult.AlreadyUndone, "the target is already back in its planned before state; nothing sent");
                case StateMatch.Other:
                    return Record(run, change, JournalResult.UndoDrifted, "the target changed after apply; not undone, nothing sent", live);
            }
            if (!startedEarlier)
                run.Journal.Append(run.Entry(JournalResult.UndoStarted, change));
            await impl.UndoAsync(change, live, session, cancellationToken);
            return Record(run, change, JournalResult.Undone, string.Join("; ", impl.DescribeUndo(change).Select(c => c.Describe())));
        }
        catch (Exception ex) when (ex is ChangeFailedException or ChangeReadException or HttpRequestException)
        {
            return Record(run, change, JournalResult.UndoFailed, ex.Message);
        }
    }

    private JournalResult Record(RunContext run, PlannedAction change, JournalResult result, string detail, ObservedState? observed = null)
    {
        run.Journal.Append(run.Entry(result, change) with { Detail = detail, Observed = observed?.State?.DeepClone() });
        output.WriteLine($"{change.Id} {change.Action}: {result switch { JournalResult.Undone => "undone", JournalResult.AlreadyUndone => "already undone", JournalResult.UndoDrifted => "DRIFTED, not undone", _ => "FAILED" }} - {change.Operation}");
        if (result is JournalResult.UndoDrifted or JournalResult.UndoFailed)
            output.WriteLine($"     {detail}{(observed is null ? "" : $" (applied state: {change.After?.ToJsonString() ?? "(absent)"}; now: {observed.State?.ToJsonString() ?? "(absent)"})")}");
        return result;
    }

    private void WriteCannot(IEnumerable<(PlannedAction Change, JournalResult Result, int Order)> irreversible, List<string> cannot)
    {
        foreach (var (change, _, _) in irreversible)
            output.WriteLine($"{change.Id} {change.Action}: cannot be undone - {ChangeActions.Find(change.Action)!.Irreversible}");
        foreach (var line in cannot)
            output.WriteLine(line);
    }
}
