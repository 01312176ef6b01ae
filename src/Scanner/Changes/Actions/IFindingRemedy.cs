using TenantScanner.Cli.Changes.Plans;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Changes.Actions;

/// <summary>
/// The planning half of a change action that fixes findings: given the open findings about one target (all naming
/// this action in rules.yaml), the change that resolves them, or the reason it has to be done by hand.
/// </summary>
public interface IFindingRemedy
{
    RemedyPlan Plan(IReadOnlyList<Finding> findings, RemedyContext context);

    /// <summary>
    /// Open findings of other rules that <paramref name="change"/> resolves too, so the plan neither lists them as
    /// manual to-dos nor surprises a reviewer when they disappear (e.g. removing a secret ends every finding about it).
    /// </summary>
    IEnumerable<Finding> AlsoResolves(PlannedAction change, IReadOnlyList<Finding> resolved, IReadOnlyList<Finding> open) => [];
}

/// <summary>What planning may consult besides the findings: the owners file (never the tenant).</summary>
public sealed record RemedyContext(OwnersFile? Owners);

/// <summary>Either an automated change (<see cref="Change"/>) or a manual to-do with the reason automation declined.</summary>
public sealed record RemedyPlan
{
    public PlannedAction? Change { get; private init; }
    public string? ManualReason { get; private init; }
    public IReadOnlyList<string> ManualSteps { get; private init; } = [];
    public string? ChosenBy { get; private init; }

    /// <summary>An automated change; its id is assigned by the planner.</summary>
    public static RemedyPlan Automated(PlannedAction change) => new() { Change = change };

    public static RemedyPlan Manual(string reason, IReadOnlyList<string>? steps = null, string? chosenBy = null) =>
        new() { ManualReason = reason, ManualSteps = steps ?? [], ChosenBy = chosenBy };

    /// <summary>Manual, for a rule without an automated action: the reason and steps are the rule's own (<see cref="ManualRemedies"/>, <see cref="ManualSteps"/>).</summary>
    public static RemedyPlan ByRule { get; } = new();
}

/// <summary>Side effects every removal shares: once an object is gone, every finding about it is resolved.</summary>
public static class RemovalEffects
{
    public static IEnumerable<Finding> SameTarget(IReadOnlyList<Finding> resolved, IReadOnlyList<Finding> open)
    {
        var target = resolved[0].Target;
        return target is null ? [] : open.Where(f => f.Target is { } other && other.Type == target.Type && other.Id == target.Id);
    }
}
