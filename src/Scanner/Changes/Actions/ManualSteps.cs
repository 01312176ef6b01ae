namespace TenantScanner.Cli.Changes.Actions;

using TenantScanner.Rules.Findings;

/// <summary>Steps a manual action adds before the rule's own remediation text: for flows, the co-owners owners.yaml names.</summary>
public static class ManualSteps
{
    private static readonly HashSet<string> FlowOwnershipRules = new(StringComparer.Ordinal) { "FLOW002", "FLOW003" };

    public static (IReadOnlyList<string> Steps, string? ChosenBy) For(Finding finding, OwnersFile? owners)
    {
        if (!FlowOwnershipRules.Contains(finding.RuleId) || finding.Resource.Type != "flow")
            return ([], null);
        var rule = owners?.ForFlow(finding.Resource.DisplayName, finding.Resource.EnvironmentId, finding.Resource.EnvironmentName);
        if (rule is null)
            return (["Choose a co-owner (a group, a service account or the application user that runs the workload); add an environment rule or a fallback to owners.yaml to have the plan name it."], null);
        return ([$"Add {string.Join(", ", rule.Owners.Select(o => o.Label))} as co-owner of the flow."], rule.Describe(owners!.FileName));
    }
}
