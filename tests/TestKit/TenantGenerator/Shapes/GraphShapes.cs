using System.Text.Json.Nodes;
using TenantScanner.TestKit.TenantGenerator.Model;

namespace TenantScanner.TestKit.TenantGenerator.Shapes;

/// <summary>
/// Microsoft Graph v1.0 resource shapes as the service returns them, including properties the
/// scanner ignores (the loader must tolerate them).
/// </summary>
internal static class GraphShapes
{
    public const string Base = "https://graph.microsoft.com/v1.0";

    public static JsonObject Organization(TenantInfo tenant) => new()
    {
        ["id"] = tenant.TenantId,
        ["deletedDateTime"] = null,
        ["businessPhones"] = Json.Strings(["+41 61 555 0100"]),
        ["city"] = tenant.City,
        ["country"] = null,
        ["countryLetterCode"] = tenant.CountryLetterCode,
        ["createdDateTime"] = Json.Iso(tenant.CreatedDateTime),
        ["defaultUsageLocation"] = tenant.CountryLetterCode,
        ["displayName"] = tenant.DisplayName,
        ["onPremisesSyncEnabled"] = null,
        ["preferredLanguage"] = "en",
        ["tenantType"] = "AAD",
        ["verifiedDomains"] = Json.Array(
            new[] { (Name: tenant.InitialDomain, Initial: true) }
                .Concat(tenant.CustomDomains.Select(d => (Name: d, Initial: false)))
                .Select(d => (JsonNode)new JsonObject
                {
                    ["capabilities"] = "Email, OfficeCommunicationsOnline",
                    ["isDefault"] = !d.Initial && d.Name == tenant.CustomDomains[0],
                    ["isInitial"] = d.Initial,
                    ["name"] = d.Name,
                    ["type"] = "Managed",
                })),
    };

    public static JsonObject User(UserSpec user, bool deleted = false)
    {
        var json = new JsonObject();
        if (deleted)
            json["@odata.type"] = "#microsoft.graph.user";
        json["id"] = user.Id;
        json["businessPhones"] = new JsonArray();
        json["displayName"] = user.DisplayName;
        json["givenName"] = user.GivenName;
        json["jobTitle"] = user.JobTitle;
        json["mail"] = user.Mail;
        json["mobilePhone"] = null;
        json["officeLocation"] = user.OfficeLocation;
        json["preferredLanguage"] = user.PreferredLanguage;
        json["surname"] = user.Surname;
        json["userPrincipalName"] = user.UserPrincipalName;
        json["accountEnabled"] = user.AccountEnabled;
        json["userType"] = user.UserType;
        json["department"] = user.Department;
        json["createdDateTime"] = Json.Iso(user.CreatedDateTime);
        json["employeeLeaveDateTime"] = Json.Iso(user.EmployeeLeaveDateTime);
        if (deleted)
            json["deletedDateTime"] = Json.Iso(user.DeletedDateTime);
        return json;
    }

    public static JsonObject ServicePrincipal(ServicePrincipalSpec sp, string tenantId) => new()
    {
        ["id"] = sp.Id,
        ["deletedDateTime"] = null,
        ["accountEnabled"] = sp.AccountEnabled,
        ["alternativeNames"] = Json.Strings(sp.AlternativeNames),
        ["appDisplayName"] = sp.ServicePrincipalType == "ManagedIdentity" ? null : sp.DisplayName,
        ["appDescription"] = null,
        ["appId"] = sp.AppId,
        ["applicationTemplateId"] = null,
        ["appOwnerOrganizationId"] = sp.AppOwnerOrganizationId,
        ["appRoleAssignmentRequired"] = false,
        ["createdDateTime"] = Json.Iso(sp.CreatedDateTime),
        ["description"] = sp.Description,
        ["disabledByMicrosoftStatus"] = null,
        ["displayName"] = sp.DisplayName,
        ["homepage"] = sp.Homepage,
        ["loginUrl"] = null,
        ["logoutUrl"] = null,
        ["notes"] = sp.Notes,
        ["notificationEmailAddresses"] = new JsonArray(),
        ["preferredSingleSignOnMode"] = null,
        ["preferredTokenSigningKeyThumbprint"] = null,
        ["replyUrls"] = new JsonArray(),
        ["servicePrincipalNames"] = Json.Strings(sp.ServicePrincipalType == "ManagedIdentity"
            ? [sp.AppId, $"https://identity.azure.net/{sp.AppId[..8]}"] : [sp.AppId]),
        ["servicePrincipalType"] = sp.ServicePrincipalType,
        ["signInAudience"] = sp.ServicePrincipalType == "ManagedIdentity" ? null : sp.SignInAudience,
        ["tags"] = Json.Strings(sp.Tags),
        ["tokenEncryptionKeyId"] = null,
        ["info"] = new JsonObject { ["logoUrl"] = null, ["marketingUrl"] = null, ["privacyStatementUrl"] = null, ["supportUrl"] = null, ["termsOfServiceUrl"] = null },
        ["samlSingleSignOnSettings"] = null,
        ["addIns"] = new JsonArray(),
        ["appRoles"] = Json.Array(sp.AppRoles.Select(r => (JsonNode)AppRole(r))),
        ["keyCredentials"] = Json.Array(sp.KeyCredentials.Select(c => (JsonNode)KeyCredential(c))),
        ["oauth2PermissionScopes"] = new JsonArray(),
        ["passwordCredentials"] = Json.Array(sp.PasswordCredentials.Select(c => (JsonNode)PasswordCredential(c))),
        ["resourceSpecificApplicationPermissions"] = new JsonArray(),
        ["verifiedPublisher"] = new JsonObject
        {
            ["displayName"] = sp.PublisherName is not null && sp.AppOwnerOrganizationId != tenantId ? sp.PublisherName : null,
            ["verifiedPublisherId"] = null,
            ["addedDateTime"] = null,
        },
        ["owners@odata.context"] = $"{Base}/$metadata#servicePrincipals('{sp.Id}')/owners(id,displayName,userPrincipalName)",
        ["owners"] = Json.Array(sp.Owners.Select(o => (JsonNode)Owner(o))),
    };

    public static JsonObject Application(ApplicationSpec app, bool expandFederatedCredentials)
    {
        var json = new JsonObject
        {
            ["id"] = app.Id,
            ["deletedDateTime"] = null,
            ["appId"] = app.AppId,
            ["applicationTemplateId"] = null,
            ["disabledByMicrosoftStatus"] = null,
            ["createdDateTime"] = Json.Iso(app.CreatedDateTime),
            ["displayName"] = app.DisplayName,
            ["description"] = app.Description,
            ["groupMembershipClaims"] = null,
            ["identifierUris"] = new JsonArray(),
            ["isDeviceOnlyAuthSupported"] = null,
            ["isFallbackPublicClient"] = null,
            ["notes"] = app.Notes,
            ["publisherDomain"] = null,
            ["serviceManagementReference"] = null,
            ["signInAudience"] = app.SignInAudience,
            ["tags"] = Json.Strings(app.Tags),
            ["tokenEncryptionKeyId"] = null,
            ["defaultRedirectUri"] = null,
            ["api"] = new JsonObject { ["acceptMappedClaims"] = null, ["knownClientApplications"] = new JsonArray(), ["requestedAccessTokenVersion"] = null, ["oauth2PermissionScopes"] = new JsonArray(), ["preAuthorizedApplications"] = new JsonArray() },
            ["appRoles"] = new JsonArray(),
            ["info"] = new JsonObject { ["logoUrl"] = null, ["marketingUrl"] = null, ["privacyStatementUrl"] = null, ["supportUrl"] = null, ["termsOfServiceUrl"] = null },
            ["keyCredentials"] = Json.Array(app.KeyCredentials.Select(c => (JsonNode)KeyCredential(c))),
            ["passwordCredentials"] = Json.Array(app.PasswordCredentials.Select(c => (JsonNode)PasswordCredential(c))),
            ["publicClient"] = new JsonObject { ["redirectUris"] = new JsonArray() },
            ["requiredResourceAccess"] = Json.Array(app.RequiredResourceAccess.Select(r => (JsonNode)new JsonObject
            {
                ["resourceAppId"] = r.ResourceAppId,
                ["resourceAccess"] = Json.Array(r.Access.Select(a => (JsonNode)new JsonObject { ["id"] = a.Id, ["type"] = a.Type })),
            })),
            ["web"] = new JsonObject
            {
                ["homePageUrl"] = null,
                ["logoutUrl"] = null,
                ["redirectUris"] = Json.Strings(app.RedirectUris),
                ["implicitGrantSettings"] = new JsonObject { ["enableAccessTokenIssuance"] = false, ["enableIdTokenIssuance"] = false },
            },
            ["spa"] = new JsonObject { ["redirectUris"] = new JsonArray() },
            ["owners@odata.context"] = $"{Base}/$metadata#applications('{app.Id}')/owners(id,displayName,userPrincipalName)",
            ["owners"] = Json.Array(app.Owners.Select(o => (JsonNode)Owner(o))),
        };
        if (expandFederatedCredentials)
        {
            json["federatedIdentityCredentials@odata.context"] = $"{Base}/$metadata#applications('{app.Id}')/federatedIdentityCredentials";
            json["federatedIdentityCredentials"] = Json.Array(app.FederatedCredentials.Select(f => (JsonNode)FederatedCredential(f)));
        }
        return json;
    }

    public static JsonObject FederatedCredential(FederatedCredentialSpec credential) => new()
    {
        ["id"] = credential.Id,
        ["name"] = credential.Name,
        ["issuer"] = credential.Issuer,
        ["subject"] = credential.Subject,
        ["description"] = credential.Description,
        ["audiences"] = Json.Strings(["api://AzureADTokenExchange"]),
    };

    public static JsonObject AppRoleAssignment(AppRoleAssignmentSpec assignment) => new()
    {
        ["id"] = assignment.Id,
        ["deletedDateTime"] = null,
        ["appRoleId"] = assignment.AppRoleId,
        ["createdDateTime"] = Json.Iso(assignment.CreatedDateTime),
        ["principalDisplayName"] = assignment.PrincipalDisplayName,
        ["principalId"] = assignment.PrincipalId,
        ["principalType"] = assignment.PrincipalType,
        ["resourceDisplayName"] = assignment.ResourceDisplayName,
        ["resourceId"] = assignment.ResourceId,
    };

    public static JsonObject PermissionGrant(PermissionGrantSpec grant) => new()
    {
        ["clientId"] = grant.ClientId,
        ["consentType"] = grant.ConsentType,
        ["id"] = grant.Id,
        ["principalId"] = grant.PrincipalId,
        ["resourceId"] = grant.ResourceId,
        ["scope"] = grant.Scope,
    };

    public static JsonObject RoleDefinition(RoleDefinitionSpec role) => new()
    {
        ["id"] = role.TemplateId,
        ["description"] = role.Description,
        ["displayName"] = role.DisplayName,
        ["isBuiltIn"] = true,
        ["isEnabled"] = true,
        ["resourceScopes"] = Json.Strings(["/"]),
        ["templateId"] = role.TemplateId,
        ["version"] = "1",
        ["rolePermissions"] = new JsonArray(),
        ["inheritsPermissionsFrom"] = new JsonArray(),
    };

    public static JsonObject RoleAssignment(RoleAssignmentSpec assignment) => new()
    {
        ["id"] = assignment.Id,
        ["principalId"] = assignment.PrincipalId,
        ["directoryScopeId"] = "/",
        ["roleDefinitionId"] = assignment.RoleDefinitionId,
    };

    private static JsonObject Owner(DirectoryObjectRef owner)
    {
        var json = new JsonObject { ["@odata.type"] = owner.ODataType, ["id"] = owner.Id, ["displayName"] = owner.DisplayName };
        if (owner.ODataType == "#microsoft.graph.user")
            json["userPrincipalName"] = owner.UserPrincipalName;
        return json;
    }

    private static JsonObject AppRole(AppRoleSpec role) => new()
    {
        ["allowedMemberTypes"] = Json.Strings(["Application"]),
        ["description"] = role.Description,
        ["displayName"] = role.DisplayName,
        ["id"] = role.Id,
        ["isEnabled"] = true,
        ["origin"] = "Application",
        ["value"] = role.Value,
    };

    private static JsonObject KeyCredential(CredentialSpec credential) => new()
    {
        ["customKeyIdentifier"] = credential.CustomKeyIdentifier,
        ["displayName"] = credential.DisplayName,
        ["endDateTime"] = Json.Iso(credential.EndDateTime),
        ["key"] = null,
        ["keyId"] = credential.KeyId,
        ["startDateTime"] = Json.Iso(credential.StartDateTime),
        ["type"] = "AsymmetricX509Cert",
        ["usage"] = "Verify",
    };

    private static JsonObject PasswordCredential(CredentialSpec credential) => new()
    {
        ["customKeyIdentifier"] = null,
        ["displayName"] = credential.DisplayName,
        ["endDateTime"] = Json.Iso(credential.EndDateTime),
        ["hint"] = credential.Hint,
        ["keyId"] = credential.KeyId,
        ["secretText"] = null,
        ["startDateTime"] = Json.Iso(credential.StartDateTime),
    };
}
