using System.IO.Compression;

namespace TenantScanner.Cli.Secrets;

/// <summary>
/// The documents of one zip (a solution package), and of the zips inside it, read one entry at a time as the
/// scan asks for them: a scan holds a few entries in memory, not the whole archive. Nothing a zip declares is
/// trusted: an entry is unpacked only up to <see cref="SecretScanLimits.MaxFileBytes"/>, up to
/// <see cref="SecretScanLimits.MaxCompressionRatio"/> times its packed size, and while the zip (nested ones
/// included) has unpacked less than <see cref="SecretScanLimits.MaxArchiveBytes"/>; zips nest at most
/// <see cref="SecretScanLimits.MaxArchiveDepth"/> deep; encrypted entries are not read. Each of these is logged
/// as skipped, naming the entry, and an entry that cannot be unpacked is an error; the other entries are still read.
/// </summary>
internal sealed class ZipInputReader(SecretScanLimits limits, SecretScanLog log)
{
    /// <summary>How much one zip given on the command line may still unpack.</summary>
    private sealed class Budget(long bytes)
    {
        public long Remaining { get; private set; } = bytes;

        public void Consume(long bytes) => Remaining -= Math.Min(bytes, Remaining);
    }

    /// <param name="display">The zip's path as reports show it (escaped).</param>
    /// <param name="artifactPath">The zip's path for SARIF locations.</param>
    public IEnumerable<SecretScanInput> Read(string path, string display, string artifactPath)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            log.Error(display, $"cannot read zip: {SecretInputCollector.Reason(e)}");
            yield break;
        }
        using (archive)
        {
            foreach (var input in Entries(archive, display, artifactPath, entryPrefix: null, depth: 1, new Budget(limits.MaxArchiveBytes)))
                yield return input;
        }
    }

    private IEnumerable<SecretScanInput> Entries(ZipArchive archive, string display, string artifactPath, string? entryPrefix, int depth, Budget budget)
    {
        var where = entryPrefix is null ? display : $"{display}!/{entryPrefix}";
        foreach (var entry in Listing(archive, where))
        {
            var name = entry.FullName.Replace('\\', '/');
            var isZip = name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
            var format = SecretInputCollector.FormatOf(name, explicitlyNamed: false);
            if (!isZip && format is null)
                continue;
            var entryName = (entryPrefix is null ? "" : entryPrefix + "!/") + DisplayText.Escape(name);
            var entryDisplay = $"{display}!/{entryName}";
            if (Unpack(entry, entryDisplay, isZip, depth, budget) is not { } content)
                continue;
            if (!isZip)
            {
                yield return new SecretScanInput(entryDisplay, format!.Value, () => content) { ArtifactPath = artifactPath, ArchiveEntry = entryName };
                continue;
            }
            if (OpenNested(content, entryDisplay) is not { } nested)
                continue;
            using (nested)
            {
                foreach (var input in Entries(nested, display, artifactPath, entryName, depth + 1, budget))
                    yield return input;
            }
        }
    }

    /// <summary>The entries in name order; a central directory that cannot be read is an error for the whole zip.</summary>
    private IReadOnlyList<ZipArchiveEntry> Listing(ZipArchive archive, string where)
    {
        try
        {
            return [.. archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            log.Error(where, $"cannot read zip: {SecretInputCollector.Reason(e)}");
            return [];
        }
    }

    private ZipArchive? OpenNested(byte[] content, string where)
    {
        try
        {
            return new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            log.Error(where, $"cannot read zip: {SecretInputCollector.Reason(e)}");
            return null;
        }
    }

    /// <summary>The entry's bytes, or null when a limit, encryption or damage kept it out (logged).</summary>
    private byte[]? Unpack(ZipArchiveEntry entry, string where, bool isZip, int depth, Budget budget)
    {
        if (entry.Length == 0 && entry.CompressedLength == 0)
            return null; // nothing to scan
        if (entry.IsEncrypted)
            return Skip(where, SkipReason.Encrypted, "encrypted, not scanned (no password is tried)");
        if (isZip && depth >= limits.MaxArchiveDepth)
            return Skip(where, SkipReason.ArchiveTooDeep, $"a zip nested {depth + 1} deep, over --max-archive-depth {limits.MaxArchiveDepth}; not opened");
        if (entry.Length > limits.MaxFileBytes)
            return Skip(where, SkipReason.TooLarge, $"declares {entry.Length:N0} bytes unpacked, over --max-file-size ({limits.MaxFileBytes:N0} bytes); not unpacked");
        var ratioLimit = RatioLimit(entry.CompressedLength);
        if (entry.Length > ratioLimit)
            return Skip(where, SkipReason.CompressionRatio, $"declares {entry.Length:N0} bytes unpacked from {entry.CompressedLength:N0}, over --max-compression-ratio {limits.MaxCompressionRatio}; not unpacked");
        if (budget.Remaining <= 0)
            return Skip(where, SkipReason.ArchiveBudget, $"the zip had already unpacked {limits.MaxArchiveBytes:N0} bytes (--max-archive-size); not unpacked");

        var limit = Math.Min(Math.Min(limits.MaxFileBytes, ratioLimit), budget.Remaining);
        byte[]? bytes;
        try
        {
            using var stream = entry.Open();
            bytes = BoundedRead.ReadAtMost(stream, limit, entry.Length);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            log.Error(where, $"cannot unpack zip entry: {SecretInputCollector.Reason(e)}");
            return null;
        }
        budget.Consume(bytes?.LongLength ?? limit + 1);
        if (bytes is not null)
            return bytes;
        // The entry lied about its size: say which limit stopped it.
        if (limit == limits.MaxFileBytes)
            return Skip(where, SkipReason.TooLarge, $"unpacks to more than --max-file-size ({limits.MaxFileBytes:N0} bytes); stopped there, not scanned");
        if (limit == ratioLimit)
            return Skip(where, SkipReason.CompressionRatio, $"unpacks to more than {limits.MaxCompressionRatio} times its {entry.CompressedLength:N0} packed bytes (--max-compression-ratio); stopped at {limit:N0} bytes, not scanned");
        return Skip(where, SkipReason.ArchiveBudget, $"the zip reached --max-archive-size ({limits.MaxArchiveBytes:N0} bytes unpacked) within this entry; not scanned");
    }

    /// <summary>The most an entry may unpack to for its packed size (never less than the grace allowance).</summary>
    private long RatioLimit(long compressedLength) =>
        compressedLength > long.MaxValue / limits.MaxCompressionRatio
            ? long.MaxValue
            : Math.Max(SecretScanLimits.RatioGraceBytes, compressedLength * limits.MaxCompressionRatio);

    private byte[]? Skip(string where, SkipReason reason, string message)
    {
        log.Skip(where, reason, message);
        return null;
    }
}
