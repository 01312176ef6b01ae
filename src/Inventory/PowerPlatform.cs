using System.Text.Json;

namespace TenantScanner.Inventory;

public enum EnvironmentType { Other, Default, Production, Sandbox, Trial, Developer, Teams }

/// <summary>A Power Platform environment (BAP admin API).</summary>
public sealed record PowerPlatformEnvironment
{
    /// <summary>The environment name, e.g. <c>Default-{tenantId}</c> or a GUID.</summary>
    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    public required EnvironmentType Type { get; init; }
    public bool IsDefault { get; init; }
    /// <summary><c>properties.linkedEnvironmentMetadata.instanceUrl</c>; null when the environment has no Dataverse.</summary>
    public string? DataverseInstanceUrl { get; init; }
    public string? Location { get; init; }
    public required SourceLocation Source { get; init; }
}

public enum FlowState { Unknown, Started, Stopped, Suspended }

/// <summary>How a flow starts; automated and scheduled flows run unattended, which raises the stakes.</summary>
public enum TriggerKind { Unknown, Manual, Scheduled, Automated, HttpRequest }

public enum FlowOrigin { PowerAutomateAdmin, Dataverse }

public sealed record FlowTrigger(string Name, string Type, string? Kind, TriggerKind Classification);

/// <summary>A connection a flow uses (from the flow's <c>connectionReferences</c> or Dataverse clientdata).</summary>
/// <param name="ReferenceName">Key in the flow's connectionReferences map, e.g. <c>shared_office365</c>.</param>
/// <param name="ApiName">Connector, e.g. <c>shared_office365</c>.</param>
/// <param name="ConnectionName">The connection's name (id in its environment), when known.</param>
/// <param name="ConnectionReferenceLogicalName">The Dataverse connection reference, for solution flows.</param>
public sealed record FlowConnectionUse(string ReferenceName, string ApiName, string? ConnectionName, string? ConnectionReferenceLogicalName);

/// <summary>An owner (or co-owner) of a flow: a Power Automate permission or the Dataverse record owner.</summary>
public sealed record FlowOwner(PrincipalRef Principal, string Role, SourceLocation Source);

/// <summary>A cloud flow, from the Power Automate admin API and/or Dataverse <c>workflows</c>.</summary>
public sealed record Flow
{
    /// <summary>The flow name (a GUID), unique within its environment.</summary>
    public required string Id { get; init; }
    public required string EnvironmentId { get; init; }
    public required string DisplayName { get; init; }
    public FlowState State { get; init; }
    public bool IsSolutionAware { get; init; }
    public FlowOrigin Origin { get; init; }
    /// <summary>Who created it. Not the owner, and not the identity its connections sign in as.</summary>
    public PrincipalRef? Creator { get; init; }
    public DateTimeOffset? CreatedTime { get; init; }
    public DateTimeOffset? LastModifiedTime { get; init; }
    public IReadOnlyList<FlowOwner> Owners { get; init; } = [];
    /// <summary>False when the owners source could not be read for this flow.</summary>
    public bool OwnersKnown { get; init; }
    public IReadOnlyList<FlowConnectionUse> Connections { get; init; } = [];
    public IReadOnlyList<FlowTrigger> Triggers { get; init; } = [];
    /// <summary><c>properties.definition</c> (a detached copy); null when the definition was not read.</summary>
    public JsonElement? Definition { get; init; }
    /// <summary>Where <see cref="Definition"/> sits, so evidence can point into it.</summary>
    public SourceLocation? DefinitionSource { get; init; }
    public required SourceLocation Source { get; init; }
}

/// <summary>The identity a connection signs in as: the person whose OAuth token it holds, a service principal, or other.</summary>
public enum ConnectionIdentityKind { Unknown, User, ServicePrincipal, Other }

/// <summary>A Power Apps / Power Automate connection (Power Apps admin API).</summary>
public sealed record Connection
{
    /// <summary>The connection name, unique within its environment.</summary>
    public required string Id { get; init; }
    public required string EnvironmentId { get; init; }
    public required string ApiName { get; init; }
    public required string DisplayName { get; init; }
    public required ConnectionIdentityKind IdentityKind { get; init; }
    /// <summary>The account a user OAuth connection signs in as (UPN), when the API shows it.</summary>
    public string? AccountName { get; init; }
    /// <summary>The client id (app id) a service-principal connection uses.</summary>
    public string? ClientId { get; init; }
    /// <summary>Who created the connection. Not necessarily the identity it signs in as.</summary>
    public PrincipalRef? CreatedBy { get; init; }
    /// <summary>Status values from <c>properties.statuses[].status</c>, e.g. Connected, Error.</summary>
    public IReadOnlyList<string> Statuses { get; init; } = [];
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public bool IsInError => Statuses.Any(s => string.Equals(s, "Error", StringComparison.OrdinalIgnoreCase));
    public required SourceLocation Source { get; init; }
}

/// <summary>A Dataverse connection reference (solution-aware flows bind connections through these).</summary>
public sealed record ConnectionReference
{
    public required string Id { get; init; }
    public required string EnvironmentId { get; init; }
    public required string LogicalName { get; init; }
    public string? DisplayName { get; init; }
    public string? ConnectorId { get; init; }
    public string? ConnectionId { get; init; }
    public string? OwnerId { get; init; }
    public required SourceLocation Source { get; init; }
}

/// <summary>A Dataverse application user (<c>systemusers</c> with <c>applicationid</c>): a service principal in one environment.</summary>
public sealed record ApplicationUser
{
    public required string SystemUserId { get; init; }
    public required string EnvironmentId { get; init; }
    public required string ApplicationId { get; init; }
    public string? FullName { get; init; }
    public bool IsDisabled { get; init; }
    public required SourceLocation Source { get; init; }
}

/// <summary>Dataverse environment variable type codes (<c>environmentvariabledefinition.type</c>).</summary>
public enum EnvironmentVariableType
{
    Unknown = 0,
    String = 100000000,
    Number = 100000001,
    Boolean = 100000002,
    Json = 100000003,
    DataSource = 100000004,
    /// <summary>A reference to an Azure Key Vault secret; the value is never stored in Dataverse.</summary>
    Secret = 100000005,
}

/// <summary>A Dataverse environment variable: its definition and, when present, its current value.</summary>
public sealed record EnvironmentVariable
{
    public required string DefinitionId { get; init; }
    public required string EnvironmentId { get; init; }
    public required string SchemaName { get; init; }
    public string? DisplayName { get; init; }
    public required EnvironmentVariableType Type { get; init; }
    public string? DefaultValue { get; init; }
    public string? CurrentValue { get; init; }
    public required SourceLocation Source { get; init; }
    /// <summary>Where the current value came from (environmentvariablevalues), when there is one.</summary>
    public SourceLocation? ValueSource { get; init; }
}
