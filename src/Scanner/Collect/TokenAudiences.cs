namespace TenantScanner.Cli.Collect;

/// <summary>
/// The token scope each service accepts. Graph: <c>https://graph.microsoft.com/.default</c>; the Power
/// Platform admin (BAP) and Power Apps admin APIs: <c>https://service.powerapps.com/.default</c>; the Power
/// Automate admin API: <c>https://service.flow.microsoft.com/.default</c>; Dataverse: the organisation URL
/// itself; Key Vault: <c>https://vault.azure.net/.default</c>.
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
        if (host is "graph.microsoft.com")
            return Graph;
        if (host.StartsWith("api.bap.", StringComparison.Ordinal) || host.StartsWith("api.powerapps.", StringComparison.Ordinal))
            return PowerApps;
        if (host.StartsWith("api.flow.", StringComparison.Ordinal) || host.EndsWith(".api.flow.microsoft.com", StringComparison.Ordinal))
            return Flow;
        if (EndpointMap.IsKeyVaultHost(host))
            return KeyVault;
        if (host.EndsWith(".dynamics.com", StringComparison.Ordinal))
            return $"https://{host}/.default";
        throw new InvalidOperationException($"No token audience is known for host '{host}'; the collector does not call it.");
    }
}
