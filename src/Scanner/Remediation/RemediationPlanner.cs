using TenantScanner.Cli.Changes;
using TenantScanner.Cli.Changes.Actions;
using TenantScanner.Cli.Changes.Plans;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Remediation;

/// <summary>What a remediation plan is made from: a saved scan result and, optionally, an owners file.</summary>
public sealed record PlanRequest
{
    public required ScanResult Scan { get; init; }
    public required string ScanSha256 { get; init; }
    public OwnersFile? Owners { get; init; }
    public string? OwnersSha256 { get; init; }
    /// <summary>Rule ids to plan for; empty = every rule with open findings.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public required ToolVersion Tool { get; init; }
}

/// <summary>
/// Turns the open findings of a scan into a plan: each finding goes to the action its rule names
/// (<c>remediationAction</c>), findings about the same target and action become one change, and everything
/// without a safe automated fix becomes a manual action, so the plan is the whole to-do list. Pure: it reads
/// only the scan result and the owners file, never the tenant.
/// </summary>
public static class RemediationPlanner
{
    public static ChangePlan Plan(PlanRequest request)
    {
        var unknown = request.Only.Where(id => !request.Scan.Rules.Any(r => r.Id.Equals(id, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
            throw new PlanningException($"--only: {string.Join(", ", unknown)} {(unknown.Count == 1 ? "is" : "are")} not a rule of this scan (its rules: {string.Join(", ", request.Scan.Rules.Select(r => r.Id))}).");
        var open = request.Scan.Findings.Where(f => f.Status == FindingStatus.Open).ToList();
        var selected = open.Where(f => request.Only.Count == 0 || request.Only.Contains(f.RuleId, StringComparer.OrdinalIgnoreCase)).ToList();
        var context = new RemedyContext(request.Owners);

        // First every change, then what they resolve besides their own findings, then the to-do list in scan order.
        var groups = selected.GroupBy(GroupKey, StringComparer.Ordinal).Select(g => (Findings: (IReadOnlyList<Finding>)[.. g], Plan: PlanGroup([.. g], context))).ToList();
        var alsoResolved = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        foreach (var (findings, plan) in groups)
        {
            if (plan.Change is { } change && ChangeActions.Find(change.Action) is IFindingRemedy remedy)
                alsoResolved[GroupKey(findings[0])] = [.. remedy.AlsoResolves(change, findings, open).Where(f => !findings.Contains(f))];
        }
        var covered = alsoResolved.Values.SelectMany(f => f).Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);

        var actions = new List<PlannedAction>();
        foreach (var (findings, plan) in groups)
        {
            if (plan.Change is { } change)
            {
                var resolves = findings.Concat(alsoResolved[GroupKey(findings[0])]).Select(f => new ResolvedFinding(f.RuleId, f.Fingerprint));
                actions.Add(change with { Id = NextId(actions), Resolves = [.. resolves] });
                continue;
            }
            foreach (var finding in findings.Where(f => !covered.Contains(f.Fingerprint)))
            {
                var (steps, chosenBy) = plan.ManualReason is null ? ManualSteps.For(finding, request.Owners) : (plan.ManualSteps, plan.ChosenBy);
                actions.Add(ManualAction.For(finding, plan.ManualReason ?? ManualRemedies.ReasonFor(finding.RuleId), steps, chosenBy) with { Id = NextId(actions) });
            }
        }
        return new ChangePlan
        {
            Kind = "remediation",
            Tool = request.Tool,
            CreatedAt = request.CreatedAt,
            Tenant = request.Scan.Tenant,
            Source = new PlanSource
            {
                ScanSha256 = request.ScanSha256, SnapshotSha256 = request.Scan.SnapshotSha256, ScannedAt = request.Scan.ScannedAt,
                OwnersSha256 = request.OwnersSha256, Only = [.. request.Only.Select(o => o.ToUpperInvariant())],
            },
            Actions = actions,
        };
    }

    /// <summary>The change for one group, or a manual plan: the remedy's reason, or (no remedy) the rule's reason, filled in per finding.</summary>
    private static RemedyPlan PlanGroup(IReadOnlyList<Finding> findings, RemedyContext context)
    {
        var first = findings[0];
        var name = first.RemediationAction ?? PlannedAction.ManualActionName;
        var action = ChangeActions.Find(name)
            ?? throw new PlanningException($"rule {first.RuleId} names remediationAction '{name}', which is not a change action of this scanner (known: {string.Join(", ", ChangeActions.Names)}).");
        return action is IFindingRemedy remedy ? remedy.Plan(findings, context) : RemedyPlan.ByRule;
    }

    /// <summary>One change per action and target; a finding without a target (a flow, a variable) is its own to-do.</summary>
    private static string GroupKey(Finding finding) =>
        finding.RemediationAction is { } action && finding.Target is { } target
            ? $"{action}|{target.Type}|{target.Id}"
            : $"manual|{finding.RuleId}|{finding.Fingerprint}";

    private static string NextId(List<PlannedAction> actions) => $"A{actions.Count + 1:000}";
}

/// <summary>The scan cannot be planned as asked (an unknown rule in --only, a rule naming an unknown action).</summary>
public sealed class PlanningException(string message) : Exception(message);
