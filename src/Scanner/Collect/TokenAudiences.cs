namespace TenantScanner.Cli.Collect;

/// <summary>
/// The token scope each service accepts. Graph: <c>https://graph.microsoft.com/.default</c>; the Power
/// Platform admin (BAP) and Power Apps admin APIs: <c>https://service.powerapps.com/.default</c>; the Power
/// Automate admin API: <c>https://service.flow.microsoft.com/.default</c>; Dataverse: the organisation URL
/// itself; Key Vault: <c>https://vault.azure.net/.default</c>. Which host may get which token is
/// <see cref="Http.TrustedHosts"/>' job.
/// </summary>
public static class TokenAudiences
{
    public const string Graph = "https://graph.microsoft.com/.default";
    public const string PowerApps = "https://service.powerapps.com/.default";
    public const string Flow = "https://service.flow.microsoft.com/.default";
    public const string KeyVault = "https://vault.azure.net/.default";

    /// <summary>The exact service hosts of the public cloud and the audience each accepts; no prefix or suffix matching.</summary>
    public static IReadOnlyDictionary<string, string> PublicCloudHosts { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["graph.microsoft.com"] = Graph,
        ["api.bap.microsoft.com"] = PowerApps,
        ["api.powerapps.com"] = PowerApps,
        ["api.flow.microsoft.com"] = Flow,
    };

    /// <summary>Dataverse accepts a token for the organisation URL itself.</summary>
    public static string Dataverse(string host) => $"https://{host.ToLowerInvariant()}/.default";
}
