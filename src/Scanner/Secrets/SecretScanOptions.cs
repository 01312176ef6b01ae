namespace TenantScanner.Cli.Secrets;

public enum SecretOutputFormat { Console, Json, Sarif }

/// <summary>The parsed arguments of <c>scanner secrets</c>, fixed before any work starts.</summary>
public sealed record SecretScanOptions
{
    public required IReadOnlyList<string> Paths { get; init; }
    public SecretOutputFormat Format { get; init; } = SecretOutputFormat.Console;
    /// <summary>Null: write to standard output.</summary>
    public string? OutputFile { get; init; }
    /// <summary>Null: the built-in secret-patterns.yaml.</summary>
    public string? PatternsFile { get; init; }
    /// <summary>How much is read from files and zips (<see cref="SecretScanLimits"/> states the defaults).</summary>
    public SecretScanLimits Limits { get; init; } = new();
}
