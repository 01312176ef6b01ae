using TenantScanner.Snapshots;

namespace TenantScanner.Inventory.Building;

/// <summary>
/// Collects Dataverse connection references, application users and environment variables. A Dataverse
/// URL names its organisation only by host; the environment is resolved when everything has been read.
/// </summary>
internal sealed class DataversePageReader
{
    private readonly List<(string Host, ConnectionReference Partial)> _references = [];
    private readonly List<(string Host, ApplicationUser Partial)> _applicationUsers = [];
    private readonly List<(string Host, EnvironmentVariable Partial)> _definitions = [];
    private readonly Dictionary<(string Host, string DefinitionId), (string Value, SourceLocation Source)> _values = [];
    private readonly Dictionary<(string Host, string SystemUserId), ApplicationUser> _applicationUsersById = [];

    public void Add(ResponsePage page)
    {
        var host = page.Route.Host;
        foreach (var item in page.ListItems())
        {
            switch (page.Route.Kind)
            {
                case SourceKind.DataverseConnectionReferences: _references.Add((host, ReadReference(item))); break;
                case SourceKind.DataverseSystemUsers:
                    // Only application users matter; the collector filters, but a full list must not add people.
                    if (item.String("applicationid") is { Length: > 0 } applicationId && !IsEmptyGuid(applicationId))
                    {
                        var user = ReadApplicationUser(item, applicationId);
                        if (_applicationUsersById.TryAdd((host, user.SystemUserId.ToLowerInvariant()), user))
                            _applicationUsers.Add((host, user));
                    }
                    break;
                case SourceKind.DataverseEnvironmentVariableDefinitions: _definitions.Add((host, ReadDefinition(item))); break;
                case SourceKind.DataverseEnvironmentVariableValues:
                    if (item.String("_environmentvariabledefinitionid_value") is { } definitionId)
                        _values.TryAdd((host, definitionId.ToLowerInvariant()), (item.String("value") ?? "", item.Location));
                    break;
                default: throw new InvalidOperationException($"{page.Route.Kind} is not a Dataverse source handled here.");
            }
        }
    }

    public DataverseResult Build(EnvironmentResolver environments)
    {
        var references = _references.Select(r => r.Partial with { EnvironmentId = environments.ForHost(r.Host) }).ToList();
        var applicationUsers = _applicationUsers.Select(u => u.Partial with { EnvironmentId = environments.ForHost(u.Host) }).ToList();
        var variables = _definitions.Select(d =>
        {
            var value = _values.TryGetValue((d.Host, d.Partial.DefinitionId.ToLowerInvariant()), out var found) ? found : default;
            return d.Partial with
            {
                EnvironmentId = environments.ForHost(d.Host),
                CurrentValue = value.Source is null ? null : value.Value,
                ValueSource = value.Source,
            };
        }).ToList();
        return new DataverseResult(references, applicationUsers, variables);
    }

    /// <summary>Finds an application user by its Dataverse systemuser id, for Dataverse flow owners.</summary>
    public ApplicationUser? FindApplicationUser(string host, string systemUserId) =>
        _applicationUsersById.GetValueOrDefault((host, systemUserId.ToLowerInvariant()));

    private static bool IsEmptyGuid(string id) => Guid.TryParse(id, out var guid) && guid == Guid.Empty;

    private static ConnectionReference ReadReference(JsonAt item) => new()
    {
        Id = item.RequiredString("connectionreferenceid"),
        EnvironmentId = "",
        LogicalName = item.RequiredString("connectionreferencelogicalname"),
        DisplayName = item.String("connectionreferencedisplayname"),
        ConnectorId = item.String("connectorid"),
        ConnectionId = item.String("connectionid"),
        OwnerId = item.String("_ownerid_value"),
        Source = item.Location,
    };

    private static ApplicationUser ReadApplicationUser(JsonAt item, string applicationId) => new()
    {
        SystemUserId = item.RequiredString("systemuserid"),
        EnvironmentId = "",
        ApplicationId = applicationId,
        FullName = item.String("fullname"),
        IsDisabled = item.Bool("isdisabled") ?? false,
        Source = item.Location,
    };

    private static EnvironmentVariable ReadDefinition(JsonAt item)
    {
        var type = item.Long("type");
        return new EnvironmentVariable
        {
            DefinitionId = item.RequiredString("environmentvariabledefinitionid"),
            EnvironmentId = "",
            SchemaName = item.RequiredString("schemaname"),
            DisplayName = item.String("displayname"),
            Type = type is { } t && Enum.IsDefined(typeof(EnvironmentVariableType), (int)t) ? (EnvironmentVariableType)(int)t : EnvironmentVariableType.Unknown,
            DefaultValue = item.String("defaultvalue"),
            Source = item.Location,
        };
    }
}

internal sealed record DataverseResult(
    IReadOnlyList<ConnectionReference> ConnectionReferences, IReadOnlyList<ApplicationUser> ApplicationUsers,
    IReadOnlyList<EnvironmentVariable> EnvironmentVariables);
