using TenantScanner.Inventory.Reference;
using TenantScanner.Inventory;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Detectors;

/// <summary>Looks up a directory role in the privileged-roles reference (Tier 0/1 per azure-tiering).</summary>
public sealed class PrivilegedRoleDetector : Detector<DirectoryRoleAssignment, PrivilegedRoleDetector.Result>
{
    public sealed record Result(bool IsPrivileged, string? Tier, string? PathType, string? ReferenceName);

    public override string Name => "privilegedRole";
    public override string ResourceType => "directoryRoleAssignment";

    public override IReadOnlyList<FieldDefinition> Fields { get; } =
    [
        Field("isPrivileged", "boolean", "True when the role is in the privileged-roles reference at tier T0.", r => r.IsPrivileged),
        Field("roleTier", "string", "T0, T1 or T2 per the reference; null when not listed.", r => r.Tier),
        Field("rolePathType", "string", "Direct or Indirect path to Global Administrator.", r => r.PathType),
        Field("referenceRoleName", "string", "Role name as the reference lists it.", r => r.ReferenceName),
    ];

    protected override Result Analyze(DirectoryRoleAssignment assignment, DetectorContext context)
    {
        var role = ReferenceData.PrivilegedRoles.Find(assignment.RoleDefinitionId, assignment.RoleDisplayName);
        return role is null
            ? new Result(false, null, null, null)
            : new Result(role.Tier == "T0", role.Tier, role.PathType, role.DisplayName);
    }
}
