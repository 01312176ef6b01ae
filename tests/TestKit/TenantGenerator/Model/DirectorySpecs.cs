namespace TenantScanner.TestKit.TenantGenerator.Model;

/// <summary>The tenant being generated.</summary>
internal sealed record TenantInfo
{
    public required string TenantId { get; init; }
    public required string DisplayName { get; init; }
    /// <summary>The *.onmicrosoft.com domain.</summary>
    public required string InitialDomain { get; init; }
    public required IReadOnlyList<string> CustomDomains { get; init; }
    public required string CountryLetterCode { get; init; }
    public required string City { get; init; }
    public required DateTimeOffset CreatedDateTime { get; init; }
    public required DateTimeOffset CollectedAt { get; init; }
}

internal sealed record UserSpec
{
    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    public required string GivenName { get; init; }
    public required string Surname { get; init; }
    public required string UserPrincipalName { get; init; }
    /// <summary>
    /// For a deleted user, the UPN it had before deletion (Entra prefixes a deleted user's UPN with
    /// its object id). Connections created while the user was active still show this one.
    /// </summary>
    public string? OriginalUserPrincipalName { get; init; }
    public string SignInName => OriginalUserPrincipalName ?? UserPrincipalName;
    public string? Mail { get; init; }
    public string? JobTitle { get; init; }
    public string? Department { get; init; }
    public string? OfficeLocation { get; init; }
    public bool AccountEnabled { get; init; } = true;
    public string UserType { get; init; } = "Member";
    public required DateTimeOffset CreatedDateTime { get; init; }
    public DateTimeOffset? EmployeeLeaveDateTime { get; init; }
    /// <summary>Set for users that sit in the recycle bin (deletedItems).</summary>
    public DateTimeOffset? DeletedDateTime { get; init; }
    public string PreferredLanguage { get; init; } = "en-US";

    public DirectoryObjectRef AsRef() => new("#microsoft.graph.user", Id, DisplayName, UserPrincipalName);
}

/// <summary>An owner as Graph returns it in <c>$expand=owners</c>.</summary>
internal sealed record DirectoryObjectRef(string ODataType, string Id, string DisplayName, string? UserPrincipalName = null);

internal enum CredentialKind { Password, Certificate }

internal sealed record CredentialSpec
{
    public required string KeyId { get; init; }
    public required CredentialKind Kind { get; init; }
    public string? DisplayName { get; init; }
    public required DateTimeOffset StartDateTime { get; init; }
    public required DateTimeOffset EndDateTime { get; init; }
    /// <summary>First three characters of a secret as Graph shows them; certificates have a thumbprint instead.</summary>
    public string? Hint { get; init; }
    public string? CustomKeyIdentifier { get; init; }
}

internal sealed record FederatedCredentialSpec(string Id, string Name, string Issuer, string Subject, string? Description);

internal sealed record AppRoleSpec(string Id, string Value, string DisplayName, string Description);

internal sealed record RequiredAccessSpec(string ResourceAppId, IReadOnlyList<(string Id, string Type)> Access);

internal sealed record ServicePrincipalSpec
{
    public required string Id { get; init; }
    public required string AppId { get; init; }
    public required string DisplayName { get; init; }
    /// <summary>Application, ManagedIdentity, Legacy or SocialIdp.</summary>
    public string ServicePrincipalType { get; init; } = "Application";
    public string? AppOwnerOrganizationId { get; init; }
    public bool AccountEnabled { get; init; } = true;
    public string? Notes { get; init; }
    public string? Description { get; init; }
    public string? PublisherName { get; init; }
    public string? Homepage { get; init; }
    public string SignInAudience { get; init; } = "AzureADMyOrg";
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<DirectoryObjectRef> Owners { get; init; } = [];
    public IReadOnlyList<CredentialSpec> PasswordCredentials { get; init; } = [];
    public IReadOnlyList<CredentialSpec> KeyCredentials { get; init; } = [];
    public IReadOnlyList<AppRoleSpec> AppRoles { get; init; } = [];
    public IReadOnlyList<string> AlternativeNames { get; init; } = [];
    public DateTimeOffset? CreatedDateTime { get; init; }
}

internal sealed record ApplicationSpec
{
    public required string Id { get; init; }
    public required string AppId { get; init; }
    public required string DisplayName { get; init; }
    public string? Notes { get; init; }
    public string? Description { get; init; }
    public string SignInAudience { get; init; } = "AzureADMyOrg";
    public IReadOnlyList<string> Tags { get; init; } = [];
    public required DateTimeOffset CreatedDateTime { get; init; }
    public IReadOnlyList<DirectoryObjectRef> Owners { get; init; } = [];
    public IReadOnlyList<CredentialSpec> PasswordCredentials { get; init; } = [];
    public IReadOnlyList<CredentialSpec> KeyCredentials { get; init; } = [];
    public IReadOnlyList<FederatedCredentialSpec> FederatedCredentials { get; init; } = [];
    public IReadOnlyList<RequiredAccessSpec> RequiredResourceAccess { get; init; } = [];
    public IReadOnlyList<string> RedirectUris { get; init; } = [];
}

internal sealed record AppRoleAssignmentSpec
{
    public required string Id { get; init; }
    public required string PrincipalId { get; init; }
    public required string PrincipalDisplayName { get; init; }
    public string PrincipalType { get; init; } = "ServicePrincipal";
    public required string ResourceId { get; init; }
    public required string ResourceDisplayName { get; init; }
    public required string AppRoleId { get; init; }
    public required DateTimeOffset CreatedDateTime { get; init; }
}

internal sealed record PermissionGrantSpec
{
    public required string Id { get; init; }
    public required string ClientId { get; init; }
    /// <summary>AllPrincipals (admin consent for everyone) or Principal (one user).</summary>
    public required string ConsentType { get; init; }
    public string? PrincipalId { get; init; }
    public required string ResourceId { get; init; }
    public required string Scope { get; init; }
}

internal sealed record RoleDefinitionSpec(string TemplateId, string DisplayName, string Description);

internal sealed record RoleAssignmentSpec(string Id, string PrincipalId, string RoleDefinitionId);
