namespace TenantScanner.Inventory.Building;

/// <summary>
/// Maps a Dataverse host to the Power Platform environment whose <c>instanceUrl</c> has that host.
/// A host no environment claims keeps the host itself as its environment id, so its data is still
/// reported (and can be told apart) instead of being dropped.
/// </summary>
internal sealed class EnvironmentResolver
{
    private readonly Dictionary<string, string> _byHost = new(StringComparer.OrdinalIgnoreCase);

    public EnvironmentResolver(IEnumerable<PowerPlatformEnvironment> environments)
    {
        foreach (var environment in environments)
        {
            if (HostOf(environment.DataverseInstanceUrl) is { } host)
                _byHost.TryAdd(host, environment.Id);
        }
    }

    public static string? HostOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host.ToLowerInvariant() : null;

    public string ForHost(string host) => _byHost.GetValueOrDefault(host) ?? host;

    public bool IsKnownHost(string host) => _byHost.ContainsKey(host);
}
