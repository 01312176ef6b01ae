using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Commands;

/// <summary>The parsed, validated arguments of <c>scanner scan</c>; built before any work starts.</summary>
public sealed record ScanOptions
{
    /// <summary>Scan the demo tenant embedded in the scanner.</summary>
    public bool Demo { get; init; }
    /// <summary>An offline snapshot folder; null for --demo or a live scan.</summary>
    public string? SnapshotFolder { get; init; }
    /// <summary>Output folder; null means reports/&lt;tenant&gt;-&lt;UTC timestamp&gt;.</summary>
    public string? OutputFolder { get; init; }
    /// <summary>Rule overlay files, applied in order.</summary>
    public IReadOnlyList<string> RulesOverlayFiles { get; init; } = [];
    public string? SuppressionsFile { get; init; }
    /// <summary>A secret pattern catalog used instead of the built-in secret-patterns.yaml; null for the built-in one.</summary>
    public string? PatternsFile { get; init; }
    /// <summary>Evaluate time-dependent rules as of this instant instead of the snapshot's collectedAt.</summary>
    public DateTimeOffset? AsOf { get; init; }
    /// <summary>Open findings at or above this severity make the exit code <see cref="ExitCodes.FindingsAtOrAboveThreshold"/>; null never fails.</summary>
    public Severity? FailOn { get; init; }
    public required IReadOnlyList<string> Formats { get; init; }
    /// <summary>An older scan.json of the same tenant for the "what changed" section.</summary>
    public string? PreviousResultFile { get; init; }
}
