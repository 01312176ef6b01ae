using System.Globalization;
using System.Text.Json.Nodes;
using TenantScanner.Cli.Changes.Http;
using TenantScanner.Cli.Changes.Plans;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Changes.Actions;

/// <summary>
/// <c>removePassword</c> (CRED001): removes an expired client secret with <c>POST .../removePassword {"keyId"}</c>
/// (learn.microsoft.com/graph/api/application-removepassword, serviceprincipal-removepassword). It cannot be
/// undone. State: <c>{"keyId", "displayName", "endDateTime"}</c> of the secret, or null once it is gone; the
/// secret's value and hint are never part of it.
/// </summary>
public sealed class RemovePasswordAction : ChangeAction, IFindingRemedy
{
    public override string Name => "removePassword";

    public override string Permission => "Application.ReadWrite.All (application permission; Application.ReadWrite.OwnedBy is enough for applications the applying identity owns)";

    public override string? Irreversible => "A removed client secret cannot be restored: Graph never returns a secret's value, and a new secret would be a different credential.";

    public override IReadOnlyList<HttpCall> Describe(PlannedAction action) =>
        [HttpCall.Post($"{Parent(action)}/removePassword", new JsonObject { ["keyId"] = Required(action.Before, "keyId", action) })];

    public override async Task<ObservedState> ReadAsync(PlannedAction action, TenantChangeClient client, CancellationToken cancellationToken)
    {
        var keyId = Required(action.Before, "keyId", action);
        var parent = await client.GetAsync($"{Parent(action)}?$select=id,passwordCredentials", cancellationToken);
        var secret = (parent?["passwordCredentials"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(p => string.Equals(p["keyId"]?.GetValue<string>(), keyId, StringComparison.OrdinalIgnoreCase));
        return new ObservedState(secret is null ? null : State(keyId, secret["displayName"]?.GetValue<string>(), secret["endDateTime"]?.GetValue<string>()));
    }

    public override async Task ApplyAsync(PlannedAction action, ObservedState live, ChangeSession session, CancellationToken cancellationToken) =>
        await session.SendConfirmedAsync(Describe(action)[0], async ct => (await ReadAsync(action, session.Client, ct)).State is null, cancellationToken);

    /// <summary>
    /// Every finding about the secret (e.g. CRED003, its lifetime), and, when it is the parent's only client secret,
    /// CRED005 ("uses a client secret where a certificate or federated credential would do") on the app registration.
    /// </summary>
    public IEnumerable<Finding> AlsoResolves(PlannedAction change, IReadOnlyList<Finding> resolved, IReadOnlyList<Finding> open)
    {
        var state = resolved[0].Target!.State;
        var onlySecret = state["parentPasswordKeyIds"] is JsonArray keys && keys.Count == 1
            && string.Equals(keys[0]?.GetValue<string>(), resolved[0].Target!.Id, StringComparison.OrdinalIgnoreCase);
        var lastSecretFindings = onlySecret
            ? open.Where(f => f.RuleId == "CRED005" && f.Resource.Type == change.Target.Type && string.Equals(f.Resource.Id, change.Target.Id, StringComparison.OrdinalIgnoreCase))
            : [];
        return RemovalEffects.SameTarget(resolved, open).Concat(lastSecretFindings);
    }

    public RemedyPlan Plan(IReadOnlyList<Finding> findings, RemedyContext context)
    {
        var target = findings[0].Target!;
        var state = target.State;
        if (target.Type != "credential")
            return RemedyPlan.Manual($"removePassword needs findings about a credential; rule {findings[0].RuleId} reports a {target.Type}.");
        if (state["type"]?.GetValue<string>() != "password")
            return RemedyPlan.Manual("This is a certificate: removing it through Graph needs a proof of possession signed with its private key (removeKey), "
                + "so delete it in the portal (App registrations > the app > Certificates & secrets).");
        var parentType = state["parentType"]!.GetValue<string>();
        var parentName = state["parentDisplayName"]?.GetValue<string>() ?? findings[0].Resource.DisplayName;
        var name = state["displayName"]?.GetValue<string>();
        return RemedyPlan.Automated(new PlannedAction
        {
            Id = "",
            Action = Name,
            Operation = $"Remove the expired client secret {(name is null ? "" : $"'{name}' ")}(key {target.Id}) from {(parentType == "application" ? "the app registration" : "the service principal")} '{parentName}'",
            Target = new ChangeTarget { Type = parentType, Id = state["parentId"]!.GetValue<string>(), DisplayName = parentName },
            Before = State(target.Id, name, state["endDateTime"]?.GetValue<string>()),
            After = null,
            Permission = Permission,
            Reversible = false,
            Risk = "The secret has expired, so nothing can sign in with it any more; removing it cannot be undone. "
                + "A workload still configured with it is already failing and needs a new credential either way.",
        });
    }

    private static string Parent(PlannedAction action) =>
        $"{Graph}/{(action.Target.Type == "application" ? "applications" : "servicePrincipals")}/{action.Target.Id}";

    /// <summary>The secret's identifying facts; dates in the scan's UTC form so that the plan and a live read compare equal.</summary>
    private static JsonObject State(string keyId, string? displayName, string? endDateTime) => new()
    {
        ["keyId"] = keyId.ToLowerInvariant(),
        ["displayName"] = displayName,
        ["endDateTime"] = endDateTime is not null && DateTimeOffset.TryParse(endDateTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end)
            ? end.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : endDateTime,
    };
}
