using System.Text.Json;
using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Collect;

/// <summary>
/// Reads the Power Platform admin API (environments, management applications), the Power Automate admin
/// API (flows, each flow with its definition, each flow's owners), the Power Apps admin API (connections)
/// and, per environment with a Dataverse database, the Dataverse Web API.
/// </summary>
public sealed class PowerPlatformCollector(CollectContext context)
{
    public const string Bap = "https://api.bap.microsoft.com/providers/Microsoft.BusinessAppPlatform";
    public const string Flow = "https://api.flow.microsoft.com/providers/Microsoft.ProcessSimple/scopes/admin/environments";
    public const string PowerApps = "https://api.powerapps.com/providers/Microsoft.PowerApps/scopes/admin/environments";
    private const string BapVersion = "api-version=2020-10-01";
    private const string FlowVersion = "api-version=2016-11-01";
    /// <summary>Asks for the definition and the connection references explicitly, as the Power Automate clients do; the rules read both.</summary>
    private const string FlowDetailsExpand = "$expand=properties.connectionReferences.apiDefinition,properties.definition";

    private static readonly (SourceKind Kind, string Query)[] DataverseTables =
    [
        (SourceKind.DataverseWorkflows, "workflows?$select=workflowid,name,category,statecode,_ownerid_value,clientdata,createdon,modifiedon,_createdby_value,resourceid&$filter=category%20eq%205"),
        (SourceKind.DataverseConnectionReferences, "connectionreferences?$select=connectionreferenceid,connectionreferencelogicalname,connectionreferencedisplayname,connectorid,connectionid,_ownerid_value"),
        (SourceKind.DataverseSystemUsers, "systemusers?$select=systemuserid,applicationid,fullname,isdisabled,azureactivedirectoryobjectid&$filter=applicationid%20ne%20null"),
        (SourceKind.DataverseEnvironmentVariableDefinitions, "environmentvariabledefinitions?$select=environmentvariabledefinitionid,schemaname,displayname,type,defaultvalue"),
        (SourceKind.DataverseEnvironmentVariableValues, "environmentvariablevalues?$select=environmentvariablevalueid,_environmentvariabledefinitionid_value,value"),
    ];

    private static readonly Dictionary<string, string> DataverseHeaders = new()
    {
        ["Prefer"] = "odata.maxpagesize=5000, odata.include-annotations=\"Microsoft.Dynamics.CRM.lookuplogicalname\"",
        ["OData-MaxVersion"] = "4.0",
        ["OData-Version"] = "4.0",
        ["Accept"] = "application/json",
    };

    public async Task CollectAsync(CancellationToken ct)
    {
        IReadOnlyList<JsonElement> environments = [];
        var listed = await context.TryReadAsync(SourceKind.PowerPlatformEnvironments, null, $"{Bap}/scopes/admin/environments",
            async () => environments = await context.Pager.GetAllAsync($"{Bap}/scopes/admin/environments?{BapVersion}", ct), ct);
        var managementApps = context.TryReadAsync(SourceKind.PowerPlatformManagementApps, null, $"{Bap}/adminApplications",
            async () => await context.Pager.GetAllAsync($"{Bap}/adminApplications?{BapVersion}", ct), ct);

        var wanted = context.Options.Environments;
        var targets = environments
            .Select(env => (Name: Name(env), InstanceUrl: InstanceUrl(env)))
            .Where(env => env.Name is not null && (wanted.Count == 0 || wanted.Contains(env.Name, StringComparer.OrdinalIgnoreCase)))
            .Select(env => (Name: env.Name!, env.InstanceUrl))
            .ToList();
        if (!listed) // without the list, still read the environments the user named (no Dataverse URL is known then)
            targets = [.. wanted.Select(name => (Name: name, InstanceUrl: (Uri?)null))];
        foreach (var missing in wanted.Where(w => listed && !targets.Any(t => t.Name.Equals(w, StringComparison.OrdinalIgnoreCase))))
            context.Writer.AddCoverageGap(new CoverageGap { Source = SourceKind.PowerPlatformEnvironments.ToId(), EnvironmentId = missing,
                Error = $"Environment '{missing}' given with --environments is not in the environment list the caller can see." });

        await Task.WhenAll(targets.Select(env => CollectEnvironmentAsync(env.Name, env.InstanceUrl, ct)).Append(managementApps));
    }

    private async Task CollectEnvironmentAsync(string environment, Uri? instanceUrl, CancellationToken ct)
    {
        var env = Uri.EscapeDataString(environment);
        var flowsUrl = $"{Flow}/{env}/v2/flows";
        IReadOnlyList<JsonElement> flows = [];
        var flowsRead = context.TryReadAsync(SourceKind.Flows, environment, flowsUrl,
            async () => flows = await context.Pager.GetAllAsync($"{flowsUrl}?{FlowVersion}", ct), ct);
        var connections = context.TryReadAsync(SourceKind.Connections, environment, $"{PowerApps}/{env}/connections",
            async () => await context.Pager.GetAllAsync($"{PowerApps}/{env}/connections?{FlowVersion}", ct), ct);
        var dataverse = instanceUrl is null ? Task.CompletedTask
            : context.Hosts.TryAddDataverse(instanceUrl) ? CollectDataverseAsync(environment, instanceUrl.AbsoluteUri, ct)
            : Task.WhenAll(DataverseTables.Select(table => context.TryReadAsync(table.Kind, environment, instanceUrl.GetLeftPart(UriPartial.Authority),
                () => throw new SourceReadException("", null,
                    $"Not read: the environment's Dataverse URL ({instanceUrl.GetLeftPart(UriPartial.Authority)}) is not an https *.dynamics.com address, so it gets no request and no token."),
                ct)));

        if (await flowsRead)
        {
            var names = flows.Select(Name).OfType<string>().ToList();
            await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = context.Options.Resilience.MaxConcurrencyPerHost * 2, CancellationToken = ct },
                async (flow, token) =>
                {
                    var flowUrl = $"{Flow}/{env}/flows/{Uri.EscapeDataString(flow)}";
                    await context.TryReadAsync(SourceKind.FlowDetails, environment, flowUrl,
                        async () => await context.Pager.GetAllAsync($"{flowUrl}?{FlowVersion}&{FlowDetailsExpand}", token), token);
                    await context.TryReadAsync(SourceKind.FlowOwners, environment, $"{flowUrl}/owners",
                        async () => await context.Pager.GetAllAsync($"{flowUrl}/owners?{FlowVersion}", token), token);
                });
        }
        await Task.WhenAll(connections, dataverse);
    }

    private async Task CollectDataverseAsync(string environment, string instanceUrl, CancellationToken ct)
    {
        var root = instanceUrl.TrimEnd('/') + "/api/data/v9.2/";
        await Task.WhenAll(DataverseTables.Select(table => context.TryReadAsync(table.Kind, environment, root + table.Query.Split('?')[0],
            async () => await context.Pager.GetAllAsync(root + table.Query, ct, DataverseHeaders), ct)));
    }

    private static string? Name(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;

    /// <summary>The environment's Dataverse URL as listed; whether it may be called is <see cref="Http.TrustedHosts"/>' decision.</summary>
    private static Uri? InstanceUrl(JsonElement environment) =>
        environment.ValueKind == JsonValueKind.Object
        && environment.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
        && properties.TryGetProperty("linkedEnvironmentMetadata", out var linked) && linked.ValueKind == JsonValueKind.Object
        && linked.TryGetProperty("instanceUrl", out var url) && url.ValueKind == JsonValueKind.String && url.GetString() is { Length: > 0 } value
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : null;
}
