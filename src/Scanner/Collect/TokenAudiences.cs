using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Collect;

/// <summary>
/// The token scope each service accepts. Graph: <c>https://graph.microsoft.com/.default</c>; the Power
/// Platform admin (BAP) and Power Apps admin APIs: <c>https://service.powerapps.com/.default</c>; the Power
/// Automate admin API: <c>https://service.flow.microsoft.com/.default</c>; Dataverse: the organisation URL
/// itself; Key Vault: <c>https://vault.azure.net/.default</c>. Which host is which service comes from
/// <see cref="SourceServices"/>; Graph and Dataverse hosts of sovereign clouds are refused because their
/// audiences differ and are not known here.
/// </summary>
public static class TokenAudiences
{
    public const string Graph = "https://graph.microsoft.com/.default";
    public const string PowerApps = "https://service.powerapps.com/.default";
    public const string Flow = "https://service.flow.microsoft.com/.default";
    public const string KeyVault = "https://vault.azure.net/.default";

    public static string ScopeFor(Uri canonical)
    {
        var host = canonical.Host.ToLowerInvariant();
        return SourceServices.Classify(host) switch
        {
            SourceService.Graph when host == SourceServices.PublicHost(SourceService.Graph) => Graph,
            SourceService.PowerPlatformAdmin or SourceService.PowerAppsAdmin => PowerApps,
            SourceService.PowerAutomateAdmin => Flow,
            SourceService.KeyVault => KeyVault,
            SourceService.Dataverse when host.EndsWith(".dynamics.com", StringComparison.Ordinal) => $"https://{host}/.default",
            _ => throw new InvalidOperationException($"No token audience is known for host '{host}'; the collector does not call it."),
        };
    }
}
