using TenantScanner.Cli.Changes.Http;
using TenantScanner.Cli.Changes.Plans;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Changes.Actions;

/// <summary>
/// <c>removeDirectoryRoleAssignment</c> (PERM002): removes a service principal's directory role with
/// <c>DELETE /roleManagement/directory/roleAssignments/{id}</c> (learn.microsoft.com/graph/api/unifiedroleassignment-delete);
/// undo assigns it again with <c>POST /roleManagement/directory/roleAssignments</c>
/// (rbacapplication-post-roleassignments). State: <c>{"principalId", "roleDefinitionId", "directoryScopeId"}</c>, or null.
/// </summary>
public sealed class RemoveDirectoryRoleAssignmentAction : ChangeAction, IFindingRemedy
{
    private static readonly string[] Key = ["principalId", "roleDefinitionId", "directoryScopeId"];

    public override string Name => "removeDirectoryRoleAssignment";

    public override string Permission => "RoleManagement.ReadWrite.Directory (application permission; delegated: Privileged Role Administrator)";

    public override IReadOnlyList<HttpCall> Describe(PlannedAction action) =>
        [HttpCall.Delete($"{Graph}/roleManagement/directory/roleAssignments/{action.Target.Id}")];

    public override IReadOnlyList<HttpCall> DescribeUndo(PlannedAction action) =>
        [HttpCall.Post($"{Graph}/roleManagement/directory/roleAssignments", action.Before!.DeepClone())];

    /// <summary>The assignment with the planned id, or else the principal's assignment of the same role at the same scope.</summary>
    public override async Task<ObservedState> ReadAsync(PlannedAction action, TenantChangeClient client, CancellationToken cancellationToken)
    {
        var byId = await client.GetAsync($"{Graph}/roleManagement/directory/roleAssignments/{action.Target.Id}", cancellationToken);
        if (byId is not null && StateKey.Same(byId, action.Before, ["principalId"]))
            return new ObservedState(StateKey.Project(byId, Key), action.Target.Id);
        var principalId = Required(action.Before, "principalId", action);
        var all = await client.ListAsync($"{Graph}/roleManagement/directory/roleAssignments?$filter=principalId eq '{principalId}'", cancellationToken) ?? [];
        var match = all.FirstOrDefault(a => StateKey.Same(a, action.Before, Key));
        return match is null ? new ObservedState(null) : new ObservedState(StateKey.Project(match, Key), match["id"]?.GetValue<string>());
    }

    public override async Task ApplyAsync(PlannedAction action, ObservedState live, ChangeSession session, CancellationToken cancellationToken) =>
        await session.SendConfirmedAsync(HttpCall.Delete($"{Graph}/roleManagement/directory/roleAssignments/{live.LiveId ?? action.Target.Id}"),
            async ct => (await ReadAsync(action, session.Client, ct)).State is null, cancellationToken);

    public override async Task UndoAsync(PlannedAction action, ObservedState live, ChangeSession session, CancellationToken cancellationToken) =>
        await session.SendConfirmedAsync(DescribeUndo(action)[0], async ct => (await ReadAsync(action, session.Client, ct)).State is not null, cancellationToken);

    public IEnumerable<Finding> AlsoResolves(PlannedAction change, IReadOnlyList<Finding> resolved, IReadOnlyList<Finding> open) =>
        RemovalEffects.SameTarget(resolved, open);

    public RemedyPlan Plan(IReadOnlyList<Finding> findings, RemedyContext context)
    {
        var target = findings[0].Target!;
        if (target.Type != "directoryRoleAssignment")
            return RemedyPlan.Manual($"removeDirectoryRoleAssignment needs findings about a directory role assignment; rule {findings[0].RuleId} reports a {target.Type}.");
        var role = target.State["roleDisplayName"]?.GetValue<string>() ?? target.State["roleDefinitionId"]?.GetValue<string>();
        var holder = findings[0].Resource.DisplayName;
        return RemedyPlan.Automated(new PlannedAction
        {
            Id = "",
            Action = Name,
            Operation = $"Remove the directory role {role} from '{holder}'",
            Target = new ChangeTarget { Type = "directoryRoleAssignment", Id = target.Id, DisplayName = $"{role} held by {holder}" },
            Before = StateKey.Project(target.State, Key),
            After = null,
            Permission = Permission,
            Reversible = true,
            Risk = $"'{holder}' stops being {role} at once: whatever it does with the role fails until it has the narrower Graph permission it needs. "
                + "Agree with the application's owner first; undo assigns the role again.",
        });
    }
}
