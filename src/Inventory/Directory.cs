namespace TenantScanner.Inventory;

/// <summary>How ownership rules should treat a service principal.</summary>
public enum ServicePrincipalClass
{
    /// <summary>Belongs to this tenant's own app registration: the tenant must own and govern it.</summary>
    TenantApplication,
    /// <summary>Microsoft first-party (owner tenant is a Microsoft tenant).</summary>
    MicrosoftFirstParty,
    ManagedIdentity,
    /// <summary>Another organisation's multi-tenant app consented into this tenant.</summary>
    ExternalMultiTenant,
    Other,
}

public sealed record PasswordCredentialInfo(string KeyId, string? DisplayName, string? Hint, DateTimeOffset? StartDateTime, DateTimeOffset? EndDateTime, SourceLocation Source);

public sealed record KeyCredentialInfo(string KeyId, string? DisplayName, string? Type, string? Usage, DateTimeOffset? StartDateTime, DateTimeOffset? EndDateTime, SourceLocation Source);

public sealed record FederatedCredentialInfo(string Id, string Name, string Issuer, string Subject, SourceLocation Source);

public sealed record AppRoleDefinition(string Id, string Value, string? DisplayName, IReadOnlyList<string> AllowedMemberTypes);

public sealed record RequiredResourceAccess(string ResourceAppId, IReadOnlyList<ResourceAccessItem> Access);

/// <param name="Type"><c>Role</c> (application permission) or <c>Scope</c> (delegated).</param>
public sealed record ResourceAccessItem(string Id, string Type);

public sealed record ServicePrincipal
{
    public required string Id { get; init; }
    public required string AppId { get; init; }
    public required string DisplayName { get; init; }
    /// <summary><c>servicePrincipalType</c>: Application, ManagedIdentity, Legacy, SocialIdp.</summary>
    public string? ServicePrincipalType { get; init; }
    public string? AppOwnerOrganizationId { get; init; }
    public bool AccountEnabled { get; init; } = true;
    public string? Notes { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<PasswordCredentialInfo> PasswordCredentials { get; init; } = [];
    public IReadOnlyList<KeyCredentialInfo> KeyCredentials { get; init; } = [];
    public IReadOnlyList<AppRoleDefinition> AppRoles { get; init; } = [];
    public IReadOnlyList<PrincipalRef> Owners { get; init; } = [];
    /// <summary>False when owners could not be read (or were truncated and not fetched): ownership rules are inconclusive.</summary>
    public bool OwnersKnown { get; init; }
    public required ServicePrincipalClass Classification { get; init; }
    public required SourceLocation Source { get; init; }
}

public sealed record Application
{
    public required string Id { get; init; }
    public required string AppId { get; init; }
    public required string DisplayName { get; init; }
    public string? Notes { get; init; }
    public string? Description { get; init; }
    public string? SignInAudience { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<PasswordCredentialInfo> PasswordCredentials { get; init; } = [];
    public IReadOnlyList<KeyCredentialInfo> KeyCredentials { get; init; } = [];
    public IReadOnlyList<FederatedCredentialInfo> FederatedCredentials { get; init; } = [];
    /// <summary>False when federated credentials were not read; CRED005 is then inconclusive.</summary>
    public bool FederatedCredentialsKnown { get; init; }
    public IReadOnlyList<RequiredResourceAccess> RequiredResourceAccess { get; init; } = [];
    public IReadOnlyList<PrincipalRef> Owners { get; init; } = [];
    public bool OwnersKnown { get; init; }
    public DateTimeOffset? CreatedDateTime { get; init; }
    public required SourceLocation Source { get; init; }
}

public sealed record User
{
    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? Mail { get; init; }
    /// <summary>Null when the source did not include it (e.g. an expanded owner).</summary>
    public bool? AccountEnabled { get; init; }
    public string? UserType { get; init; }
    public bool IsDeleted { get; init; }
    public DateTimeOffset? DeletedDateTime { get; init; }
    public DateTimeOffset? EmployeeLeaveDateTime { get; init; }
    public required SourceLocation Source { get; init; }
}

/// <summary>An application permission granted to a service principal, with the permission name resolved.</summary>
public sealed record AppRoleAssignment
{
    public required string Id { get; init; }
    public required string PrincipalId { get; init; }
    public string? PrincipalType { get; init; }
    /// <summary>Object id of the resource service principal (e.g. this tenant's Microsoft Graph SP).</summary>
    public required string ResourceId { get; init; }
    public string? ResourceDisplayName { get; init; }
    /// <summary>App id of the resource, resolved through the resource service principal.</summary>
    public string? ResourceAppId { get; init; }
    public required string AppRoleId { get; init; }
    /// <summary>The permission's value (e.g. <c>Mail.Read</c>), resolved against the resource's appRoles.</summary>
    public string? PermissionName { get; init; }
    public DateTimeOffset? CreatedDateTime { get; init; }
    public required SourceLocation Source { get; init; }
}

public sealed record OAuth2PermissionGrant
{
    public required string Id { get; init; }
    /// <summary>Object id of the client service principal.</summary>
    public required string ClientId { get; init; }
    /// <summary><c>AllPrincipals</c> (tenant-wide admin consent) or <c>Principal</c>.</summary>
    public required string ConsentType { get; init; }
    public string? PrincipalId { get; init; }
    public required string ResourceId { get; init; }
    public string? ResourceAppId { get; init; }
    public IReadOnlyList<string> Scopes { get; init; } = [];
    public required SourceLocation Source { get; init; }
}

public sealed record DirectoryRoleAssignment
{
    public required string Id { get; init; }
    public required string PrincipalId { get; init; }
    /// <summary>For built-in roles this equals the role template id.</summary>
    public required string RoleDefinitionId { get; init; }
    public string? RoleDisplayName { get; init; }
    public string? DirectoryScopeId { get; init; }
    public required SourceLocation Source { get; init; }
}

/// <summary>Key Vault secret metadata. The scanner never reads or stores secret values.</summary>
public sealed record KeyVaultSecretInfo
{
    public required string VaultHost { get; init; }
    public required string Name { get; init; }
    public required string Id { get; init; }
    public bool Enabled { get; init; } = true;
    public DateTimeOffset? Created { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public DateTimeOffset? Expires { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public string? ContentType { get; init; }
    public bool Managed { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    public required SourceLocation Source { get; init; }
}
