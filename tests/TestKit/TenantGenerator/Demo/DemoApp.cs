namespace TenantScanner.TestKit.TenantGenerator.Demo;

/// <summary>A credential of a demo app, dated relative to nothing: absolute dates keep the scenario readable.</summary>
internal sealed record DemoCredential(bool IsCertificate, string DisplayName, DateTimeOffset Start, DateTimeOffset End, bool OnServicePrincipal = false);

/// <summary>
/// An app registration of Contoso Pharma with its service principal, written so each governance
/// problem is visible in one place: owners, documentation, credentials, permissions.
/// </summary>
internal sealed record DemoApp
{
    public required string Key { get; init; }
    public required string DisplayName { get; init; }
    /// <summary>User keys of the owners (of both the application and its service principal).</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];
    public string? Notes { get; init; }
    /// <summary>CRED007: someone pasted a client secret into the app registration's notes (not the service principal's).</summary>
    public bool ClientSecretInNotes { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Description { get; init; }
    public IReadOnlyList<DemoCredential> Credentials { get; init; } = [];
    /// <summary>(name, issuer, subject) of federated identity credentials.</summary>
    public IReadOnlyList<(string Name, string Issuer, string Subject)> FederatedCredentials { get; init; } = [];
    /// <summary>Microsoft Graph application permissions granted (app role assignments with admin consent).</summary>
    public IReadOnlyList<string> GraphPermissions { get; init; } = [];
    /// <summary>Entra directory roles held by the service principal.</summary>
    public IReadOnlyList<string> DirectoryRoles { get; init; } = [];
    /// <summary>Delegated scopes consented for all users (AllPrincipals) on Microsoft Graph, space-separated.</summary>
    public string? AdminConsentedGraphScopes { get; init; }
    public bool PowerPlatformManagementApp { get; init; }
    public string SignInAudience { get; init; } = "AzureADMyOrg";
    public IReadOnlyList<string> RedirectUris { get; init; } = [];
    public DateTimeOffset Created { get; init; } = new(2024, 2, 12, 10, 15, 0, TimeSpan.Zero);
}
