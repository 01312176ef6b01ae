using TenantScanner.Inventory;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Views;

/// <summary>Nested field sets shared by the directory views (credentials, permissions, roles).</summary>
internal static class DirectoryFields
{
    public static readonly ViewSchema Owner = new ViewSchema("owner").AddRange(PrincipalFields.For<PrincipalRef>(p => p));

    public static readonly ViewSchema PasswordCredential = new ViewSchema("passwordCredential").AddRange([
        FieldDefinition.Scalar<PasswordCredentialInfo>("keyId", "string", "Credential key id.", c => c.KeyId),
        FieldDefinition.Scalar<PasswordCredentialInfo>("displayName", "string", "Description given when it was added.", c => c.DisplayName),
        FieldDefinition.Scalar<PasswordCredentialInfo>("startDateTime", "dateTime", "Start of validity.", c => c.StartDateTime),
        FieldDefinition.Scalar<PasswordCredentialInfo>("endDateTime", "dateTime", "End of validity.", c => c.EndDateTime),
    ]);

    public static readonly ViewSchema KeyCredential = new ViewSchema("keyCredential").AddRange([
        FieldDefinition.Scalar<KeyCredentialInfo>("keyId", "string", "Credential key id.", c => c.KeyId),
        FieldDefinition.Scalar<KeyCredentialInfo>("displayName", "string", "Certificate subject or description.", c => c.DisplayName),
        FieldDefinition.Scalar<KeyCredentialInfo>("type", "string", "AsymmetricX509Cert, X509CertAndPassword, ...", c => c.Type),
        FieldDefinition.Scalar<KeyCredentialInfo>("usage", "string", "Verify or Sign.", c => c.Usage),
        FieldDefinition.Scalar<KeyCredentialInfo>("startDateTime", "dateTime", "Start of validity.", c => c.StartDateTime),
        FieldDefinition.Scalar<KeyCredentialInfo>("endDateTime", "dateTime", "End of validity.", c => c.EndDateTime),
    ]);

    public static readonly ViewSchema FederatedCredential = new ViewSchema("federatedCredential").AddRange([
        FieldDefinition.Scalar<FederatedCredentialInfo>("name", "string", "Name.", c => c.Name),
        FieldDefinition.Scalar<FederatedCredentialInfo>("issuer", "string", "Token issuer, e.g. https://token.actions.githubusercontent.com.", c => c.Issuer),
        FieldDefinition.Scalar<FederatedCredentialInfo>("subject", "string", "Subject the issuer must assert.", c => c.Subject),
    ]);

    public static readonly ViewSchema AppRoleAssignment = new ViewSchema("appRoleAssignment").AddRange([
        FieldDefinition.Scalar<AppRoleAssignment>("permission", "string", "Permission value, e.g. Mail.Read.", a => a.PermissionName),
        FieldDefinition.Scalar<AppRoleAssignment>("appRoleId", "string", "App role id.", a => a.AppRoleId),
        FieldDefinition.Scalar<AppRoleAssignment>("resourceAppId", "string", "App id of the API, e.g. 00000003-0000-0000-c000-000000000000 for Graph.", a => a.ResourceAppId),
        FieldDefinition.Scalar<AppRoleAssignment>("resourceDisplayName", "string", "API name, e.g. Microsoft Graph.", a => a.ResourceDisplayName),
        FieldDefinition.Scalar<AppRoleAssignment>("createdDateTime", "dateTime", "When it was granted.", a => a.CreatedDateTime),
    ]);

    public static readonly ViewSchema DirectoryRole = new ViewSchema("directoryRole").AddRange([
        FieldDefinition.Scalar<DirectoryRoleAssignment>("roleDefinitionId", "string", "Role definition (template) id.", r => r.RoleDefinitionId),
        FieldDefinition.Scalar<DirectoryRoleAssignment>("displayName", "string", "Role name, e.g. Global Administrator.", r => r.RoleDisplayName),
        FieldDefinition.Scalar<DirectoryRoleAssignment>("directoryScopeId", "string", "Scope, / for the whole tenant.", r => r.DirectoryScopeId),
    ]);

    public static readonly ViewSchema DelegatedGrant = new ViewSchema("delegatedGrant").AddRange([
        FieldDefinition.Scalar<OAuth2PermissionGrant>("consentType", "string", "AllPrincipals (tenant-wide admin consent) or Principal.", g => g.ConsentType),
        FieldDefinition.Array<OAuth2PermissionGrant>("scopes", null, "Delegated scopes, e.g. Mail.Read.", (g, _) => g.Scopes),
        FieldDefinition.Scalar<OAuth2PermissionGrant>("resourceAppId", "string", "App id of the API.", g => g.ResourceAppId),
        FieldDefinition.Scalar<OAuth2PermissionGrant>("principalId", "string", "The user, for Principal grants.", g => g.PrincipalId),
    ]);

    /// <summary>How ownership rules treat an app: its service principal's classification, or tenantApplication when it has none.</summary>
    public static string ClassificationOf(string appId, EvaluationScope scope) =>
        FieldNames.EnumId(scope.Inventory.FindServicePrincipalByAppId(appId)?.Classification ?? ServicePrincipalClass.TenantApplication);
}
