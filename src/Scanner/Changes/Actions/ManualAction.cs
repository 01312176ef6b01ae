using TenantScanner.Cli.Changes.Http;
using TenantScanner.Cli.Changes.Plans;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Changes.Actions;

/// <summary>
/// A to-do for a person: the plan lists it with the reason there is no safe automated fix and the steps, so the
/// plan is the whole to-do list. Apply never sends anything for it; it is journaled as listed.
/// </summary>
public sealed class ManualAction : ChangeAction
{
    public override string Name => PlannedAction.ManualActionName;
    public override string Permission => "none: a person follows the steps with their own rights";
    public override string? Irreversible => "The scanner did not change anything for a manual action.";

    public override IReadOnlyList<HttpCall> Describe(PlannedAction action) => [];

    public override Task<ObservedState> ReadAsync(PlannedAction action, TenantChangeClient client, CancellationToken cancellationToken) =>
        Task.FromResult(new ObservedState(null));

    public override Task ApplyAsync(PlannedAction action, ObservedState live, ChangeSession session, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("A manual action is never applied.");

    /// <summary>The manual to-do for one finding.</summary>
    public static PlannedAction For(Finding finding, string reason, IReadOnlyList<string> extraSteps, string? chosenBy) => new()
    {
        Id = "",
        Action = PlannedAction.ManualActionName,
        Operation = $"By hand: {finding.Title} ({finding.Resource.DisplayName})",
        Target = new ChangeTarget
        {
            Type = finding.Resource.Type, Id = finding.Resource.Id, DisplayName = finding.Resource.DisplayName,
            EnvironmentId = finding.Resource.EnvironmentId, EnvironmentName = finding.Resource.EnvironmentName,
        },
        Resolves = [new ResolvedFinding(finding.RuleId, finding.Fingerprint)],
        Permission = "none: a person follows the steps with their own rights",
        Reversible = false,
        Risk = "The scanner changes nothing for this item; the steps say what to check before and after.",
        Reason = reason,
        Steps = [.. extraSteps, finding.Remediation],
        ChosenBy = chosenBy,
    };
}
