using TenantScanner.Snapshots;

namespace TenantScanner.Inventory.Building;

/// <summary>Collects environments, management applications and connections (BAP and Power Apps admin APIs).</summary>
internal sealed class PowerPlatformPageReader
{
    private readonly Dictionary<string, PowerPlatformEnvironment> _environments = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _managementAppIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string, string), Connection> _connections = [];

    public IReadOnlyCollection<PowerPlatformEnvironment> Environments => _environments.Values;
    public IReadOnlySet<string> ManagementAppIds => _managementAppIds;
    public IReadOnlyList<Connection> Connections => [.. _connections.Values];

    public void Add(ResponsePage page)
    {
        foreach (var item in page.ListItems())
        {
            switch (page.Route.Kind)
            {
                case SourceKind.PowerPlatformEnvironments:
                    var environment = ReadEnvironment(item);
                    _environments.TryAdd(environment.Id, environment);
                    break;
                case SourceKind.PowerPlatformManagementApps:
                    _managementAppIds.Add(item.RequiredString("applicationId"));
                    break;
                case SourceKind.Connections:
                    var connection = ReadConnection(item, page.Route.EnvironmentId ?? "");
                    _connections.TryAdd((connection.EnvironmentId.ToLowerInvariant(), connection.Id.ToLowerInvariant()), connection);
                    break;
                default: throw new InvalidOperationException($"{page.Route.Kind} is not a Power Platform source.");
            }
        }
    }

    private static PowerPlatformEnvironment ReadEnvironment(JsonAt item)
    {
        var properties = item.Object("properties");
        var sku = properties?.String("environmentSku");
        var instanceUrl = properties?.Object("linkedEnvironmentMetadata")?.String("instanceUrl");
        var isDefault = properties?.Bool("isDefault") ?? false;
        return new PowerPlatformEnvironment
        {
            Id = item.RequiredString("name"),
            DisplayName = properties?.String("displayName") ?? item.RequiredString("name"),
            Type = Enum.TryParse<EnvironmentType>(sku, ignoreCase: true, out var type) && Enum.IsDefined(type) && sku!.Any(char.IsLetter)
                ? type
                : isDefault ? EnvironmentType.Default : EnvironmentType.Other,
            IsDefault = isDefault,
            DataverseInstanceUrl = string.IsNullOrWhiteSpace(instanceUrl) ? null : instanceUrl,
            Location = properties?.String("azureRegion") ?? item.String("location"),
            Source = item.Location,
        };
    }

    private static Connection ReadConnection(JsonAt item, string environmentId)
    {
        var properties = item.Object("properties");
        var statuses = properties?.Objects("statuses").ToList() ?? [];
        var error = statuses.Select(s => s.Object("error")).FirstOrDefault(e => e is not null);
        var identity = ConnectionIdentityReader.Read(properties);
        var createdBy = properties?.Object("createdBy");
        return new Connection
        {
            Id = item.RequiredString("name"),
            EnvironmentId = environmentId,
            ApiName = ApiName(properties?.String("apiId") ?? item.String("id")),
            DisplayName = properties?.String("displayName") ?? item.RequiredString("name"),
            IdentityKind = identity.Kind,
            AccountName = identity.AccountName,
            ClientId = identity.ClientId,
            CreatedBy = createdBy is { } c && c.String("id") is { } creatorId
                ? new PrincipalRef(creatorId, PrincipalTypeOf(c.String("type")), c.String("displayName"), c.String("userPrincipalName") ?? c.String("email"))
                : null,
            Statuses = [.. statuses.Select(s => s.String("status")).OfType<string>()],
            ErrorCode = error?.String("code"),
            ErrorMessage = error?.String("message"),
            Source = item.Location,
        };
    }

    /// <summary><c>/providers/Microsoft.PowerApps/apis/shared_office365[/connections/x]</c> → <c>shared_office365</c>.</summary>
    public static string ApiName(string? apiId)
    {
        if (string.IsNullOrEmpty(apiId))
            return "";
        var segments = apiId.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var apis = Array.FindIndex(segments, s => s.Equals("apis", StringComparison.OrdinalIgnoreCase));
        return apis >= 0 && apis + 1 < segments.Length ? segments[apis + 1] : segments[^1];
    }

    public static PrincipalType PrincipalTypeOf(string? type) => type?.ToLowerInvariant() switch
    {
        "user" => PrincipalType.User,
        "group" => PrincipalType.Group,
        "serviceprincipal" or "application" => PrincipalType.ServicePrincipal,
        _ => PrincipalType.Unknown,
    };
}
