using TenantScanner.Inventory.Reference;
using TenantScanner.Inventory;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Detectors;

/// <summary>
/// Classifies an application permission with the embedded Graph permission reference: tier (T0 = a path to
/// Global Administrator), risk level and the narrower permission to use instead. Keys on (resourceAppId,
/// appRoleId) and falls back on the permission name.
/// </summary>
public sealed class PermissionRiskDetector : Detector<AppRoleAssignment, PermissionRiskDetector.Result>
{
    public sealed record Result(bool Known, string? Tier, string? PathType, string? RiskLevel, string? Reason, string? NarrowerAlternative, string? ReferenceName);

    public override string Name => "permissionRisk";
    public override string ResourceType => "appRoleAssignment";

    public override IReadOnlyList<FieldDefinition> Fields { get; } =
    [
        Field("isClassified", "boolean", "True when the permission is in the reference.", r => r.Known),
        Field("tier", "string", "T0 (path to Global Administrator), T1 or T2; null when not classified.", r => r.Tier),
        Field("hasPathToGlobalAdmin", "boolean", "True for Tier 0 permissions.", r => r.Tier == "T0"),
        Field("pathType", "string", "Direct or Indirect path to Global Administrator.", r => r.PathType),
        Field("riskLevel", "string", "Critical, High, Medium or Low.", r => r.RiskLevel),
        Field("riskReason", "string", "Why the permission is risky.", r => r.Reason),
        Field("narrowerAlternative", "string", "The narrower permission to use instead, when the reference names one.", r => r.NarrowerAlternative),
        Field("narrowerAdvice", "string", "The narrower alternative, or a sentence saying none is listed.",
            r => r.NarrowerAlternative ?? "no narrower permission is listed; restrict access with resource-specific consent or an application access policy"),
        Field("referencePermission", "string", "Permission name as the reference lists it.", r => r.ReferenceName),
    ];

    protected override Result Analyze(AppRoleAssignment assignment, DetectorContext context)
    {
        var entry = ReferenceData.Permissions.Find(assignment.ResourceAppId, assignment.AppRoleId, assignment.PermissionName);
        return entry is null
            ? new Result(false, null, null, null, null, null, null)
            : new Result(true, entry.Tier, entry.PathType, entry.RiskLevel, entry.Reason, entry.NarrowerAlternative, entry.Permission);
    }
}
