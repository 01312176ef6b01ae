namespace TenantScanner.TestKit.TenantGenerator.Model;

internal sealed record EnvironmentSpec
{
    /// <summary>The environment name (<c>Default-{tenantId}</c> or a GUID).</summary>
    public required string Name { get; init; }
    public required string DisplayName { get; init; }
    /// <summary>Default, Production, Sandbox, Trial, Developer or Teams.</summary>
    public required string Sku { get; init; }
    public bool IsDefault { get; init; }
    public string Location { get; init; } = "europe";
    public string AzureRegion { get; init; } = "westeurope";
    /// <summary>Dataverse org URL (with trailing slash) or null when the environment has no Dataverse.</summary>
    public string? InstanceUrl { get; init; }
    public string? DataverseUniqueName { get; init; }
    public required DateTimeOffset CreatedTime { get; init; }
    public required UserSpec CreatedBy { get; init; }
}

/// <summary>How a connection signs in: a person's OAuth token, or a service principal's client credentials.</summary>
internal abstract record ConnectionIdentity;
internal sealed record UserOAuthIdentity(UserSpec User) : ConnectionIdentity;
internal sealed record ServicePrincipalIdentity(string ClientId, string TenantId) : ConnectionIdentity;

internal sealed record ConnectionSpec
{
    public required string Name { get; init; }
    public required string EnvironmentName { get; init; }
    /// <summary>Connector name, e.g. shared_office365.</summary>
    public required string ApiName { get; init; }
    public required string DisplayName { get; init; }
    public required ConnectionIdentity Identity { get; init; }
    public required UserSpec CreatedBy { get; init; }
    public required DateTimeOffset CreatedTime { get; init; }
    /// <summary>Null when connected; otherwise the error the service reports.</summary>
    public ConnectionError? Error { get; init; }
}

internal sealed record ConnectionError(string Code, string Message);

/// <summary>A flow's use of a connection (one entry of its connectionReferences map).</summary>
internal sealed record FlowConnectionSpec(ConnectionSpec Connection, string? ConnectionReferenceLogicalName = null)
{
    public string ReferenceName => Connection.ApiName;
}

internal sealed record FlowOwnerSpec(string PrincipalId, string Type, string DisplayName, string? Email, string RoleName = "Owner");

/// <summary>The Dataverse side of a solution-aware flow.</summary>
internal sealed record SolutionFlowSpec
{
    /// <summary>Dataverse <c>workflowid</c>, also the flow list's <c>properties.workflowEntityId</c>.</summary>
    public required string WorkflowId { get; init; }
    /// <summary>Dataverse <c>workflowidunique</c>: stays the same across solution versions; not the flow name.</summary>
    public required string WorkflowIdUnique { get; init; }
    public required string OwnerSystemUserId { get; init; }
    public required string CreatedBySystemUserId { get; init; }
    public required string SolutionUniqueName { get; init; }
}

internal sealed record FlowSpec
{
    /// <summary>The flow name (GUID) in Power Automate, and Dataverse <c>resourceid</c> for solution flows.</summary>
    public required string Name { get; init; }
    public required EnvironmentSpec Environment { get; init; }
    public required string DisplayName { get; init; }
    public string State { get; init; } = "Started";
    public required DateTimeOffset CreatedTime { get; init; }
    public required DateTimeOffset LastModifiedTime { get; init; }
    public required UserSpec Creator { get; init; }
    public required IReadOnlyList<FlowOwnerSpec> Owners { get; init; }
    public required IReadOnlyList<FlowConnectionSpec> Connections { get; init; }
    /// <summary>Builds the Logic Apps workflow definition; a function so large tenants never hold them all.</summary>
    public required Func<System.Text.Json.Nodes.JsonObject> Definition { get; init; }
    public SolutionFlowSpec? Solution { get; init; }
}

internal sealed record ConnectionReferenceSpec
{
    public required string Id { get; init; }
    public required string LogicalName { get; init; }
    public required string DisplayName { get; init; }
    public required ConnectionSpec Connection { get; init; }
    public required string OwnerSystemUserId { get; init; }
    public required DateTimeOffset CreatedOn { get; init; }
}

internal sealed record SystemUserSpec
{
    public required string SystemUserId { get; init; }
    /// <summary>Set for application users (a service principal inside Dataverse).</summary>
    public string? ApplicationId { get; init; }
    public required string FullName { get; init; }
    public bool IsDisabled { get; init; }
    public string? AzureActiveDirectoryObjectId { get; init; }
    public string? DomainName { get; init; }
    public required DateTimeOffset CreatedOn { get; init; }
}

internal sealed record EnvironmentVariableSpec
{
    public required string DefinitionId { get; init; }
    public required string SchemaName { get; init; }
    public required string DisplayName { get; init; }
    /// <summary>100000000 String … 100000005 Secret.</summary>
    public required int Type { get; init; }
    public string? DefaultValue { get; init; }
    public string? Description { get; init; }
    public string? ValueId { get; init; }
    public string? Value { get; init; }
    public required DateTimeOffset CreatedOn { get; init; }
}

internal sealed record DataverseContent(
    IReadOnlyList<ConnectionReferenceSpec> ConnectionReferences,
    IReadOnlyList<SystemUserSpec> SystemUsers,
    IReadOnlyList<EnvironmentVariableSpec> EnvironmentVariables);

internal sealed record KeyVaultSecretSpec
{
    public required string Name { get; init; }
    public bool Enabled { get; init; } = true;
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset Updated { get; init; }
    public DateTimeOffset? Expires { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public string? ContentType { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    /// <summary>True for the secret that backs a Key Vault certificate (Key Vault manages its lifetime).</summary>
    public bool Managed { get; init; }
}

internal sealed record KeyVaultSpec(string VaultName, IReadOnlyList<KeyVaultSecretSpec> Secrets);
