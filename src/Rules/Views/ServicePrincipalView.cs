using TenantScanner.Rules.Findings;
using TenantScanner.Inventory;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Views;

/// <summary><c>servicePrincipal</c>: an enterprise application, with its app registration, permissions and roles.</summary>
internal sealed class ServicePrincipalView : ResourceType<ServicePrincipal>
{
    public static readonly ViewSchema Fields = new ViewSchema("servicePrincipal").AddRange([
        FieldDefinition.Scalar<ServicePrincipal>("id", "string", "Object id.", s => s.Id),
        FieldDefinition.Scalar<ServicePrincipal>("appId", "string", "Application (client) id.", s => s.AppId),
        FieldDefinition.Scalar<ServicePrincipal>("displayName", "string", "Display name.", s => s.DisplayName),
        FieldDefinition.Scalar<ServicePrincipal>("servicePrincipalType", "string", "Application, ManagedIdentity, Legacy, SocialIdp.", s => s.ServicePrincipalType),
        FieldDefinition.Scalar<ServicePrincipal>("appOwnerOrganizationId", "string", "Tenant that owns the app.", s => s.AppOwnerOrganizationId),
        FieldDefinition.Scalar<ServicePrincipal>("accountEnabled", "boolean", "Whether it can sign in.", s => s.AccountEnabled),
        FieldDefinition.Scalar<ServicePrincipal>("classification", "string",
            "tenantApplication, microsoftFirstParty, managedIdentity, externalMultiTenant or other.", s => FieldNames.EnumId(s.Classification)),
        FieldDefinition.Scalar<ServicePrincipal>("notes", "string", "Internal notes.", s => s.Notes),
        FieldDefinition.Scalar<ServicePrincipal>("description", "string", "Description.", s => s.Description),
        FieldDefinition.Array<ServicePrincipal>("tags", null, "Tags.", (s, _) => s.Tags),
        FieldDefinition.Array<ServicePrincipal>("owners", DirectoryFields.Owner, "Owners of the service principal; unknown when not read.",
            (s, _) => s.OwnersKnown ? s.Owners : UnknownValue.Because($"owners of service principal {s.DisplayName} unknown (graph.servicePrincipalOwners not read)")),
        FieldDefinition.Object<ServicePrincipal>("application", ApplicationView.Fields, "Its app registration in this tenant; null when there is none.",
            (s, scope) => scope.Inventory.FindApplicationByAppId(s.AppId)),
        FieldDefinition.Array<ServicePrincipal>("allOwners", DirectoryFields.Owner,
            "Owners of the service principal and of its app registration, without duplicates; unknown when either list is unknown.", AllOwners),
        FieldDefinition.Array<ServicePrincipal>("passwordCredentials", DirectoryFields.PasswordCredential, "Secrets added on the service principal itself.", (s, _) => s.PasswordCredentials),
        FieldDefinition.Array<ServicePrincipal>("keyCredentials", DirectoryFields.KeyCredential, "Certificates on the service principal.", (s, _) => s.KeyCredentials),
        FieldDefinition.Array<ServicePrincipal>("appRoleAssignments", DirectoryFields.AppRoleAssignment, "Application permissions it holds.",
            (s, scope) => scope.Inventory.AppRoleAssignmentsOf(s.Id)),
        FieldDefinition.Array<ServicePrincipal>("directoryRoles", DirectoryFields.DirectoryRole, "Entra directory roles it holds.",
            (s, scope) => scope.Inventory.RoleAssignmentsOf(s.Id)),
        FieldDefinition.Array<ServicePrincipal>("delegatedGrants", DirectoryFields.DelegatedGrant, "Delegated permission grants it is the client of.",
            (s, scope) => scope.Inventory.GrantsOf(s.Id)),
        FieldDefinition.Scalar<ServicePrincipal>("isPowerPlatformManagementApp", "boolean",
            "True when its app id is registered as a Power Platform management application.",
            (s, scope) => scope.Inventory.ManagementAppIds.Contains(s.AppId)),
    ]);

    public override string Name => "servicePrincipal";
    public override string Description => "A service principal (enterprise application).";
    public override ViewSchema Schema => Fields;

    protected override IEnumerable<ServicePrincipal> Items(ScanServices scan) => scan.Inventory.ServicePrincipals;

    protected override ResourceRef Describe(ServicePrincipal item, TenantInventory inventory) => Ref(item);

    internal static ResourceRef Ref(ServicePrincipal item) => new()
    {
        Type = "servicePrincipal", Id = item.Id, DisplayName = item.DisplayName,
        Owner = ApplicationView.OwnerText(item.OwnersKnown, item.Owners),
    };

    protected override IEnumerable<SourceLocation> Sources(ServicePrincipal item) => [item.Source];

    /// <summary>Owners of the service principal and of its app registration as object ids (null when not read), and the tags owner rules match.</summary>
    protected override FindingTarget? Target(ServicePrincipal item, ScanServices scan)
    {
        var application = scan.Inventory.FindApplicationByAppId(item.AppId);
        return new FindingTarget
        {
            Type = Name,
            Id = item.Id.ToLowerInvariant(),
            State = TargetState.Of(
                ("appId", item.AppId),
                ("displayName", item.DisplayName),
                ("tags", SecretFreeTags(item, item.Tags, scan)),
                ("owners", item.OwnersKnown ? TargetState.Ids(item.Owners.Select(o => o.Id)) : null),
                ("applicationId", application?.Id.ToLowerInvariant()),
                ("applicationTags", application is null ? null : SecretFreeTags(application, application.Tags, scan)),
                ("applicationOwners", application is { OwnersKnown: true } ? TargetState.Ids(application.Owners.Select(o => o.Id)) : null)),
        };
    }

    /// <summary>
    /// The tags owner rules may match, without any tag the secret detector flagged or could not finish judging:
    /// a password pasted into a tag (CRED007) must not travel into scan.json and plans as "state".
    /// </summary>
    private static List<string> SecretFreeTags(object directoryObject, IReadOnlyList<string> tags, ScanServices scan)
    {
        var facts = scan.DirectoryText;
        var flagged = facts.For(directoryObject).Select(h => h.Pointer).Concat(facts.UnjudgedFor(directoryObject).Select(u => u.JsonPointer)).ToHashSet(StringComparer.Ordinal);
        return [.. tags.Where((_, index) => !flagged.Contains($"/tags/{index}"))];
    }

    private static object AllOwners(ServicePrincipal sp, EvaluationScope scope)
    {
        if (!sp.OwnersKnown)
            return UnknownValue.Because($"owners of service principal {sp.DisplayName} unknown (graph.servicePrincipalOwners not read)");
        var application = scope.Inventory.FindApplicationByAppId(sp.AppId);
        if (application is null)
            return sp.Owners;
        if (!application.OwnersKnown)
            return UnknownValue.Because($"owners of application {application.DisplayName} unknown (graph.applicationOwners not read)");
        return sp.Owners.Concat(application.Owners).DistinctBy(o => o.Id, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
