using TenantScanner.Rules.Findings;
using TenantScanner.Inventory;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Views;

/// <summary><c>application</c>: an app registration in this tenant; also nested as a service principal's <c>application</c>.</summary>
internal sealed class ApplicationView : ResourceType<Application>
{
    public static readonly ViewSchema Fields = new ViewSchema("application").AddRange([
        FieldDefinition.Scalar<Application>("id", "string", "Object id.", a => a.Id),
        FieldDefinition.Scalar<Application>("appId", "string", "Application (client) id.", a => a.AppId),
        FieldDefinition.Scalar<Application>("displayName", "string", "Display name.", a => a.DisplayName),
        FieldDefinition.Scalar<Application>("notes", "string", "Internal notes (often the business owner).", a => a.Notes),
        FieldDefinition.Scalar<Application>("description", "string", "Description.", a => a.Description),
        FieldDefinition.Scalar<Application>("signInAudience", "string", "AzureADMyOrg, AzureADMultipleOrgs, ...", a => a.SignInAudience),
        FieldDefinition.Scalar<Application>("createdDateTime", "dateTime", "When it was registered.", a => a.CreatedDateTime),
        FieldDefinition.Scalar<Application>("classification", "string",
            "Its service principal's classification (tenantApplication when it has none).", (a, s) => DirectoryFields.ClassificationOf(a.AppId, s)),
        FieldDefinition.Array<Application>("tags", null, "Tags.", (a, _) => a.Tags),
        FieldDefinition.Array<Application>("owners", DirectoryFields.Owner, "Owners; unknown when owners could not be read.",
            (a, _) => a.OwnersKnown ? a.Owners : UnknownValue.Because($"owners of application {a.DisplayName} unknown (graph.applicationOwners not read)")),
        FieldDefinition.Array<Application>("passwordCredentials", DirectoryFields.PasswordCredential, "Client secrets.", (a, _) => a.PasswordCredentials),
        FieldDefinition.Array<Application>("keyCredentials", DirectoryFields.KeyCredential, "Certificates.", (a, _) => a.KeyCredentials),
        FieldDefinition.Array<Application>("federatedCredentials", DirectoryFields.FederatedCredential,
            "Federated identity credentials; unknown when they were not read.",
            (a, _) => a.FederatedCredentialsKnown ? a.FederatedCredentials
                : UnknownValue.Because($"federated credentials of application {a.DisplayName} unknown (graph.federatedIdentityCredentials not read)")),
    ]);

    public override string Name => "application";
    public override string Description => "An app registration.";
    public override ViewSchema Schema => Fields;

    protected override IEnumerable<Application> Items(ScanServices scan) => scan.Inventory.Applications;

    protected override ResourceRef Describe(Application item, TenantInventory inventory) => new()
    {
        Type = Name, Id = item.Id, DisplayName = item.DisplayName, Owner = OwnerText(item.OwnersKnown, item.Owners),
    };

    protected override IEnumerable<SourceLocation> Sources(Application item) => [item.Source];

    internal static string? OwnerText(bool known, IReadOnlyList<PrincipalRef> owners) => known && owners.Count > 0
        ? string.Join(", ", owners.Select(o => o.UserPrincipalName is { } upn
            ? DeletedUserNames.OriginalPrincipalName(o.Id, upn) : o.DisplayName ?? o.Id)) : null;
}
