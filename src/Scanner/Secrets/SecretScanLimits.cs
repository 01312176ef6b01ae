namespace TenantScanner.Cli.Secrets;

/// <summary>
/// How much <c>scanner secrets</c> reads, so that a hostile file (a zip bomb, a sparse or endless file) costs
/// bounded memory and time. Whatever a limit keeps out is reported as skipped, and leaves the scan incomplete.
/// </summary>
public sealed record SecretScanLimits
{
    public const long MiB = 1024 * 1024;

    /// <summary>The largest document read, a file or a zip entry (its real size, not what the zip declares). Default 100 MiB (<c>--max-file-size</c>).</summary>
    public long MaxFileBytes { get; init; } = 100 * MiB;

    /// <summary>The most bytes unpacked from one zip given on the command line, zips inside it included. Default 1 GiB (<c>--max-archive-size</c>).</summary>
    public long MaxArchiveBytes { get; init; } = 1024 * MiB;

    /// <summary>
    /// The largest ratio of unpacked to packed size of one zip entry, once it has unpacked <see cref="RatioGraceBytes"/>.
    /// JSON and XML compress 5 to 20 times; a zip bomb's zeros, a thousand times. Default 100 (<c>--max-compression-ratio</c>).
    /// </summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>How many zips may hold each other: 3 lets a zip in a zip in a zip be read. Default 3 (<c>--max-archive-depth</c>).</summary>
    public int MaxArchiveDepth { get; init; } = 3;

    /// <summary>An entry may unpack this much whatever its ratio (a small file of repeated text compresses well).</summary>
    public const long RatioGraceBytes = 1 * MiB;

    /// <summary>Refuses limits that could not work, naming the option.</summary>
    public string? Problem() =>
        MaxFileBytes < 1 ? "--max-file-size must be at least 1 byte"
        : MaxArchiveBytes < 1 ? "--max-archive-size must be at least 1 byte"
        : MaxCompressionRatio < 1 ? "--max-compression-ratio must be at least 1"
        : MaxArchiveDepth < 1 ? "--max-archive-depth must be at least 1"
        : MaxFileBytes > Array.MaxLength ? $"--max-file-size can be at most {Array.MaxLength} bytes (one document is read into memory)"
        : null;
}
