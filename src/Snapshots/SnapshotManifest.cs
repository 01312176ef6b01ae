using System.Text.Json.Serialization;

namespace TenantScanner.Snapshots;

/// <summary>
/// <c>manifest.json</c> of a snapshot folder: every raw response file with the request that produced
/// it, and the coverage gaps (what could not be read). See docs/snapshot-format.md.
/// </summary>
public sealed record SnapshotManifest
{
    /// <summary>The only format version this build reads.</summary>
    public const int CurrentFormatVersion = 1;

    public const string FileName = "manifest.json";

    [JsonPropertyName("formatVersion")] public required int FormatVersion { get; init; }
    [JsonPropertyName("tenantId")] public required string TenantId { get; init; }
    /// <summary>Optional; the organization response wins when present.</summary>
    [JsonPropertyName("tenantDisplayName")] public string? TenantDisplayName { get; init; }
    [JsonPropertyName("collectedAt")] public required DateTimeOffset CollectedAt { get; init; }
    [JsonPropertyName("tool")] public required ToolInfo Tool { get; init; }
    [JsonPropertyName("entries")] public required IReadOnlyList<ManifestEntry> Entries { get; init; }
    [JsonPropertyName("coverage")] public IReadOnlyList<CoverageGap> Coverage { get; init; } = [];
}

public sealed record ToolInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version);

/// <summary>One raw response body as it came over the wire (one page of a paged list).</summary>
public sealed record ManifestEntry
{
    /// <summary>Path relative to the snapshot folder, forward slashes.</summary>
    [JsonPropertyName("file")] public required string File { get; init; }
    [JsonPropertyName("method")] public required string Method { get; init; }
    /// <summary>The canonical request URL as the real service is called, e.g. https://graph.microsoft.com/v1.0/users?$top=999.</summary>
    [JsonPropertyName("url")] public required string Url { get; init; }
    [JsonPropertyName("status")] public required int Status { get; init; }
    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    [JsonPropertyName("sha256")] public required string Sha256 { get; init; }
    [JsonPropertyName("collectedAt")] public required DateTimeOffset CollectedAt { get; init; }
    /// <summary>For <c>POST $batch</c>: the sub-requests by id, so each sub-response is routed by its own URL.</summary>
    [JsonPropertyName("batch")] public IReadOnlyList<BatchRequestInfo>? Batch { get; init; }
}

public sealed record BatchRequestInfo(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("url")] string Url);

/// <summary>A source (optionally in one environment) that could not be read, and why.</summary>
public sealed record CoverageGap
{
    /// <summary>A <see cref="SourceKindIds"/> id, e.g. <c>flow.flows</c>.</summary>
    [JsonPropertyName("source")] public required string Source { get; init; }
    [JsonPropertyName("environmentId")] public string? EnvironmentId { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("status")] public int? Status { get; init; }
    [JsonPropertyName("error")] public required string Error { get; init; }
}
