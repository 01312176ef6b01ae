using TenantScanner.Rules.Findings;
using TenantScanner.Inventory;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Views;

/// <summary>A connection a flow uses, resolved to the connection record when the inventory has it.</summary>
internal sealed record FlowConnectionItem(Flow Flow, FlowConnectionUse Use, Connection? Connection);

/// <summary><c>flow</c>: a cloud flow with its environment, triggers, owners and the connections it uses.</summary>
internal sealed class FlowView : ResourceType<Flow>
{
    private static readonly ViewSchema TriggerFields = new ViewSchema("trigger").AddRange([
        FieldDefinition.Scalar<FlowTrigger>("name", "string", "Trigger name in the definition.", t => t.Name),
        FieldDefinition.Scalar<FlowTrigger>("type", "string", "Trigger type, e.g. Recurrence, Request, OpenApiConnection.", t => t.Type),
        FieldDefinition.Scalar<FlowTrigger>("kind", "string", "Trigger kind, e.g. Button, Http.", t => t.Kind),
        FieldDefinition.Scalar<FlowTrigger>("classification", "string", "manual, scheduled, automated, httpRequest or unknown.",
            t => FieldNames.EnumId(t.Classification)),
    ]);

    private static readonly ViewSchema OwnerFields = new ViewSchema("flowOwner")
        .AddRange(PrincipalFields.For<FlowOwner>(o => o.Principal))
        .Add(FieldDefinition.Scalar<FlowOwner>("role", "string", "Owner, CanEdit, or the Dataverse record owner.", o => o.Role));

    private static readonly ViewSchema ConnectionUseFields = new ViewSchema("flowConnection")
        .AddRange([
            FieldDefinition.Scalar<FlowConnectionItem>("referenceName", "string", "Key in the flow's connectionReferences.", c => c.Use.ReferenceName),
            FieldDefinition.Scalar<FlowConnectionItem>("apiName", "string", "Connector, e.g. shared_office365.", c => c.Use.ApiName),
            FieldDefinition.Scalar<FlowConnectionItem>("connectionName", "string", "The connection's name, when known.",
                c => c.Connection?.Id ?? c.Use.ConnectionName),
            FieldDefinition.Scalar<FlowConnectionItem>("connectionReference", "string", "Dataverse connection reference logical name (solution flows).",
                c => c.Use.ConnectionReferenceLogicalName),
            FieldDefinition.Scalar<FlowConnectionItem>("found", "boolean", "True when the connection is in the inventory.", c => c.Connection is not null),
        ])
        .AddRange(ConnectionFields.For<FlowConnectionItem>((c, _) => c.Connection, Missing));

    public static readonly ViewSchema Fields = new ViewSchema("flow").AddRange([
        FieldDefinition.Scalar<Flow>("id", "string", "Flow name (a GUID), unique in its environment.", f => f.Id),
        FieldDefinition.Scalar<Flow>("displayName", "string", "Display name.", f => f.DisplayName),
        FieldDefinition.Scalar<Flow>("state", "string", "started, stopped, suspended or unknown.", f => FieldNames.EnumId(f.State)),
        FieldDefinition.Scalar<Flow>("isSolutionAware", "boolean", "True for flows inside a Dataverse solution.", f => f.IsSolutionAware),
        FieldDefinition.Scalar<Flow>("origin", "string", "powerAutomateAdmin or dataverse: which API listed it.", f => FieldNames.EnumId(f.Origin)),
        FieldDefinition.Scalar<Flow>("createdTime", "dateTime", "When it was created.", f => f.CreatedTime),
        FieldDefinition.Scalar<Flow>("lastModifiedTime", "dateTime", "When it was last modified.", f => f.LastModifiedTime),
        FieldDefinition.Object<Flow>("environment", EnvironmentView.Fields, "The environment it lives in.",
            (f, s) => EnvironmentView.Resolve(f.EnvironmentId, s)),
        FieldDefinition.Object<Flow>("creator", PrincipalView.Fields, "Who created it (not the owner).", (f, _) => f.Creator),
        FieldDefinition.Array<Flow>("triggers", TriggerFields, "Its triggers; unknown when the definition was not read.",
            (f, _) => f.Triggers.Count == 0 && f.Definition is null
                ? UnknownValue.Because($"triggers of flow {f.DisplayName} unknown (flow.flowDetails not read)") : f.Triggers),
        FieldDefinition.Scalar<Flow>("isUnattended", "boolean",
            "True when any trigger runs without a person (scheduled, automated, HTTP request); unknown when triggers are unknown.", IsUnattended),
        FieldDefinition.Array<Flow>("owners", OwnerFields, "Owners and co-owners; unknown when owners could not be read.",
            (f, _) => f.OwnersKnown ? f.Owners : UnknownValue.Because($"owners of flow {f.DisplayName} unknown (flow.owners not read)")),
        FieldDefinition.Array<Flow>("connections", ConnectionUseFields, "Connections the flow uses, with the identity each signs in as.",
            (f, s) => ResolveConnections(f, s)),
        FieldDefinition.Array<Flow>("personalConnectionAccounts", null,
            "Accounts (UPNs) of the people the flow's connections sign in as, without duplicates.", PersonalAccounts),
        FieldDefinition.Array<Flow>("connectionsInError", null, "Display names of the flow's connections that report an Error status.",
            (f, s) => ResolveConnections(f, s).Where(c => c.Connection is { IsInError: true }).Select(c => c.Connection!.DisplayName).Distinct().ToList()),
        FieldDefinition.Array<Flow>("inactiveIdentities", null,
            "Disabled or deleted owners and connection identities, one entry per account: 'UPN (disabled|deleted; owner, connection)'.", InactiveIdentities),
    ]);

    public override string Name => "flow";
    public override string Description => "A Power Automate cloud flow.";
    public override ViewSchema Schema => Fields;

    protected override IEnumerable<Flow> Items(ScanServices scan) => scan.Inventory.Flows;

    protected override ResourceRef Describe(Flow item, TenantInventory inventory) => Ref(item, inventory);

    /// <summary>How findings name a flow; also used by resources that belong to a flow (flowSecret).</summary>
    internal static ResourceRef Ref(Flow item, TenantInventory inventory) => new()
    {
        Type = "flow", Id = item.Id, DisplayName = item.DisplayName, EnvironmentId = item.EnvironmentId,
        EnvironmentName = inventory.FindEnvironment(item.EnvironmentId)?.DisplayName,
        Owner = item.OwnersKnown && item.Owners.Count > 0
            ? string.Join(", ", item.Owners.Select(o => o.Principal.UserPrincipalName is { } upn
                ? DeletedUserNames.OriginalPrincipalName(o.Principal.Id, upn) : o.Principal.DisplayName ?? o.Principal.Id))
            : null,
    };

    protected override string? EnvironmentOf(Flow item) => item.EnvironmentId;

    protected override IEnumerable<SourceLocation> Sources(Flow item) =>
        item.DefinitionSource is { } definition ? [item.Source, definition] : [item.Source];

    private static object IsUnattended(Flow flow, EvaluationScope scope)
    {
        if (flow.Triggers.Count == 0)
            return flow.Definition is null
                ? UnknownValue.Because($"triggers of flow {flow.DisplayName} unknown (flow.flowDetails not read)")
                : false;
        if (flow.Triggers.Any(t => t.Classification is TriggerKind.Scheduled or TriggerKind.Automated or TriggerKind.HttpRequest))
            return true;
        return flow.Triggers.Any(t => t.Classification == TriggerKind.Unknown)
            ? UnknownValue.Because($"trigger type of flow {flow.DisplayName} not recognised")
            : false;
    }

    private static List<string> PersonalAccounts(Flow flow, EvaluationScope scope) =>
        ResolveConnections(flow, scope)
            .Where(c => c.Connection is { IdentityKind: ConnectionIdentityKind.User, AccountName: not null })
            .Select(c => c.Connection!.AccountName!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>
    /// One entry per disabled or deleted account, saying why it matters to the flow, e.g.
    /// <c>marek.nowak@contoso.com (disabled; owner, connection)</c>; the connection's name is added only when
    /// it differs from the account (user connections are usually named after the UPN).
    /// </summary>
    private static List<string> InactiveIdentities(Flow flow, EvaluationScope scope)
    {
        var accounts = new List<(PrincipalRef Principal, List<string> Roles)>();
        void Add(PrincipalRef principal, string role)
        {
            if (PrincipalFields.IsActive(principal, scope) is not false)
                return;
            var name = AccountName(principal, scope);
            var entry = accounts.Find(a => string.Equals(AccountName(a.Principal, scope), name, StringComparison.OrdinalIgnoreCase));
            if (entry.Roles is null)
                accounts.Add((principal, [role]));
            else if (!entry.Roles.Contains(role, StringComparer.OrdinalIgnoreCase))
                entry.Roles.Add(role);
        }

        if (flow.OwnersKnown)
            foreach (var owner in flow.Owners)
                Add(owner.Principal, "owner");
        foreach (var use in ResolveConnections(flow, scope))
        {
            if (use.Connection is not { } connection)
                continue;
            var principal = connection switch
            {
                { IdentityKind: ConnectionIdentityKind.User, AccountName: { } upn } =>
                    new PrincipalRef(scope.Inventory.FindUserByPrincipalName(upn)?.Id ?? upn, PrincipalType.User, null, upn),
                { IdentityKind: ConnectionIdentityKind.ServicePrincipal, ClientId: { } clientId }
                    when scope.Inventory.FindServicePrincipalByAppId(clientId) is { } sp =>
                    new PrincipalRef(sp.Id, PrincipalType.ServicePrincipal, sp.DisplayName),
                _ => null,
            };
            if (principal is not null)
                Add(principal, string.Equals(connection.DisplayName, AccountName(principal, scope), StringComparison.OrdinalIgnoreCase)
                    ? "connection" : $"connection '{connection.DisplayName}'");
        }
        return accounts.Select(a => $"{AccountName(a.Principal, scope)} ({AccountState(a.Principal, scope)}; {string.Join(", ", a.Roles)})").ToList();
    }

    private static string AccountName(PrincipalRef principal, EvaluationScope scope) =>
        PrincipalFields.UserPrincipalName(principal, scope) ?? principal.DisplayName ?? principal.Id;

    private static string AccountState(PrincipalRef principal, EvaluationScope scope) =>
        principal.Type == PrincipalType.User && PrincipalFields.FindUser(principal, scope) is { IsDeleted: true } ? "deleted" : "disabled";

    private static List<FlowConnectionItem> ResolveConnections(Flow flow, EvaluationScope scope)
    {
        var items = new List<FlowConnectionItem>(flow.Connections.Count);
        foreach (var use in flow.Connections)
            items.Add(new FlowConnectionItem(flow, use, Resolve(flow, use, scope.Inventory)));
        return items;
    }

    private static Connection? Resolve(Flow flow, FlowConnectionUse use, TenantInventory inventory)
    {
        if (use.ConnectionName is { } name && inventory.FindConnection(flow.EnvironmentId, name) is { } direct)
            return direct;
        if (use.ConnectionReferenceLogicalName is { } logicalName
            && inventory.FindConnectionReference(flow.EnvironmentId, logicalName) is { ConnectionId: { } connectionId })
            return inventory.FindConnection(flow.EnvironmentId, connectionId);
        return null;
    }

    private static UnknownValue Missing(FlowConnectionItem item) => UnknownValue.Because(
        $"connection {item.Use.ConnectionName ?? item.Use.ConnectionReferenceLogicalName ?? item.Use.ReferenceName} used by flow {item.Flow.DisplayName} is not in the inventory (powerapps.connections)");
}
