namespace TenantScanner.Snapshots;

/// <summary>What a canonical request URL reads: the source kind and the ids in its path.</summary>
/// <param name="Kind">The source.</param>
/// <param name="Host">Lower-case host of the canonical URL (identifies a Dataverse org or a vault).</param>
/// <param name="EnvironmentId">Power Platform environment name from the path, when the path has one.</param>
/// <param name="ObjectId">Directory object id (service principal or application) from the path.</param>
/// <param name="FlowId">Flow name from the path.</param>
public sealed record SourceRoute(SourceKind Kind, string Host, string? EnvironmentId = null, string? ObjectId = null, string? FlowId = null)
{
    /// <summary>Pages of one request share this key (the query string, and so the paging token, is not part of it).</summary>
    public string RequestKey => $"{Kind}|{Host}|{EnvironmentId}|{ObjectId}|{FlowId}";
}

/// <summary>
/// Maps canonical service URLs to <see cref="SourceRoute"/>s by host and path (never by file name or
/// exact query string). The same table serves the snapshot loader, the collectors and the fake tenant.
/// </summary>
public static class SourceRoutes
{
    private const string Any = "{}";

    private sealed record Template(ServiceHost Service, SourceKind Kind, string[] Segments);

    private enum ServiceHost { Graph, Bap, Flow, PowerApps, Dataverse, KeyVault }

    private static readonly Template[] Templates =
    [
        T(ServiceHost.Graph, SourceKind.GraphOrganization, "v1.0/organization"),
        T(ServiceHost.Graph, SourceKind.GraphServicePrincipals, "v1.0/servicePrincipals"),
        T(ServiceHost.Graph, SourceKind.GraphServicePrincipalOwners, "v1.0/servicePrincipals/{}/owners"),
        T(ServiceHost.Graph, SourceKind.GraphAppRoleAssignments, "v1.0/servicePrincipals/{}/appRoleAssignments"),
        T(ServiceHost.Graph, SourceKind.GraphAppRoleAssignedTo, "v1.0/servicePrincipals/{}/appRoleAssignedTo"),
        T(ServiceHost.Graph, SourceKind.GraphApplications, "v1.0/applications"),
        T(ServiceHost.Graph, SourceKind.GraphApplicationOwners, "v1.0/applications/{}/owners"),
        T(ServiceHost.Graph, SourceKind.GraphApplicationFederatedCredentials, "v1.0/applications/{}/federatedIdentityCredentials"),
        T(ServiceHost.Graph, SourceKind.GraphUsers, "v1.0/users"),
        T(ServiceHost.Graph, SourceKind.GraphDirectoryObjectsByIds, "v1.0/directoryObjects/getByIds"),
        T(ServiceHost.Graph, SourceKind.GraphDeletedUsers, "v1.0/directory/deletedItems/microsoft.graph.user"),
        T(ServiceHost.Graph, SourceKind.GraphOAuth2PermissionGrants, "v1.0/oauth2PermissionGrants"),
        T(ServiceHost.Graph, SourceKind.GraphRoleAssignments, "v1.0/roleManagement/directory/roleAssignments"),
        T(ServiceHost.Graph, SourceKind.GraphRoleDefinitions, "v1.0/roleManagement/directory/roleDefinitions"),
        T(ServiceHost.Bap, SourceKind.PowerPlatformEnvironments, "providers/Microsoft.BusinessAppPlatform/scopes/admin/environments"),
        T(ServiceHost.Bap, SourceKind.PowerPlatformManagementApps, "providers/Microsoft.BusinessAppPlatform/adminApplications"),
        T(ServiceHost.Flow, SourceKind.Flows, "providers/Microsoft.ProcessSimple/scopes/admin/environments/{env}/v2/flows"),
        T(ServiceHost.Flow, SourceKind.FlowDetails, "providers/Microsoft.ProcessSimple/scopes/admin/environments/{env}/flows/{flow}"),
        T(ServiceHost.Flow, SourceKind.FlowOwners, "providers/Microsoft.ProcessSimple/scopes/admin/environments/{env}/flows/{flow}/owners"),
        T(ServiceHost.PowerApps, SourceKind.Connections, "providers/Microsoft.PowerApps/scopes/admin/environments/{env}/connections"),
        T(ServiceHost.Dataverse, SourceKind.DataverseWorkflows, "api/data/{ver}/workflows"),
        T(ServiceHost.Dataverse, SourceKind.DataverseConnectionReferences, "api/data/{ver}/connectionreferences"),
        T(ServiceHost.Dataverse, SourceKind.DataverseSystemUsers, "api/data/{ver}/systemusers"),
        T(ServiceHost.Dataverse, SourceKind.DataverseEnvironmentVariableDefinitions, "api/data/{ver}/environmentvariabledefinitions"),
        T(ServiceHost.Dataverse, SourceKind.DataverseEnvironmentVariableValues, "api/data/{ver}/environmentvariablevalues"),
        T(ServiceHost.KeyVault, SourceKind.KeyVaultSecrets, "secrets"),
    ];

    /// <summary>Finds the source a canonical URL reads, or null when the scanner does not know the URL.</summary>
    public static SourceRoute? Match(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return null;
        var service = ClassifyHost(uri.Host);
        if (service is null)
            return null;
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(Uri.UnescapeDataString).ToArray();
        foreach (var template in Templates)
        {
            if (template.Service == service && TryBind(template, segments, out var env, out var obj, out var flow))
                return new SourceRoute(template.Kind, uri.Host.ToLowerInvariant(), env, obj, flow);
        }
        return null;
    }

    /// <summary>The canonical base URL of the service that serves <paramref name="kind"/> (Dataverse and Key Vault vary by host).</summary>
    public static string? CanonicalBaseUrl(SourceKind kind) => kind switch
    {
        >= SourceKind.GraphOrganization and <= SourceKind.GraphRoleDefinitions => "https://graph.microsoft.com",
        SourceKind.PowerPlatformEnvironments or SourceKind.PowerPlatformManagementApps => "https://api.bap.microsoft.com",
        SourceKind.Flows or SourceKind.FlowDetails or SourceKind.FlowOwners => "https://api.flow.microsoft.com",
        SourceKind.Connections => "https://api.powerapps.com",
        _ => null,
    };

    private static ServiceHost? ClassifyHost(string host)
    {
        host = host.ToLowerInvariant();
        if (host is "graph.microsoft.com" or "graph.microsoft.us" or "dod-graph.microsoft.us" or "microsoftgraph.chinacloudapi.cn")
            return ServiceHost.Graph;
        if (host.StartsWith("api.bap.", StringComparison.Ordinal))
            return ServiceHost.Bap;
        if (host.StartsWith("api.flow.", StringComparison.Ordinal) || host.EndsWith(".api.flow.microsoft.com", StringComparison.Ordinal))
            return ServiceHost.Flow;
        if (host.StartsWith("api.powerapps.", StringComparison.Ordinal))
            return ServiceHost.PowerApps;
        if (host.EndsWith(".dynamics.com", StringComparison.Ordinal) || host.EndsWith(".microsoftdynamics.us", StringComparison.Ordinal)
            || host.EndsWith(".dynamics.cn", StringComparison.Ordinal) || host.EndsWith(".appsplatform.us", StringComparison.Ordinal))
            return ServiceHost.Dataverse;
        if (host.EndsWith(".vault.azure.net", StringComparison.Ordinal) || host.EndsWith(".vault.usgovcloudapi.net", StringComparison.Ordinal)
            || host.EndsWith(".vault.azure.cn", StringComparison.Ordinal))
            return ServiceHost.KeyVault;
        return null;
    }

    private static bool TryBind(Template template, string[] segments, out string? env, out string? obj, out string? flow)
    {
        env = obj = flow = null;
        if (segments.Length != template.Segments.Length)
            return false;
        for (var i = 0; i < segments.Length; i++)
        {
            var expected = template.Segments[i];
            switch (expected)
            {
                case Any: obj = segments[i]; break;
                case "{env}": env = segments[i]; break;
                case "{flow}": flow = segments[i]; break;
                case "{ver}":
                    if (!segments[i].StartsWith("v9.", StringComparison.OrdinalIgnoreCase))
                        return false;
                    break;
                default:
                    if (!string.Equals(expected, segments[i], StringComparison.OrdinalIgnoreCase))
                        return false;
                    break;
            }
        }
        return true;
    }

    private static Template T(ServiceHost service, SourceKind kind, string path) => new(service, kind, path.Split('/'));
}
