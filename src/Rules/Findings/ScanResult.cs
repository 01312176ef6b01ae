using System.Text.Json.Serialization;

namespace TenantScanner.Rules.Findings;

/// <summary>
/// The canonical, versioned result of a scan (<c>scan.json</c>). Every report renders this object and
/// nothing else. Bump <see cref="CurrentSchemaVersion"/> on any breaking change.
/// </summary>
public sealed record ScanResult
{
    public const string CurrentSchemaVersion = "1.0";

    [JsonPropertyName("schemaVersion")] public string SchemaVersion { get; init; } = CurrentSchemaVersion;
    [JsonPropertyName("tool")] public required ToolVersion Tool { get; init; }
    [JsonPropertyName("ruleCatalogVersion")] public required string RuleCatalogVersion { get; init; }
    [JsonPropertyName("tenant")] public required TenantInfo Tenant { get; init; }
    /// <summary>When the scan ran (UTC).</summary>
    [JsonPropertyName("scannedAt")] public required DateTimeOffset ScannedAt { get; init; }
    /// <summary>When the evidence was collected (snapshot's collectedAt).</summary>
    [JsonPropertyName("collectedAt")] public required DateTimeOffset CollectedAt { get; init; }
    /// <summary>The instant time-dependent rules evaluated at (collectedAt unless --as-of).</summary>
    [JsonPropertyName("asOf")] public required DateTimeOffset AsOf { get; init; }
    /// <summary>SHA-256 of the snapshot's manifest.json, so a report can be matched to its evidence.</summary>
    [JsonPropertyName("snapshotSha256")] public required string SnapshotSha256 { get; init; }
    [JsonPropertyName("scope")] public required ScanScope Scope { get; init; }
    [JsonPropertyName("coverage")] public required IReadOnlyList<CoverageEntry> Coverage { get; init; }
    [JsonPropertyName("rules")] public required IReadOnlyList<RuleSummary> Rules { get; init; }
    [JsonPropertyName("findings")] public required IReadOnlyList<Finding> Findings { get; init; }
    [JsonPropertyName("inconclusive")] public required IReadOnlyList<InconclusiveResult> Inconclusive { get; init; }
    [JsonPropertyName("expiredSuppressions")] public IReadOnlyList<SuppressionInfo> ExpiredSuppressions { get; init; } = [];
    /// <summary>True when some source could not be read (see <see cref="Coverage"/>).</summary>
    [JsonPropertyName("incomplete")] public bool Incomplete { get; init; }
}

public sealed record ToolVersion(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version);

public sealed record TenantInfo(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("displayName")] string? DisplayName);

public sealed record ScanScope(
    [property: JsonPropertyName("environments")] IReadOnlyList<EnvironmentScope> Environments,
    [property: JsonPropertyName("sources")] IReadOnlyList<string> Sources);

public sealed record EnvironmentScope(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("displayName")] string DisplayName,
    [property: JsonPropertyName("type")] string Type);

/// <summary>A source that could not be read, and which rules were inconclusive because of it.</summary>
public sealed record CoverageEntry(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("environmentId")] string? EnvironmentId,
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("affectedRules")] IReadOnlyList<string> AffectedRules);

/// <summary>Proof of coverage: how many resources each rule passed, failed and could not decide.</summary>
public sealed record RuleSummary
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("severity")] public required Severity Severity { get; init; }
    [JsonPropertyName("family")] public required string Family { get; init; }
    [JsonPropertyName("resourceType")] public required string ResourceType { get; init; }
    [JsonPropertyName("enabled")] public bool Enabled { get; init; } = true;
    [JsonPropertyName("passed")] public int Passed { get; init; }
    [JsonPropertyName("failed")] public int Failed { get; init; }
    [JsonPropertyName("inconclusive")] public int Inconclusive { get; init; }
    [JsonPropertyName("controls")] public IReadOnlyList<string> Controls { get; init; } = [];
    [JsonPropertyName("docs")] public string? Docs { get; init; }
    [JsonPropertyName("rationale")] public string? Rationale { get; init; }
    [JsonPropertyName("remediation")] public string? Remediation { get; init; }
}

public sealed record ResourceRef
{
    /// <summary>e.g. flow, servicePrincipal, application, connection, environmentVariable, keyVaultSecret.</summary>
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("displayName")] public required string DisplayName { get; init; }
    [JsonPropertyName("environmentId")] public string? EnvironmentId { get; init; }
    [JsonPropertyName("environmentName")] public string? EnvironmentName { get; init; }
    /// <summary>Human-readable owner(s), for reports.</summary>
    [JsonPropertyName("owner")] public string? Owner { get; init; }
}

/// <summary>One piece of evidence. <see cref="Value"/> is already redacted when it is a secret.</summary>
public sealed record Evidence
{
    [JsonPropertyName("file")] public string? File { get; init; }
    [JsonPropertyName("jsonPointer")] public string? JsonPointer { get; init; }
    [JsonPropertyName("sourceUrl")] public string? SourceUrl { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("redacted")] public bool Redacted { get; init; }
}

public sealed record SuppressionInfo
{
    [JsonPropertyName("ruleId")] public required string RuleId { get; init; }
    [JsonPropertyName("resource")] public required string Resource { get; init; }
    [JsonPropertyName("justification")] public required string Justification { get; init; }
    [JsonPropertyName("approvedBy")] public string? ApprovedBy { get; init; }
    [JsonPropertyName("approvedOn")] public DateOnly? ApprovedOn { get; init; }
    [JsonPropertyName("expires")] public DateOnly? Expires { get; init; }
    [JsonPropertyName("expired")] public bool Expired { get; init; }
    [JsonPropertyName("source")] public string? Source { get; init; }
}

public sealed record Finding
{
    [JsonPropertyName("ruleId")] public required string RuleId { get; init; }
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("severity")] public required Severity Severity { get; init; }
    [JsonPropertyName("resource")] public required ResourceRef Resource { get; init; }
    /// <summary>One sentence naming the resource and the reason.</summary>
    [JsonPropertyName("message")] public required string Message { get; init; }
    [JsonPropertyName("evidence")] public required IReadOnlyList<Evidence> Evidence { get; init; }
    [JsonPropertyName("remediation")] public required string Remediation { get; init; }
    [JsonPropertyName("controls")] public required IReadOnlyList<string> Controls { get; init; }
    /// <summary>Same problem on the same resource gives the same value across scans.</summary>
    [JsonPropertyName("fingerprint")] public required string Fingerprint { get; init; }
    [JsonPropertyName("status")] public FindingStatus Status { get; init; } = FindingStatus.Open;
    [JsonPropertyName("suppression")] public SuppressionInfo? Suppression { get; init; }
    [JsonPropertyName("docs")] public string? Docs { get; init; }
    /// <summary>The scanner command that fixes it, when a remediation action exists.</summary>
    [JsonPropertyName("remediationCommand")] public string? RemediationCommand { get; init; }
    /// <summary>The change action the rule names (rules.yaml <c>remediationAction</c>); null: fixed by hand.</summary>
    [JsonPropertyName("remediationAction")] public string? RemediationAction { get; init; }
    /// <summary>The object the finding is about and the state the scan read; null for resource types plans do not change.</summary>
    [JsonPropertyName("target")] public FindingTarget? Target { get; init; }
}

public sealed record InconclusiveResult(
    [property: JsonPropertyName("ruleId")] string RuleId,
    [property: JsonPropertyName("resource")] ResourceRef Resource,
    [property: JsonPropertyName("reason")] string Reason);
