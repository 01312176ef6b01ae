using TenantScanner.Snapshots;

namespace TenantScanner.Inventory.Building;

/// <summary>
/// Collects flows from the Power Automate admin list, the per-flow details and owners, and Dataverse
/// <c>workflows</c>, then merges them into one <see cref="Flow"/> per flow (never one per source).
/// </summary>
internal sealed class FlowPageReader
{
    /// <summary>The list item (or details, when the list lacked the flow) plus what the details added.</summary>
    private sealed record AdminFlow(Flow Partial, string? WorkflowEntityId);

    private sealed record DataverseWorkflow(string Host, Flow Partial, string WorkflowId, string? ResourceId, string? WorkflowIdUnique,
        string? OwnerId, string? OwnerLogicalName, string? OwnerName);

    private readonly Dictionary<string, AdminFlow> _admin = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<DataverseWorkflow> _workflows = [];
    private readonly PerObjectResults<FlowOwner> _owners = new();

    private static string Key(string environmentId, string flowId) => environmentId + "|" + flowId;

    public void Add(ResponsePage page)
    {
        switch (page.Route.Kind)
        {
            case SourceKind.Flows:
                foreach (var item in page.ListItems())
                    Merge(ReadAdminFlow(item, page.Route.EnvironmentId ?? ""));
                break;
            case SourceKind.FlowDetails:
                if (page.Body.ValueKind != System.Text.Json.JsonValueKind.Object)
                    throw page.Root.ShapeError("", "a flow object");
                Merge(ReadAdminFlow(page.Root, page.Route.EnvironmentId ?? ""));
                break;
            case SourceKind.FlowOwners:
                _owners.Add(Key(page.Route.EnvironmentId ?? "", page.Route.FlowId ?? ""), page.ListItems().Select(ReadOwner));
                break;
            case SourceKind.DataverseWorkflows:
                foreach (var item in page.ListItems())
                {
                    // Category 5 is a modern (cloud) flow; classic workflows and business rules are not flows.
                    if (item.Long("category") is null or 5)
                        _workflows.Add(ReadWorkflow(item, page.Route.Host));
                }
                break;
            default: throw new InvalidOperationException($"{page.Route.Kind} is not a flow source.");
        }
    }

    public void Fail(SourceRoute route)
    {
        if (route.Kind == SourceKind.FlowOwners && route.EnvironmentId is { } env && route.FlowId is { } flow)
            _owners.Fail(Key(env, flow));
    }

    public IReadOnlyList<Flow> Build(EnvironmentResolver environments, Func<string, string, ApplicationUser?> findApplicationUser)
    {
        var flows = new List<Flow>(_admin.Count + _workflows.Count);
        var byAlias = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var admin in _admin.Values)
        {
            var flow = admin.Partial;
            if (_owners.Complete(Key(flow.EnvironmentId, flow.Id)) is { } owners)
                flow = flow with { Owners = owners, OwnersKnown = true };
            byAlias.TryAdd(Key(flow.EnvironmentId, flow.Id), flows.Count);
            if (admin.WorkflowEntityId is { } entityId)
                byAlias.TryAdd(Key(flow.EnvironmentId, entityId), flows.Count);
            flows.Add(flow);
        }
        foreach (var workflow in _workflows)
        {
            var environmentId = environments.ForHost(workflow.Host);
            var owner = DataverseOwner(workflow, findApplicationUser);
            var match = new[] { workflow.ResourceId, workflow.WorkflowIdUnique, workflow.WorkflowId }
                .Where(id => id is not null)
                .Select(id => byAlias.TryGetValue(Key(environmentId, id!), out var index) ? index : -1)
                .FirstOrDefault(index => index >= 0, -1);
            if (match >= 0)
            {
                flows[match] = MergeDataverse(flows[match], workflow.Partial, owner);
                continue;
            }
            var flow = workflow.Partial with
            {
                EnvironmentId = environmentId,
                Owners = owner is null ? [] : [owner],
                OwnersKnown = owner is not null,
            };
            byAlias.TryAdd(Key(environmentId, flow.Id), flows.Count);
            flows.Add(flow);
        }
        return flows;
    }

    /// <summary>The admin API's facts win; Dataverse fills what the admin API did not return.</summary>
    private static Flow MergeDataverse(Flow admin, Flow dataverse, FlowOwner? owner) => admin with
    {
        IsSolutionAware = true,
        Definition = admin.Definition ?? dataverse.Definition,
        DefinitionSource = admin.Definition is null ? dataverse.DefinitionSource : admin.DefinitionSource,
        Triggers = admin.Triggers.Count > 0 ? admin.Triggers : dataverse.Triggers,
        Connections = admin.Connections.Count > 0 ? admin.Connections : dataverse.Connections,
        Owners = admin.OwnersKnown || owner is null ? admin.Owners : [owner],
        OwnersKnown = admin.OwnersKnown || owner is not null,
        CreatedTime = admin.CreatedTime ?? dataverse.CreatedTime,
        LastModifiedTime = admin.LastModifiedTime ?? dataverse.LastModifiedTime,
    };

    /// <summary>A list item and its details GET describe the same flow: keep the first source, add the body.</summary>
    private void Merge(AdminFlow incoming)
    {
        var key = Key(incoming.Partial.EnvironmentId, incoming.Partial.Id);
        if (!_admin.TryGetValue(key, out var existing))
        {
            _admin[key] = incoming;
            return;
        }
        var current = existing.Partial;
        var added = incoming.Partial;
        _admin[key] = existing with
        {
            WorkflowEntityId = existing.WorkflowEntityId ?? incoming.WorkflowEntityId,
            Partial = current with
            {
                IsSolutionAware = current.IsSolutionAware || added.IsSolutionAware,
                Definition = current.Definition ?? added.Definition,
                DefinitionSource = current.Definition is null ? added.DefinitionSource : current.DefinitionSource,
                Triggers = current.Triggers.Count > 0 ? current.Triggers : added.Triggers,
                Connections = current.Connections.Count > 0 ? current.Connections : added.Connections,
                Creator = current.Creator ?? added.Creator,
                CreatedTime = current.CreatedTime ?? added.CreatedTime,
                LastModifiedTime = current.LastModifiedTime ?? added.LastModifiedTime,
                State = current.State == FlowState.Unknown ? added.State : current.State,
            },
        };
    }

    private static AdminFlow ReadAdminFlow(JsonAt item, string environmentId)
    {
        var properties = item.Object("properties");
        var body = FlowDefinitionReader.Read(properties);
        var creator = properties?.Object("creator");
        var entityId = properties?.String("workflowEntityId");
        var flow = new Flow
        {
            Id = item.RequiredString("name"),
            EnvironmentId = environmentId,
            DisplayName = properties?.String("displayName") ?? item.RequiredString("name"),
            State = Enum.TryParse<FlowState>(properties?.String("state"), ignoreCase: true, out var state) && Enum.IsDefined(state) ? state : FlowState.Unknown,
            IsSolutionAware = entityId is { Length: > 0 },
            Origin = FlowOrigin.PowerAutomateAdmin,
            Creator = creator?.String("objectId") is { } creatorId
                ? new PrincipalRef(creatorId, creator.Value.String("userType") is "ServicePrincipal" ? PrincipalType.ServicePrincipal : PrincipalType.User)
                : null,
            CreatedTime = properties?.Date("createdTime"),
            LastModifiedTime = properties?.Date("lastModifiedTime"),
            Triggers = body.Triggers,
            Connections = body.Connections,
            Definition = body.Definition,
            DefinitionSource = body.DefinitionSource,
            Source = item.Location,
        };
        return new AdminFlow(flow, entityId is { Length: > 0 } ? entityId : null);
    }

    private static FlowOwner ReadOwner(JsonAt item)
    {
        var properties = item.Object("properties");
        var principal = properties?.Object("principal");
        var id = principal?.String("id") ?? item.RequiredString("name");
        var reference = new PrincipalRef(id, PowerPlatformPageReader.PrincipalTypeOf(principal?.String("type")),
            principal?.String("displayName"), principal?.String("email"));
        return new FlowOwner(reference, properties?.String("roleName") ?? "", item.Location);
    }

    private static DataverseWorkflow ReadWorkflow(JsonAt item, string host)
    {
        var workflowId = item.RequiredString("workflowid");
        var resourceId = item.String("resourceid");
        var body = FlowDefinitionReader.ReadClientData(item);
        var flow = new Flow
        {
            Id = resourceId ?? workflowId,
            EnvironmentId = "",
            DisplayName = item.String("name") ?? workflowId,
            State = item.Long("statecode") switch
            {
                0 => FlowState.Stopped,
                1 => FlowState.Started,
                2 => FlowState.Suspended,
                _ => FlowState.Unknown,
            },
            IsSolutionAware = true,
            Origin = FlowOrigin.Dataverse,
            Creator = item.String("_createdby_value") is { } creator ? new PrincipalRef(creator, PrincipalType.User) : null,
            CreatedTime = item.Date("createdon"),
            LastModifiedTime = item.Date("modifiedon"),
            Triggers = body.Triggers,
            Connections = body.Connections,
            Definition = body.Definition,
            DefinitionSource = body.DefinitionSource,
            Source = item.Location,
        };
        return new DataverseWorkflow(host, flow, workflowId, resourceId, item.String("workflowidunique"),
            item.String("_ownerid_value"), item.String("_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname"),
            item.String("_ownerid_value@OData.Community.Display.V1.FormattedValue"));
    }

    /// <summary>
    /// The Dataverse record owner. A team is a group; an application user is named by its app id; any
    /// other system user keeps its Dataverse systemuser id (not an Entra object id).
    /// </summary>
    private static FlowOwner? DataverseOwner(DataverseWorkflow workflow, Func<string, string, ApplicationUser?> findApplicationUser)
    {
        if (workflow.OwnerId is not { } ownerId)
            return null;
        var source = workflow.Partial.Source.Child("/_ownerid_value");
        if (string.Equals(workflow.OwnerLogicalName, "team", StringComparison.OrdinalIgnoreCase))
            return new FlowOwner(new PrincipalRef(ownerId, PrincipalType.Group, workflow.OwnerName), "Owner", source);
        if (findApplicationUser(workflow.Host, ownerId) is { } applicationUser)
            return new FlowOwner(new PrincipalRef(applicationUser.ApplicationId, PrincipalType.ApplicationUser, applicationUser.FullName ?? workflow.OwnerName), "Owner", source);
        return new FlowOwner(new PrincipalRef(ownerId, PrincipalType.User, workflow.OwnerName), "Owner", source);
    }
}
