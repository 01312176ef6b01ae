using System.Text.Json.Nodes;
using TenantScanner.Cli.Changes.Http;
using TenantScanner.Cli.Changes.Plans;

namespace TenantScanner.Cli.Changes;

/// <summary>
/// One kind of change (add owners, remove a secret, remove an assignment, ...): how to describe it, read the
/// target's current state, apply it and undo it. An action is one class, registered once in
/// <see cref="ChangeActions"/>; remediation and the service-principal set-up plan with the same actions.
/// </summary>
public interface IChangeAction
{
    /// <summary>The id plans and rules.yaml use, e.g. <c>addOwners</c>.</summary>
    string Name { get; }

    /// <summary>The least permission the applying identity needs (docs/permissions.md has the section).</summary>
    string Permission { get; }

    /// <summary>Null when undo can reverse it; otherwise why it cannot, in plain words.</summary>
    string? Irreversible { get; }

    /// <summary>The writes apply would send for <paramref name="action"/>, in order (shown by a dry run).</summary>
    IReadOnlyList<HttpCall> Describe(PlannedAction action);

    /// <summary>The writes undo would send to reverse it.</summary>
    IReadOnlyList<HttpCall> DescribeUndo(PlannedAction action);

    /// <summary>The target's live state in the shape of the plan's <c>before</c> and <c>after</c>.</summary>
    Task<ObservedState> ReadAsync(PlannedAction action, TenantChangeClient client, CancellationToken cancellationToken);

    /// <summary>How the live state relates to the plan; <see cref="StateMatch.Between"/> only for actions made of several writes.</summary>
    StateMatch Match(ObservedState live, PlannedAction action);

    /// <summary>Moves the target from <paramref name="live"/> (before, or between) to the plan's <c>after</c>.</summary>
    Task ApplyAsync(PlannedAction action, ObservedState live, ChangeSession session, CancellationToken cancellationToken);

    /// <summary>Moves the target from <paramref name="live"/> (after, or between) back to the plan's <c>before</c>.</summary>
    Task UndoAsync(PlannedAction action, ObservedState live, ChangeSession session, CancellationToken cancellationToken);
}

/// <summary>A target's live state; <see cref="LiveId"/> is the id of the object found (it may differ from the planned one when it was re-created).</summary>
public sealed record ObservedState(JsonNode? State, string? LiveId = null);

public enum StateMatch
{
    /// <summary>Exactly the plan's <c>before</c>: the change can be made.</summary>
    Before,
    /// <summary>Exactly the plan's <c>after</c>: the change is in place.</summary>
    After,
    /// <summary>Part of a multi-write change is in place (e.g. one of two owners added).</summary>
    Between,
    /// <summary>Neither: someone changed the target since the plan was made (drift).</summary>
    Other,
}

/// <summary>Defaults shared by the actions: exact comparison of states, and "cannot be undone" for irreversible ones.</summary>
public abstract class ChangeAction : IChangeAction
{
    public abstract string Name { get; }
    public abstract string Permission { get; }
    public virtual string? Irreversible => null;

    public abstract IReadOnlyList<HttpCall> Describe(PlannedAction action);
    public virtual IReadOnlyList<HttpCall> DescribeUndo(PlannedAction action) => [];
    public abstract Task<ObservedState> ReadAsync(PlannedAction action, TenantChangeClient client, CancellationToken cancellationToken);

    public virtual StateMatch Match(ObservedState live, PlannedAction action) =>
        JsonNode.DeepEquals(live.State, action.Before) ? StateMatch.Before
        : JsonNode.DeepEquals(live.State, action.After) ? StateMatch.After
        : StateMatch.Other;

    public abstract Task ApplyAsync(PlannedAction action, ObservedState live, ChangeSession session, CancellationToken cancellationToken);

    public virtual Task UndoAsync(PlannedAction action, ObservedState live, ChangeSession session, CancellationToken cancellationToken) =>
        throw new ChangeFailedException(Irreversible ?? $"{Name} has no undo.");

    protected const string Graph = "https://graph.microsoft.com/v1.0";

    /// <summary>A string property of a plan state (before/after), or an error naming the plan's action when it is missing.</summary>
    protected static string Required(JsonNode? state, string property, PlannedAction action) =>
        state?[property]?.GetValue<string>() ?? throw new ChangeFailedException($"{action.Id}: the plan's state has no '{property}'.");
}
