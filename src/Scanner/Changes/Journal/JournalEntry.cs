using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TenantScanner.Cli.Changes.Plans;

namespace TenantScanner.Cli.Changes.Journal;

/// <summary>What happened to one action in one run (or, for <see cref="JournalResult.RunStarted"/>, who started the run).</summary>
public enum JournalResult
{
    /// <summary>A run of apply or undo began: the plan's seal, the tenant and the signed-in identity.</summary>
    RunStarted,
    /// <summary>Apply is about to send the action's first write (so a crash after it is recognised on the next run).</summary>
    Started,
    Applied,
    /// <summary>The target was already in the planned <c>after</c> state and this tool had not started the action: nothing sent, nothing to undo.</summary>
    AlreadyApplied,
    /// <summary>The target no longer matched the plan's <c>before</c>: skipped, nothing sent.</summary>
    Drifted,
    Failed,
    /// <summary>A manual action: listed for a person, nothing sent.</summary>
    Manual,
    UndoStarted,
    Undone,
    /// <summary>The target was already back in the <c>before</c> state.</summary>
    AlreadyUndone,
    /// <summary>The target no longer matched the applied <c>after</c> state: not undone, nothing sent.</summary>
    UndoDrifted,
    UndoFailed,
    /// <summary>The action cannot be reversed (e.g. a removed secret); the detail says why.</summary>
    NotReversible,
}

/// <summary>
/// One line of the journal (JSON lines, appended and flushed per line). It holds ids, names, states and results,
/// never a secret value. Apply resumes from it and undo works from it alone.
/// </summary>
public sealed record JournalEntry
{
    [JsonPropertyName("time")] public required DateTimeOffset Time { get; init; }
    /// <summary>Identifies one invocation of apply or undo.</summary>
    [JsonPropertyName("run")] public required string Run { get; init; }
    /// <summary>apply or undo.</summary>
    [JsonPropertyName("command")] public required string Command { get; init; }
    [JsonPropertyName("planSeal")] public required string PlanSeal { get; init; }
    [JsonPropertyName("result")] public required JournalResult Result { get; init; }
    /// <summary>The signed-in principal that sent the changes (from its token's claims).</summary>
    [JsonPropertyName("identity")] public string? Identity { get; init; }
    [JsonPropertyName("tenant")] public string? Tenant { get; init; }
    [JsonPropertyName("actionId")] public string? ActionId { get; init; }
    [JsonPropertyName("action")] public string? Action { get; init; }
    [JsonPropertyName("target")] public ChangeTarget? Target { get; init; }
    [JsonPropertyName("before")] public JsonNode? Before { get; init; }
    [JsonPropertyName("after")] public JsonNode? After { get; init; }
    /// <summary>The live state found when it matched neither (drift).</summary>
    [JsonPropertyName("observed")] public JsonNode? Observed { get; init; }
    [JsonPropertyName("detail")] public string? Detail { get; init; }
    /// <summary>The planned action itself, so that undo needs nothing but the journal.</summary>
    [JsonPropertyName("change")] public PlannedAction? Change { get; init; }
}
