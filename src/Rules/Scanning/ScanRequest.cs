using TenantScanner.Rules.Findings;
using TenantScanner.Inventory;
using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Suppressions;
using TenantScanner.SecretScanning;

namespace TenantScanner.Rules.Scanning;

/// <summary>Everything a scan needs. The engine reads nothing else: no files, no clock.</summary>
public sealed record ScanRequest
{
    public required TenantInventory Inventory { get; init; }
    public required RuleCatalog Catalog { get; init; }
    /// <summary>
    /// Judges flow definitions, environment variables and directory text for secrets (FLOW004, CRED006, CRED007):
    /// usually built from the shipped secret-patterns.yaml, or from the user's catalog (<c>scan --patterns</c>).
    /// </summary>
    public required SecretDetector SecretDetector { get; init; }
    public SuppressionSet Suppressions { get; init; } = SuppressionSet.Empty;
    /// <summary>The instant time-dependent rules evaluate at (the snapshot's collectedAt unless --as-of).</summary>
    public required DateTimeOffset AsOf { get; init; }
    public required string SnapshotSha256 { get; init; }
    public required ToolVersion Tool { get; init; }
    /// <summary>When the scan ran; recorded only, never used for evaluation.</summary>
    public required DateTimeOffset ScannedAt { get; init; }
}
