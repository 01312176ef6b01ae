using System.Globalization;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Catalog;

namespace TenantScanner.Cli.Secrets;

/// <summary>A secret found in one document.</summary>
public sealed record SecretFinding(SecretScanInput Input, SecretHit Hit);

/// <summary>A document that could not be read or parsed; the message never quotes its content.</summary>
public sealed record SecretScanError(string File, int? Line, int? Column, string Message)
{
    public override string ToString() =>
        Line is null ? $"{File}: {Message}" : $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>
/// A value of one document that a detector could not finish judging (its regex ran out of time): it may hold
/// a secret, so the scan is incomplete. Names the place and the detector, never the value.
/// </summary>
/// <param name="Timeout">How long the detector's regex was allowed to run on the value.</param>
public sealed record SecretUnjudgedValue(SecretScanInput Input, UnjudgedValue Value, TimeSpan Timeout)
{
    public string Message =>
        $"value at {Value.JsonPointer} was not fully judged: detector {Value.Detector} timed out ({Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s)";

    public override string ToString() =>
        Value.Line is null ? $"{Input.DisplayPath}: {Message}" : $"{Input.DisplayPath}:{Value.Line}:{Value.Column}: {Message}";
}

/// <summary>Everything <c>scanner secrets</c> reports.</summary>
public sealed record SecretScanResult(
    IReadOnlyList<SecretFinding> Findings,
    IReadOnlyList<SecretScanError> Errors,
    IReadOnlyList<SecretUnjudgedValue> Unjudged,
    int DocumentsScanned,
    SecretPatternCatalog Catalog)
{
    /// <summary>What was not scanned and why (limits, encryption, links, special files).</summary>
    public IReadOnlyList<SecretScanSkip> Skipped { get; init; } = [];

    /// <summary>
    /// True when every document was read and every value judged, and nothing that may hold a secret was skipped:
    /// no finding then means no secret the catalog can see.
    /// </summary>
    public bool Complete => Errors.Count == 0 && Unjudged.Count == 0 && !Skipped.Any(s => s.LeavesGap);
}
