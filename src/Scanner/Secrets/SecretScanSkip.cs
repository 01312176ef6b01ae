namespace TenantScanner.Cli.Secrets;

/// <summary>Why a file, a zip entry or a folder entry was not scanned.</summary>
public enum SkipReason
{
    /// <summary>Over <see cref="SecretScanLimits.MaxFileBytes"/> (as stored, or as it unpacked).</summary>
    TooLarge,
    /// <summary>A zip entry unpacking to more than <see cref="SecretScanLimits.MaxCompressionRatio"/> times its packed size.</summary>
    CompressionRatio,
    /// <summary>The zip it is in had already unpacked <see cref="SecretScanLimits.MaxArchiveBytes"/>.</summary>
    ArchiveBudget,
    /// <summary>A zip nested deeper than <see cref="SecretScanLimits.MaxArchiveDepth"/>.</summary>
    ArchiveTooDeep,
    /// <summary>An encrypted zip entry: its content cannot be read without the password.</summary>
    Encrypted,
    /// <summary>A symbolic link to a folder (followed, it could leave the tree or loop back into it), or a dangling one.</summary>
    LinkNotFollowed,
    /// <summary>A FIFO, socket or device: reading one can block for ever or never end.</summary>
    NotRegularFile,
}

/// <summary>Something not scanned, and why. The message names sizes and limits, never content.</summary>
public sealed record SecretScanSkip(string File, SkipReason Reason, string Message)
{
    /// <summary>
    /// True when content that may hold a secret went unread (a limit, encryption): the scan is then incomplete.
    /// Links and special files are not documents of the tree, so passing them over leaves no gap.
    /// </summary>
    public bool LeavesGap => Reason is not (SkipReason.LinkNotFollowed or SkipReason.NotRegularFile);

    /// <summary>The reason as JSON and SARIF name it: <c>tooLarge</c>, <c>compressionRatio</c>, ….</summary>
    public string Code => char.ToLowerInvariant(Reason.ToString()[0]) + Reason.ToString()[1..];

    public override string ToString() => $"{File}: {Message}";
}
