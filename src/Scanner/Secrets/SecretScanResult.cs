using TenantScanner.Secrets;

namespace TenantScanner.Cli.Secrets;

/// <summary>A secret found in one document.</summary>
public sealed record SecretFinding(SecretScanInput Input, SecretHit Hit);

/// <summary>A document that could not be read or parsed; the message never quotes its content.</summary>
public sealed record SecretScanError(string File, int? Line, int? Column, string Message)
{
    public override string ToString() =>
        Line is null ? $"{File}: {Message}" : $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>Everything <c>scanner secrets</c> reports.</summary>
public sealed record SecretScanResult(
    IReadOnlyList<SecretFinding> Findings,
    IReadOnlyList<SecretScanError> Errors,
    int DocumentsScanned,
    SecretPatternCatalog Catalog);
