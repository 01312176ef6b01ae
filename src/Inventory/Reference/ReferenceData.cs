namespace TenantScanner.Inventory.Reference;

/// <summary>One classified application permission (graph-app-permissions-*.csv).</summary>
public sealed record PermissionReference(string Permission, string AppRoleId, string ResourceAppId, string? Tier, string? PathType,
    string? RiskLevel, string? Reason, string? NarrowerAlternative);

/// <summary>One privileged directory role (privileged-directory-roles.csv).</summary>
public sealed record PrivilegedRoleReference(string DisplayName, string RoleTemplateId, string Tier, string? PathType);

/// <summary>
/// The reference data embedded from /work/shared/data/graph-permissions (see README there for sources and
/// licences). Loaded once, on first use.
/// </summary>
public static class ReferenceData
{
    private static readonly Lazy<PermissionTable> LazyPermissions = new(PermissionTable.Load);
    private static readonly Lazy<PrivilegedRoleTable> LazyRoles = new(PrivilegedRoleTable.Load);

    public static PermissionTable Permissions => LazyPermissions.Value;
    public static PrivilegedRoleTable PrivilegedRoles => LazyRoles.Value;
}

public sealed class PermissionTable
{
    private readonly Dictionary<(string, string), PermissionReference> _byId;
    private readonly Dictionary<string, PermissionReference> _byName;

    private PermissionTable(IReadOnlyList<PermissionReference> entries)
    {
        Entries = entries;
        _byId = [];
        _byName = new(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries)
        {
            _byId.TryAdd((e.ResourceAppId.ToLowerInvariant(), e.AppRoleId.ToLowerInvariant()), e);
            if (e.ResourceAppId.Equals(GraphAppId, StringComparison.OrdinalIgnoreCase))
                _byName.TryAdd(e.Permission, e);
        }
    }

    public const string GraphAppId = "00000003-0000-0000-c000-000000000000";

    public IReadOnlyList<PermissionReference> Entries { get; }

    /// <summary>By (resourceAppId, appRoleId); else by Graph permission name when the resource is unknown or Graph.</summary>
    public PermissionReference? Find(string? resourceAppId, string appRoleId, string? permissionName)
    {
        if (resourceAppId is not null && _byId.TryGetValue((resourceAppId.ToLowerInvariant(), appRoleId.ToLowerInvariant()), out var byId))
            return byId;
        var graphOrUnknown = resourceAppId is null || resourceAppId.Equals(GraphAppId, StringComparison.OrdinalIgnoreCase);
        return graphOrUnknown && permissionName is not null ? _byName.GetValueOrDefault(permissionName) : null;
    }

    internal static PermissionTable Load()
    {
        // The risk table has prose (reason, narrower alternative) and wins over the classification-only extras.
        var risk = CsvTable.ReadEmbedded("graph-app-permissions-risk.csv").Select(r => new PermissionReference(
            r["permission"], r["appRoleId"], r["resourceAppId"], Empty(r["azure_tiering_tier"]), Empty(r["azure_tiering_pathType"]),
            Empty(r["proposed_risk"]) ?? Empty(r["scubagear_riskLevel"]), Empty(r["reason"]), Empty(r["narrower_alternative"])));
        var extra = CsvTable.ReadEmbedded("graph-app-permissions-classification-extra.csv").Select(r => new PermissionReference(
            r["permission"], r["appRoleId"], r["resourceAppId"], Empty(r["azure_tiering_tier"]), Empty(r["azure_tiering_pathType"]),
            Empty(r["scubagear_riskLevel"]), null, null));
        return new PermissionTable([.. risk, .. extra]);
    }

    private static string? Empty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

public sealed class PrivilegedRoleTable
{
    private readonly Dictionary<string, PrivilegedRoleReference> _byTemplate = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PrivilegedRoleReference> _byName = new(StringComparer.OrdinalIgnoreCase);

    private PrivilegedRoleTable(IReadOnlyList<PrivilegedRoleReference> entries)
    {
        Entries = entries;
        foreach (var e in entries)
        {
            _byTemplate.TryAdd(e.RoleTemplateId, e);
            _byName.TryAdd(e.DisplayName, e);
        }
    }

    public IReadOnlyList<PrivilegedRoleReference> Entries { get; }

    public PrivilegedRoleReference? Find(string roleDefinitionId, string? displayName) =>
        _byTemplate.GetValueOrDefault(roleDefinitionId) ?? (displayName is null ? null : _byName.GetValueOrDefault(displayName));

    internal static PrivilegedRoleTable Load() => new(CsvTable.ReadEmbedded("privileged-directory-roles.csv")
        .Select(r => new PrivilegedRoleReference(r["roleDisplayName"], r["roleTemplateId"], r["azure_tiering_tier"],
            string.IsNullOrWhiteSpace(r["azure_tiering_pathType"]) ? null : r["azure_tiering_pathType"]))
        .ToList());
}
