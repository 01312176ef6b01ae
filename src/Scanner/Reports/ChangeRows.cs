using System.Globalization;
using TenantScanner.Cli.Changes.Journal;

namespace TenantScanner.Cli.Reports;

/// <summary>One change of a journal as auditors read it: what was done to what, by whom, when, with what result.</summary>
public sealed record ChangeRow(DateTimeOffset Time, string Command, string ActionId, string Action, string TargetType, string TargetId,
    string TargetName, string Operation, string Result, string? Detail, string? Identity, string Resolves);

/// <summary>
/// The journal lines an audit shows: every outcome of apply and undo (applied, already in place, drifted, failed,
/// manual, undone, …), in time order; the run headers and the "started" markers only serve resume and are left out.
/// </summary>
public static class ChangeRows
{
    private static readonly HashSet<JournalResult> Markers = [JournalResult.RunStarted, JournalResult.Started, JournalResult.UndoStarted];

    public static IReadOnlyList<ChangeRow> From(IEnumerable<JournalEntry> journal) =>
        [.. journal.Where(e => !Markers.Contains(e.Result) && e.ActionId is not null).OrderBy(e => e.Time).Select(e => new ChangeRow(
            e.Time, e.Command, e.ActionId!, e.Action ?? "", e.Target?.Type ?? "", e.Target?.Id ?? "", e.Target?.DisplayName ?? "",
            e.Change?.Operation ?? "", ResultName(e.Result), e.Detail, e.Identity,
            string.Join("; ", e.Change?.Resolves.Select(r => $"{r.RuleId} {r.Fingerprint}") ?? [])))];

    /// <summary>The journal's own spelling (camelCase), so the report and the journal read the same.</summary>
    public static string ResultName(JournalResult result)
    {
        var name = result.ToString();
        return char.ToLower(name[0], CultureInfo.InvariantCulture) + name[1..];
    }
}
