using TenantScanner.Cli.Changes.Http;
using TenantScanner.Cli.Changes.Plans;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Changes.Actions;

/// <summary>
/// <c>removeDelegatedGrant</c> (PERM004): revokes a tenant-wide delegated permission grant with
/// <c>DELETE /oauth2PermissionGrants/{id}</c> (learn.microsoft.com/graph/api/oauth2permissiongrant-delete); undo
/// creates it again with the same scopes (<c>POST /oauth2PermissionGrants</c>, oauth2permissiongrant-post).
/// State: <c>{"clientId", "consentType", "principalId", "resourceId", "scope"}</c>, or null once revoked.
/// </summary>
public sealed class RemoveDelegatedGrantAction : ChangeAction, IFindingRemedy
{
    private static readonly string[] Key = ["clientId", "consentType", "principalId", "resourceId", "scope"];
    private static readonly string[] Identity = ["clientId", "consentType", "principalId", "resourceId"];

    public override string Name => "removeDelegatedGrant";

    public override string Permission => "DelegatedPermissionGrant.ReadWrite.All (application permission; delegated: Cloud Application Administrator)";

    public override IReadOnlyList<HttpCall> Describe(PlannedAction action) => [HttpCall.Delete($"{Graph}/oauth2PermissionGrants/{action.Target.Id}")];

    public override IReadOnlyList<HttpCall> DescribeUndo(PlannedAction action) => [HttpCall.Post($"{Graph}/oauth2PermissionGrants", action.Before!.DeepClone())];

    /// <summary>The grant with the planned id, or else the client's grant to the same resource for the same principals; its scopes must match too.</summary>
    public override async Task<ObservedState> ReadAsync(PlannedAction action, TenantChangeClient client, CancellationToken cancellationToken)
    {
        var byId = await client.GetAsync($"{Graph}/oauth2PermissionGrants/{action.Target.Id}", cancellationToken);
        if (byId is not null)
            return new ObservedState(StateKey.Project(byId, Key), action.Target.Id);
        var clientId = Required(action.Before, "clientId", action);
        var grants = await client.ListAsync($"{Graph}/oauth2PermissionGrants?$filter=clientId eq '{clientId}'", cancellationToken) ?? [];
        var match = grants.FirstOrDefault(g => StateKey.Same(g, action.Before, Identity));
        return match is null ? new ObservedState(null) : new ObservedState(StateKey.Project(match, Key), match["id"]?.GetValue<string>());
    }

    public override async Task ApplyAsync(PlannedAction action, ObservedState live, ChangeSession session, CancellationToken cancellationToken) =>
        await session.SendConfirmedAsync(HttpCall.Delete($"{Graph}/oauth2PermissionGrants/{live.LiveId ?? action.Target.Id}"),
            async ct => (await ReadAsync(action, session.Client, ct)).State is null, cancellationToken);

    public override async Task UndoAsync(PlannedAction action, ObservedState live, ChangeSession session, CancellationToken cancellationToken) =>
        await session.SendConfirmedAsync(DescribeUndo(action)[0], async ct => (await ReadAsync(action, session.Client, ct)).State is not null, cancellationToken);

    public IEnumerable<Finding> AlsoResolves(PlannedAction change, IReadOnlyList<Finding> resolved, IReadOnlyList<Finding> open) =>
        RemovalEffects.SameTarget(resolved, open);

    public RemedyPlan Plan(IReadOnlyList<Finding> findings, RemedyContext context)
    {
        var target = findings[0].Target!;
        if (target.Type != "delegatedGrant")
            return RemedyPlan.Manual($"removeDelegatedGrant needs findings about a delegated grant; rule {findings[0].RuleId} reports a {target.Type}.");
        var client = findings[0].Resource.DisplayName;
        var scope = target.State["scope"]?.GetValue<string>();
        return RemedyPlan.Automated(new PlannedAction
        {
            Id = "",
            Action = Name,
            Operation = $"Revoke the tenant-wide consent of '{client}' to {scope}",
            Target = new ChangeTarget { Type = "delegatedGrant", Id = target.Id, DisplayName = $"{client}: {scope}" },
            Before = StateKey.Project(target.State, Key),
            After = null,
            Permission = Permission,
            Reversible = true,
            Risk = $"Users of '{client}' are asked to consent again the next time they sign in, or cannot use it where user consent is off; "
                + "access tokens already issued keep working until they expire. To keep the harmless scopes, grant them again with user or admin consent; undo restores the grant as it was.",
        });
    }
}
