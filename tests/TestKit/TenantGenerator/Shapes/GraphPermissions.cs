using TenantScanner.TestKit.TenantGenerator.Model;

namespace TenantScanner.TestKit.TenantGenerator.Shapes;

/// <summary>
/// Well-known Microsoft ids: the Graph application permissions (app role ids as published by
/// Microsoft, cross-checked in data/graph-permissions/graph-app-permissions-risk.csv), Entra role
/// templates and first-party app ids.
/// </summary>
internal static class GraphPermissions
{
    public const string GraphAppId = "00000003-0000-0000-c000-000000000000";
    public const string MicrosoftServicesTenantId = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    public static readonly IReadOnlyList<AppRoleSpec> GraphAppRoles =
    [
        Role("9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8", "RoleManagement.ReadWrite.Directory", "Read and write all directory RBAC settings"),
        Role("06b708a9-e830-4db3-a914-8e69da51d44f", "AppRoleAssignment.ReadWrite.All", "Manage app permission grants and app role assignments"),
        Role("1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9", "Application.ReadWrite.All", "Read and write all applications"),
        Role("18a4783c-866b-4cc7-a460-3d5e5662c884", "Application.ReadWrite.OwnedBy", "Manage apps that this app creates or owns"),
        Role("19dbc75e-c2e2-444c-a770-ec69d8559fc7", "Directory.ReadWrite.All", "Read and write directory data"),
        Role("7ab1d382-f21e-4acd-a863-ba3e13f7da61", "Directory.Read.All", "Read directory data"),
        Role("741f803b-c850-494e-b5df-cde7c675a1ca", "User.ReadWrite.All", "Read and write all users' full profiles"),
        Role("df021288-bdef-4463-88db-98f22de89214", "User.Read.All", "Read all users' full profiles"),
        Role("62a82d76-70ea-41e2-9197-370581804d09", "Group.ReadWrite.All", "Read and write all groups"),
        Role("dbaae8cf-10b5-4b86-a4a1-f871c94c6695", "GroupMember.ReadWrite.All", "Read and write all group memberships"),
        Role("e2a3a72e-5f79-4c64-b1b1-878b674786c9", "Mail.ReadWrite", "Read and write mail in all mailboxes"),
        Role("b633e1c5-b582-4048-a93e-9f11b44c7e96", "Mail.Send", "Send mail as any user"),
        Role("810c84a8-4a9e-49e6-bf7d-12d183f40d01", "Mail.Read", "Read mail in all mailboxes"),
        Role("75359482-378d-4052-8f01-80520e7db3cd", "Files.ReadWrite.All", "Read and write files in all site collections"),
        Role("9492366f-7969-46a4-8d15-ed1a20078fff", "Sites.ReadWrite.All", "Read and write items in all site collections"),
        Role("a82116e5-55eb-4c41-a434-62fe8a61c773", "Sites.FullControl.All", "Have full control of all site collections"),
        Role("883ea226-0bf2-4a8f-9f9d-92c9162a727d", "Sites.Selected", "Access selected site collections"),
        Role("01c0a623-fc9b-48e9-b794-0756f8e8f067", "Policy.ReadWrite.ConditionalAccess", "Read and write your organization's conditional access policies"),
        Role("50483e42-d915-4231-9639-7fdb7fd190e5", "UserAuthenticationMethod.ReadWrite.All", "Read and write all users' authentication methods"),
        Role("89c8469c-83ad-45f7-8ff2-6e3d4285709e", "ServicePrincipalEndpoint.ReadWrite.All", "Read and update service principal endpoints"),
        Role("7e05723c-0bb0-42da-be95-ae9f08a6e53c", "Domain.ReadWrite.All", "Read and write domains"),
        Role("9acd699f-1e81-4958-b001-93b1d2506e19", "EntitlementManagement.ReadWrite.All", "Read and write all entitlement management resources"),
        Role("2f6817f8-7b12-4f0f-bc18-eeaf60705a9e", "PrivilegedAccess.ReadWrite.AzureADGroup", "Read and write privileged access to Azure AD groups"),
        Role("292d869f-3427-49a8-9dab-8c70152b74e9", "Organization.ReadWrite.All", "Read and write organization information"),
    ];

    private static readonly Dictionary<string, AppRoleSpec> ByValue = GraphAppRoles.ToDictionary(r => r.Value, StringComparer.Ordinal);

    public static AppRoleSpec GraphRole(string value) =>
        ByValue.TryGetValue(value, out var role) ? role : throw new ArgumentException($"Unknown Graph application permission '{value}'.", nameof(value));

    /// <summary>Entra built-in role templates (role definition id = template id for built-in roles).</summary>
    public static readonly IReadOnlyList<RoleDefinitionSpec> DirectoryRoles =
    [
        new("62e90394-69f5-4237-9190-012177145e10", "Global Administrator", "Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities."),
        new("9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "Application Administrator", "Can create and manage all aspects of app registrations and enterprise apps."),
        new("158c047a-c907-4556-b7ef-446551a6b5f7", "Cloud Application Administrator", "Can create and manage all aspects of app registrations and enterprise apps except App Proxy."),
        new("e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator", "Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management."),
        new("194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator", "Can read security information and reports, and manage configuration in Microsoft Entra ID and Office 365."),
        new("fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator", "Can manage all aspects of users and groups, including resetting passwords for limited admins."),
        new("11648597-926c-4cf3-9c36-bcebb0ba8dcc", "Power Platform Administrator", "Can create and manage all aspects of Microsoft Dynamics 365, Power Apps and Power Automate."),
        new("f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader", "Can read everything that a Global Administrator can, but not update anything."),
        new("88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers", "Can read basic directory information. Commonly used to grant directory read access to applications and guests."),
    ];

    public static string RoleTemplateId(string displayName) =>
        DirectoryRoles.FirstOrDefault(r => r.DisplayName == displayName)?.TemplateId
        ?? throw new ArgumentException($"Unknown directory role '{displayName}'.", nameof(displayName));

    /// <summary>Microsoft first-party applications every tenant has, with their public app ids.</summary>
    public static readonly IReadOnlyList<(string AppId, string DisplayName)> FirstPartyApps =
    [
        (GraphAppId, "Microsoft Graph"),
        ("00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online"),
        ("00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online"),
        ("00000007-0000-0000-c000-000000000000", "Dynamics CRM"),
        ("7df0a125-d3be-4c96-aa54-591f83ff541c", "Microsoft Flow Service"),
        ("475226c6-020e-4fb2-8a90-7a972cbfc1d4", "PowerApps Service"),
        ("8578e004-a5c6-46e7-913e-12f58912df43", "Power Platform API"),
        ("cfa8b339-82a2-471a-a3c9-0fc0be7a4093", "Azure Key Vault"),
        ("797f4846-ba00-4fd7-ba43-dac1f8f63013", "Windows Azure Service Management API"),
        ("c5393580-f805-4401-95e8-94b7a6ef2fc2", "Office 365 Management APIs"),
        ("00000009-0000-0000-c000-000000000000", "Power BI Service"),
        ("00000002-0000-0000-c000-000000000000", "Windows Azure Active Directory"),
        ("00000004-0000-0ff1-ce00-000000000000", "Skype for Business Online"),
        ("1fec8e78-bce4-4aaf-ab1b-5451cc387264", "Microsoft Teams"),
        ("cc15fd57-2c6c-4117-a88c-83b1d56b4bbe", "Microsoft Teams Services"),
        ("c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "Azure Portal"),
        ("04b07795-8ddb-461a-bbee-02f9e1bf7b46", "Microsoft Azure CLI"),
        ("1950a258-227b-4e31-a9cf-717495945fc2", "Microsoft Azure PowerShell"),
        ("14d82eec-204b-4c2f-b7e8-296a70dab67e", "Microsoft Graph Command Line Tools"),
        ("0000000a-0000-0000-c000-000000000000", "Microsoft Intune"),
        ("499b84ac-1321-427f-aa17-267ca6975798", "Azure DevOps"),
        ("00000006-0000-0ff1-ce00-000000000000", "Microsoft Office 365 Portal"),
        ("c9a559d2-7aab-4f13-a6ed-e7e9c52aec87", "Microsoft Forms"),
        ("e406a681-f3d4-42a8-90b6-c2b029497af1", "Azure Storage"),
    ];

    private static AppRoleSpec Role(string id, string value, string displayName) =>
        new(id, value, displayName, $"Allows the app to {char.ToLowerInvariant(displayName[0])}{displayName[1..]} without a signed-in user.");
}
