using System.Text.Json.Nodes;
using TenantScanner.Cli.Changes.Http;
using TenantScanner.Cli.Changes.Plans;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Changes.Actions;

/// <summary>
/// <c>removeAppRoleAssignment</c> (PERM001, PERM003): revokes an application permission with
/// <c>DELETE /servicePrincipals/{resourceId}/appRoleAssignedTo/{id}</c>
/// (learn.microsoft.com/graph/api/serviceprincipal-delete-approleassignedto); undo grants it again with
/// <c>POST /servicePrincipals/{resourceId}/appRoleAssignedTo</c> (serviceprincipal-post-approleassignedto), which
/// gets a new id. State: <c>{"principalId", "resourceId", "appRoleId"}</c>, or null once revoked.
/// </summary>
public sealed class RemoveAppRoleAssignmentAction : ChangeAction, IFindingRemedy
{
    private static readonly string[] Key = ["principalId", "resourceId", "appRoleId"];

    public override string Name => "removeAppRoleAssignment";

    public override string Permission => "AppRoleAssignment.ReadWrite.All (application permission; delegated: Cloud Application Administrator)";

    public override IReadOnlyList<HttpCall> Describe(PlannedAction action) =>
        [HttpCall.Delete($"{Graph}/servicePrincipals/{Required(action.Before, "resourceId", action)}/appRoleAssignedTo/{action.Target.Id}")];

    public override IReadOnlyList<HttpCall> DescribeUndo(PlannedAction action) =>
        [HttpCall.Post($"{Graph}/servicePrincipals/{Required(action.Before, "resourceId", action)}/appRoleAssignedTo", action.Before!.DeepClone())];

    /// <summary>The principal's assignment with the planned id, or else one granting the same role (re-created since, with a new id).</summary>
    public override async Task<ObservedState> ReadAsync(PlannedAction action, TenantChangeClient client, CancellationToken cancellationToken)
    {
        var assignments = await client.ListAsync($"{Graph}/servicePrincipals/{Required(action.Before, "principalId", action)}/appRoleAssignments", cancellationToken) ?? [];
        var match = assignments.FirstOrDefault(a => string.Equals(a["id"]?.GetValue<string>(), action.Target.Id, StringComparison.Ordinal))
            ?? assignments.FirstOrDefault(a => StateKey.Same(a, action.Before, Key));
        return match is null ? new ObservedState(null) : new ObservedState(StateKey.Project(match, Key), match["id"]?.GetValue<string>());
    }

    public override async Task ApplyAsync(PlannedAction action, ObservedState live, ChangeSession session, CancellationToken cancellationToken)
    {
        var call = HttpCall.Delete($"{Graph}/servicePrincipals/{Required(action.Before, "resourceId", action)}/appRoleAssignedTo/{live.LiveId ?? action.Target.Id}");
        await session.SendConfirmedAsync(call, async ct => (await ReadAsync(action, session.Client, ct)).State is null, cancellationToken);
    }

    public override async Task UndoAsync(PlannedAction action, ObservedState live, ChangeSession session, CancellationToken cancellationToken) =>
        await session.SendConfirmedAsync(DescribeUndo(action)[0], async ct => (await ReadAsync(action, session.Client, ct)).State is not null, cancellationToken);

    public IEnumerable<Finding> AlsoResolves(PlannedAction change, IReadOnlyList<Finding> resolved, IReadOnlyList<Finding> open) =>
        RemovalEffects.SameTarget(resolved, open);

    public RemedyPlan Plan(IReadOnlyList<Finding> findings, RemedyContext context)
    {
        var target = findings[0].Target!;
        if (target.Type != "appRoleAssignment")
            return RemedyPlan.Manual($"removeAppRoleAssignment needs findings about an app-role assignment; rule {findings[0].RuleId} reports a {target.Type}.");
        var permission = target.State["permission"]?.GetValue<string>() ?? target.State["appRoleId"]?.GetValue<string>();
        var resource = target.State["resourceDisplayName"]?.GetValue<string>() ?? "its resource";
        var holder = findings[0].Resource.DisplayName;
        return RemedyPlan.Automated(new PlannedAction
        {
            Id = "",
            Action = Name,
            Operation = $"Revoke the application permission {permission} on {resource} from '{holder}'",
            Target = new ChangeTarget { Type = "appRoleAssignment", Id = target.Id, DisplayName = $"{permission} on {resource} held by {holder}" },
            Before = StateKey.Project(target.State, Key),
            After = null,
            Permission = Permission,
            Reversible = true,
            Risk = $"'{holder}' loses {permission}: its calls that need it fail with 403 from the moment it is revoked. "
                + "Agree with the application's owner first and grant the narrower permission the finding names; undo grants it back.",
        });
    }
}

/// <summary>Comparable projections of Graph objects: only the properties that identify what was granted.</summary>
internal static class StateKey
{
    public static JsonObject Project(JsonNode source, IEnumerable<string> properties)
    {
        var state = new JsonObject();
        foreach (var property in properties)
            state[property] = source[property] is JsonValue value && value.TryGetValue<string>(out var text) ? ToComparable(property, text) : null;
        return state;
    }

    public static bool Same(JsonNode candidate, JsonNode? planned, IEnumerable<string> properties) =>
        planned is not null && JsonNode.DeepEquals(Project(candidate, properties), Project(planned, properties));

    /// <summary>Object ids compare lower-case; other values (scopes, scope paths) as Graph returns them.</summary>
    private static string ToComparable(string property, string value) => property.EndsWith("Id", StringComparison.Ordinal) ? value.ToLowerInvariant() : value;
}
