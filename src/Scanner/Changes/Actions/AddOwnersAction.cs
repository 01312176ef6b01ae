using System.Text.Json.Nodes;
using TenantScanner.Cli.Changes.Http;
using TenantScanner.Cli.Changes.Plans;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Changes.Actions;

/// <summary>
/// <c>addOwners</c> (SP001-SP003): adds the owners owners.yaml names to an app registration, or to the service
/// principal when the application has no registration in this tenant. One <c>POST .../owners/$ref</c> per owner
/// (learn.microsoft.com/graph/api/application-post-owners, serviceprincipal-post-owners); undo removes exactly
/// the owners it added (<c>DELETE .../owners/{id}/$ref</c>, application-delete-owners). State: <c>{"owners": [ids]}</c>.
/// </summary>
public sealed class AddOwnersAction : ChangeAction, IFindingRemedy
{
    public override string Name => "addOwners";

    // application-post-owners: "Application.ReadWrite.OwnedBy will not be sufficient to add another owner."
    public override string Permission => "Application.ReadWrite.All (application permission; delegated: Cloud Application Administrator)";

    public override IReadOnlyList<HttpCall> Describe(PlannedAction action) =>
        [.. Added(action).Select(owner => HttpCall.Post($"{Collection(action)}/owners/$ref", new JsonObject { ["@odata.id"] = $"{Graph}/directoryObjects/{owner}" }))];

    public override IReadOnlyList<HttpCall> DescribeUndo(PlannedAction action) =>
        [.. Added(action).Reverse().Select(owner => HttpCall.Delete($"{Collection(action)}/owners/{owner}/$ref"))];

    public override async Task<ObservedState> ReadAsync(PlannedAction action, TenantChangeClient client, CancellationToken cancellationToken)
    {
        var owners = await client.ListAsync($"{Collection(action)}/owners?$select=id&$top=999", cancellationToken);
        return new ObservedState(owners is null ? null : State(owners.Select(o => o["id"]?.GetValue<string>()).OfType<string>()));
    }

    /// <summary>Between: every original owner is still there and some, not all, of the new ones are (an interrupted run).</summary>
    public override StateMatch Match(ObservedState live, PlannedAction action)
    {
        var exact = base.Match(live, action);
        if (exact != StateMatch.Other || live.State is null)
            return exact;
        var current = Owners(live.State);
        return Owners(action.Before).IsSubsetOf(current) && current.IsSubsetOf(Owners(action.After)) ? StateMatch.Between : StateMatch.Other;
    }

    public override async Task ApplyAsync(PlannedAction action, ObservedState live, ChangeSession session, CancellationToken cancellationToken)
    {
        var present = Owners(live.State);
        foreach (var call in Describe(action).Zip(Added(action)).Where(pair => !present.Contains(pair.Second)))
            await session.SendConfirmedAsync(call.First, async ct => Owners((await ReadAsync(action, session.Client, ct)).State).Contains(call.Second), cancellationToken);
    }

    public override async Task UndoAsync(PlannedAction action, ObservedState live, ChangeSession session, CancellationToken cancellationToken)
    {
        var present = Owners(live.State);
        foreach (var call in DescribeUndo(action).Zip(Added(action).Reverse()).Where(pair => present.Contains(pair.Second)))
            await session.SendConfirmedAsync(call.First, async ct => !Owners((await ReadAsync(action, session.Client, ct)).State).Contains(call.Second), cancellationToken);
    }

    public RemedyPlan Plan(IReadOnlyList<Finding> findings, RemedyContext context)
    {
        var target = findings[0].Target!;
        if (target.Type != "servicePrincipal")
            return RemedyPlan.Manual($"addOwners needs findings about a service principal; rule {findings[0].RuleId} reports a {target.Type}.");
        var state = target.State;
        var applicationId = state["applicationId"]?.GetValue<string>();
        var (type, id, ownersNode) = applicationId is null
            ? ("servicePrincipal", target.Id, state["owners"])
            : ("application", applicationId, state["applicationOwners"]);
        var displayName = state["displayName"]?.GetValue<string>() ?? findings[0].Resource.DisplayName;
        if (ownersNode is not JsonArray)
            return RemedyPlan.Manual("The scan could not read this application's owners, so the plan cannot say what it would change; scan again with graph.applicationOwners readable.");
        if (context.Owners is null)
            return RemedyPlan.Manual("No owners file was given (--owners owners.yaml): the plan names owners only from it, never by guessing.");
        var tags = Strings(state["tags"]).Concat(Strings(state["applicationTags"]));
        var rule = context.Owners.ForApplication(displayName, tags);
        if (rule is null)
            return RemedyPlan.Manual($"No line of {context.Owners.FileName} matches '{displayName}' (by tag or name) and it has no fallback; add one to have the plan name the owners.");
        var before = Owners(new JsonObject { ["owners"] = ownersNode.DeepClone() });
        var adding = rule.Owners.Where(o => !before.Contains(o.Id)).ToList();
        var chosenBy = rule.Describe(context.Owners.FileName);
        if (adding.Count == 0)
            return RemedyPlan.Manual($"Every owner {chosenBy} names already owns '{displayName}'; name further owners there.", chosenBy: chosenBy);
        return RemedyPlan.Automated(new PlannedAction
        {
            Id = "",
            Action = Name,
            Operation = $"Add {string.Join(", ", adding.Select(o => o.Name ?? o.Id))} as owner{(adding.Count == 1 ? "" : "s")} of {(type == "application" ? "the app registration" : "the service principal")} '{displayName}'",
            Target = new ChangeTarget { Type = type, Id = id, DisplayName = displayName },
            Before = State(before),
            After = State(before.Concat(adding.Select(o => o.Id))),
            Permission = Permission,
            Reversible = true,
            Risk = "The new owners can change the application's credentials, permissions requests and settings: name people or service accounts who are accountable for it. "
                + (findings.Any(f => f.RuleId == "SP002") ? "The departed owners stay; remove them afterwards in the portal once the new owners have taken over." : "Nothing else changes."),
            ChosenBy = chosenBy,
        });
    }

    private static string Collection(PlannedAction action) =>
        $"{Graph}/{(action.Target.Type == "application" ? "applications" : "servicePrincipals")}/{action.Target.Id}";

    /// <summary>The owners the plan adds, in the plan's order (its <c>after</c> minus its <c>before</c>).</summary>
    private static IReadOnlyList<string> Added(PlannedAction action)
    {
        var before = Owners(action.Before);
        return [.. Strings(action.After?["owners"]).Where(o => !before.Contains(o))];
    }

    private static JsonObject State(IEnumerable<string> owners) =>
        new() { ["owners"] = new JsonArray([.. TargetState.Ids(owners).Select(o => (JsonNode?)JsonValue.Create(o))]) };

    private static HashSet<string> Owners(JsonNode? state) => new(Strings(state?["owners"]).Select(o => o.ToLowerInvariant()), StringComparer.Ordinal);

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => n?.GetValue<string>()).OfType<string>() : [];
}
