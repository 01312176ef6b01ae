using System.Text.Json;
using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Collect;

/// <summary>
/// Reads the Power Platform admin API (environments, management applications), the Power Automate admin
/// API (flows, each flow with its definition, each flow's owners), the Power Apps admin API (connections)
/// and, per environment with a Dataverse database, the Dataverse Web API. URLs are the routes of
/// <see cref="SourceTable"/> plus the query each source needs here.
/// </summary>
public sealed class PowerPlatformCollector(CollectContext context)
{
    private const string BapVersion = "api-version=2020-10-01";
    private const string FlowVersion = "api-version=2016-11-01";
    /// <summary>Asks for the definition and the connection references explicitly, as the Power Automate clients do; the rules read both.</summary>
    private const string FlowDetailsExpand = "$expand=properties.connectionReferences.apiDefinition,properties.definition";

    private static readonly (SourceKind Kind, string Query)[] DataverseTables =
    [
        (SourceKind.DataverseWorkflows, "$select=workflowid,name,category,statecode,_ownerid_value,clientdata,createdon,modifiedon,_createdby_value,resourceid&$filter=category%20eq%205"),
        (SourceKind.DataverseConnectionReferences, "$select=connectionreferenceid,connectionreferencelogicalname,connectionreferencedisplayname,connectorid,connectionid,_ownerid_value"),
        (SourceKind.DataverseSystemUsers, "$select=systemuserid,applicationid,fullname,isdisabled,azureactivedirectoryobjectid&$filter=applicationid%20ne%20null"),
        (SourceKind.DataverseEnvironmentVariableDefinitions, "$select=environmentvariabledefinitionid,schemaname,displayname,type,defaultvalue"),
        (SourceKind.DataverseEnvironmentVariableValues, "$select=environmentvariablevalueid,_environmentvariabledefinitionid_value,value"),
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
        var environmentsUrl = Url(SourceKind.PowerPlatformEnvironments);
        var listed = await context.TryReadAsync(SourceKind.PowerPlatformEnvironments, null, environmentsUrl,
            async () => environments = await context.Pager.GetAllAsync($"{environmentsUrl}?{BapVersion}", ct), ct);
        var managementAppsUrl = Url(SourceKind.PowerPlatformManagementApps);
        var managementApps = context.TryReadAsync(SourceKind.PowerPlatformManagementApps, null, managementAppsUrl,
            async () => await context.Pager.GetAllAsync($"{managementAppsUrl}?{BapVersion}", ct), ct);

        var wanted = context.Options.Environments;
        var targets = environments
            .Select(env => (Name: env.TryGetProperty("name", out var n) ? n.GetString() : null, InstanceUrl: InstanceUrl(env)))
            .Where(env => env.Name is not null && (wanted.Count == 0 || wanted.Contains(env.Name, StringComparer.OrdinalIgnoreCase)))
            .Select(env => (Name: env.Name!, env.InstanceUrl))
            .ToList();
        if (!listed) // without the list, still read the environments the user named (no Dataverse URL is known then)
            targets = [.. wanted.Select(name => (Name: name, InstanceUrl: (string?)null))];
        foreach (var missing in wanted.Where(w => listed && !targets.Any(t => t.Name.Equals(w, StringComparison.OrdinalIgnoreCase))))
            context.Writer.AddCoverageGap(new CoverageGap { Source = SourceKind.PowerPlatformEnvironments.ToId(), EnvironmentId = missing,
                Error = $"Environment '{missing}' given with --environments is not in the environment list the caller can see." });

        await Task.WhenAll(targets.Select(env => CollectEnvironmentAsync(env.Name, env.InstanceUrl, ct)).Append(managementApps));
    }

    private async Task CollectEnvironmentAsync(string environment, string? instanceUrl, CancellationToken ct)
    {
        var flowsUrl = Url(SourceKind.Flows, environment: environment);
        IReadOnlyList<JsonElement> flows = [];
        var flowsRead = context.TryReadAsync(SourceKind.Flows, environment, flowsUrl,
            async () => flows = await context.Pager.GetAllAsync($"{flowsUrl}?{FlowVersion}", ct), ct);
        var connectionsUrl = Url(SourceKind.Connections, environment: environment);
        var connections = context.TryReadAsync(SourceKind.Connections, environment, connectionsUrl,
            async () => await context.Pager.GetAllAsync($"{connectionsUrl}?{FlowVersion}", ct), ct);
        var dataverse = instanceUrl is null ? Task.CompletedTask : CollectDataverseAsync(environment, instanceUrl, ct);

        if (await flowsRead)
        {
            var names = flows.Select(f => f.TryGetProperty("name", out var n) ? n.GetString() : null).OfType<string>().ToList();
            await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = context.Options.Resilience.MaxConcurrencyPerHost * 2, CancellationToken = ct },
                async (flow, token) =>
                {
                    var flowUrl = Url(SourceKind.FlowDetails, environment: environment, flow: flow);
                    await context.TryReadAsync(SourceKind.FlowDetails, environment, flowUrl,
                        async () => await context.Pager.GetAllAsync($"{flowUrl}?{FlowVersion}&{FlowDetailsExpand}", token), token);
                    var ownersUrl = Url(SourceKind.FlowOwners, environment: environment, flow: flow);
                    await context.TryReadAsync(SourceKind.FlowOwners, environment, ownersUrl,
                        async () => await context.Pager.GetAllAsync($"{ownersUrl}?{FlowVersion}", token), token);
                });
        }
        await Task.WhenAll(connections, dataverse);
    }

    private async Task CollectDataverseAsync(string environment, string instanceUrl, CancellationToken ct)
    {
        var organisation = new Uri(instanceUrl).Authority;
        await Task.WhenAll(DataverseTables.Select(table =>
        {
            var url = Url(table.Kind, host: organisation);
            return context.TryReadAsync(table.Kind, environment, url,
                async () => await context.Pager.GetAllAsync($"{url}?{table.Query}", ct, DataverseHeaders), ct);
        }));
    }

    private static string Url(SourceKind kind, string? host = null, string? environment = null, string? flow = null) =>
        SourceTable.Of(kind).CanonicalUrl(host, environment: environment, flow: flow);

    private static string? InstanceUrl(JsonElement environment) =>
        environment.TryGetProperty("properties", out var properties)
        && properties.TryGetProperty("linkedEnvironmentMetadata", out var linked)
        && linked.TryGetProperty("instanceUrl", out var url) && url.GetString() is { Length: > 0 } value
        && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? value
            : null;
}
