namespace TenantScanner.Snapshots;

/// <summary>The web services the scanner reads; every <see cref="SourceKind"/> belongs to exactly one.</summary>
public enum SourceService
{
    /// <summary>Microsoft Graph v1.0.</summary>
    Graph,
    /// <summary>Power Platform admin API (BAP).</summary>
    PowerPlatformAdmin,
    /// <summary>Power Automate admin API.</summary>
    PowerAutomateAdmin,
    /// <summary>Power Apps admin API.</summary>
    PowerAppsAdmin,
    /// <summary>Dataverse Web API; the host is the environment's organisation.</summary>
    Dataverse,
    /// <summary>Key Vault data plane; the host is the vault.</summary>
    KeyVault,
}

/// <summary>
/// Which hosts belong to which service (public and sovereign clouds), and the public-cloud root of the
/// services that have one fixed host. The snapshot loader, the collectors' endpoint map and the token
/// audiences all ask here.
/// </summary>
public static class SourceServices
{
    /// <summary>The service a host belongs to, or null when the scanner does not read that host.</summary>
    public static SourceService? Classify(string host)
    {
        host = host.ToLowerInvariant();
        if (host is "graph.microsoft.com" or "graph.microsoft.us" or "dod-graph.microsoft.us" or "microsoftgraph.chinacloudapi.cn")
            return SourceService.Graph;
        if (host.StartsWith("api.bap.", StringComparison.Ordinal))
            return SourceService.PowerPlatformAdmin;
        if (host.StartsWith("api.flow.", StringComparison.Ordinal) || host.EndsWith(".api.flow.microsoft.com", StringComparison.Ordinal))
            return SourceService.PowerAutomateAdmin;
        if (host.StartsWith("api.powerapps.", StringComparison.Ordinal))
            return SourceService.PowerAppsAdmin;
        if (host.EndsWith(".dynamics.com", StringComparison.Ordinal) || host.EndsWith(".microsoftdynamics.us", StringComparison.Ordinal)
            || host.EndsWith(".dynamics.cn", StringComparison.Ordinal) || host.EndsWith(".appsplatform.us", StringComparison.Ordinal))
            return SourceService.Dataverse;
        if (host.EndsWith(".vault.azure.net", StringComparison.Ordinal) || host.EndsWith(".vault.usgovcloudapi.net", StringComparison.Ordinal)
            || host.EndsWith(".vault.azure.cn", StringComparison.Ordinal))
            return SourceService.KeyVault;
        return null;
    }

    /// <summary>
    /// The public-cloud host of a service with one fixed host; null for Dataverse and Key Vault, whose host
    /// names the organisation or the vault.
    /// </summary>
    public static string? PublicHost(SourceService service) => service switch
    {
        SourceService.Graph => "graph.microsoft.com",
        SourceService.PowerPlatformAdmin => "api.bap.microsoft.com",
        SourceService.PowerAutomateAdmin => "api.flow.microsoft.com",
        SourceService.PowerAppsAdmin => "api.powerapps.com",
        _ => null,
    };
}
