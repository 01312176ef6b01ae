namespace TenantScanner.Inventory;

/// <summary>Where a fact came from: the snapshot file, the JSON pointer inside it and the request URL.</summary>
public sealed record SourceLocation(string File, string JsonPointer, string Url)
{
    public SourceLocation Child(string pointerSuffix) => this with { JsonPointer = JsonPointer + pointerSuffix };
}

/// <summary>The kind of directory principal a reference points at.</summary>
public enum PrincipalType
{
    Unknown,
    User,
    Group,
    ServicePrincipal,
    /// <summary>A Dataverse application user: a service principal acting in one environment.</summary>
    ApplicationUser,
}

/// <summary>A reference to a user, group or service principal by object id (or app id for application users).</summary>
public sealed record PrincipalRef(string Id, PrincipalType Type, string? DisplayName = null, string? UserPrincipalName = null);
