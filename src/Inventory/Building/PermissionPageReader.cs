using TenantScanner.Inventory.Reference;
using System.Collections.Frozen;
using TenantScanner.Snapshots;

namespace TenantScanner.Inventory.Building;

/// <summary>
/// Collects application permissions (app-role assignments from either direction), delegated grants and
/// directory role assignments; resolves permission and role names once every page has been read.
/// </summary>
internal sealed class PermissionPageReader
{
    private static readonly FrozenDictionary<string, string> PrivilegedRoleNames = CsvTable.ReadEmbedded("privileged-directory-roles.csv")
        .ToFrozenDictionary(row => row["roleTemplateId"], row => row["roleDisplayName"], StringComparer.OrdinalIgnoreCase);

    // Keyed by assignment id: the same assignment is listed by its principal and by its resource.
    private readonly Dictionary<string, AppRoleAssignment> _assignments = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<OAuth2PermissionGrant> _grants = [];
    private readonly List<DirectoryRoleAssignment> _roleAssignments = [];
    private readonly Dictionary<string, string> _roleNames = new(StringComparer.OrdinalIgnoreCase);

    public void Add(ResponsePage page)
    {
        foreach (var item in page.ListItems())
        {
            switch (page.Route.Kind)
            {
                case SourceKind.GraphAppRoleAssignments or SourceKind.GraphAppRoleAssignedTo:
                    var assignment = ReadAssignment(item);
                    _assignments.TryAdd(assignment.Id, assignment);
                    break;
                case SourceKind.GraphOAuth2PermissionGrants: _grants.Add(ReadGrant(item)); break;
                case SourceKind.GraphRoleAssignments: _roleAssignments.Add(ReadRoleAssignment(item)); break;
                case SourceKind.GraphRoleDefinitions:
                    var name = item.String("displayName");
                    if (name is null)
                        break;
                    _roleNames.TryAdd(item.RequiredString("id"), name);
                    if (item.String("templateId") is { } templateId)
                        _roleNames.TryAdd(templateId, name);
                    break;
                default: throw new InvalidOperationException($"{page.Route.Kind} is not a permission source.");
            }
        }
    }

    public PermissionResult Build(Func<string, ServicePrincipal?> findServicePrincipal)
    {
        var assignments = _assignments.Values.Select(a =>
        {
            var resource = findServicePrincipal(a.ResourceId);
            var role = resource?.AppRoles.FirstOrDefault(r => string.Equals(r.Id, a.AppRoleId, StringComparison.OrdinalIgnoreCase));
            return a with
            {
                ResourceAppId = resource?.AppId,
                ResourceDisplayName = a.ResourceDisplayName ?? resource?.DisplayName,
                PermissionName = role?.Value is { Length: > 0 } value ? value : null,
            };
        }).ToList();
        var grants = _grants.Select(g => g with { ResourceAppId = findServicePrincipal(g.ResourceId)?.AppId }).ToList();
        var roles = _roleAssignments.Select(r => r with
        {
            RoleDisplayName = _roleNames.GetValueOrDefault(r.RoleDefinitionId) ?? PrivilegedRoleNames.GetValueOrDefault(r.RoleDefinitionId),
        }).ToList();
        return new PermissionResult(assignments, grants, roles);
    }

    private static AppRoleAssignment ReadAssignment(JsonAt item) => new()
    {
        Id = item.RequiredString("id"),
        PrincipalId = item.RequiredString("principalId"),
        PrincipalType = item.String("principalType"),
        ResourceId = item.RequiredString("resourceId"),
        ResourceDisplayName = item.String("resourceDisplayName"),
        AppRoleId = item.RequiredString("appRoleId"),
        CreatedDateTime = item.Date("createdDateTime"),
        Source = item.Location,
    };

    private static OAuth2PermissionGrant ReadGrant(JsonAt item) => new()
    {
        Id = item.RequiredString("id"),
        ClientId = item.RequiredString("clientId"),
        ConsentType = item.String("consentType") ?? "",
        PrincipalId = item.String("principalId"),
        ResourceId = item.RequiredString("resourceId"),
        Scopes = (item.String("scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Source = item.Location,
    };

    private static DirectoryRoleAssignment ReadRoleAssignment(JsonAt item) => new()
    {
        Id = item.RequiredString("id"),
        PrincipalId = item.RequiredString("principalId"),
        RoleDefinitionId = item.RequiredString("roleDefinitionId"),
        DirectoryScopeId = item.String("directoryScopeId"),
        Source = item.Location,
    };
}

internal sealed record PermissionResult(
    IReadOnlyList<AppRoleAssignment> AppRoleAssignments, IReadOnlyList<OAuth2PermissionGrant> Grants,
    IReadOnlyList<DirectoryRoleAssignment> RoleAssignments);
