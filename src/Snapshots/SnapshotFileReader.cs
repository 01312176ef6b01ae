using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace TenantScanner.Snapshots;

/// <summary>
/// Reads one snapshot file exactly once into a pooled buffer, checks its SHA-256 against the manifest
/// and parses the same bytes. Only one file's bytes are alive at a time; the buffer goes back to the
/// pool when the returned <see cref="SnapshotFile"/> is disposed.
/// </summary>
public static class SnapshotFileReader
{
    private const int InitialBufferSize = 64 * 1024;

    /// <summary>
    /// The largest snapshot file the loader reads: 256 MiB. A page of a Microsoft API is a few MB at most; a file
    /// far larger than that (a sparse file, a device, a hostile snapshot) is refused before it is read, naming the
    /// file, rather than filling memory.
    /// </summary>
    public const long DefaultMaxFileBytes = 256L * 1024 * 1024;

    public static SnapshotFile Read(ISnapshotSource source, string relativePath, CancellationToken ct) =>
        Read(source, relativePath, DefaultMaxFileBytes, ct);

    public static SnapshotFile Read(ISnapshotSource source, string relativePath, long maxFileBytes, CancellationToken ct)
    {
        try
        {
            using var stream = source.Open(relativePath);
            if (stream.CanSeek && stream.Length > maxFileBytes)
                throw TooLarge(relativePath, stream.Length, maxFileBytes);
            var (buffer, length) = ReadAll(stream, relativePath, maxFileBytes, ct);
            return new SnapshotFile(relativePath, buffer, length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SnapshotFormatException($"{relativePath}: the file cannot be read from {source.Description}: {ex.Message}", relativePath, ex);
        }
    }

    private static SnapshotFormatException TooLarge(string relativePath, long? size, long maxFileBytes) =>
        new($"{relativePath}: the file is {(size is null ? "" : $"{size:N0} bytes, ")}over the limit of {maxFileBytes:N0} bytes for one snapshot file; it was not loaded.", relativePath);

    private static (byte[] Buffer, int Length) ReadAll(Stream stream, string relativePath, long maxFileBytes, CancellationToken ct)
    {
        // One byte more than the length, so reaching the end never forces a grow-and-copy.
        var capacity = stream.CanSeek ? (int)Math.Min(stream.Length + 1, Array.MaxLength) : InitialBufferSize;
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        var length = 0;
        try
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                if (length == buffer.Length)
                {
                    if (buffer.Length >= Array.MaxLength)
                        throw new SnapshotFormatException($"{relativePath}: the file is too large to load (over {Array.MaxLength} bytes).", relativePath);
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                    return (buffer, length);
                length += read;
                // A stream that does not know its length (or that grows while read) is cut off at the limit too.
                if (length > maxFileBytes)
                    throw TooLarge(relativePath, size: null, maxFileBytes);
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}

/// <summary>The bytes of one snapshot file, rented from the shared pool until disposed.</summary>
public sealed class SnapshotFile : IDisposable
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 256 };

    private byte[]? _buffer;
    private readonly int _length;

    public SnapshotFile(string relativePath, byte[] buffer, int length)
    {
        RelativePath = relativePath;
        _buffer = buffer;
        _length = length;
    }

    public string RelativePath { get; }

    public ReadOnlyMemory<byte> Bytes => (_buffer ?? throw new ObjectDisposedException(RelativePath)).AsMemory(0, _length);

    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(Bytes.Span));

    /// <summary>Refuses the file when its hash differs from the manifest's.</summary>
    public void VerifySha256(string expected, string where)
    {
        var actual = Sha256();
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            throw new SnapshotFormatException(
                $"{RelativePath}: SHA-256 does not match the manifest ({where} says {expected}, the file has {actual}); the snapshot was modified or is incomplete.",
                RelativePath);
    }

    /// <summary>
    /// Parses the bytes (a leading byte order mark is skipped; the SHA-256 covers it). Malformed JSON, bytes that
    /// are not UTF-8 and escaped lone surrogates are refused with the file name, line and byte position.
    /// </summary>
    public JsonDocument ParseJson()
    {
        var json = JsonInput.WithoutBom(Bytes);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ParseOptions);
        }
        catch (JsonException ex)
        {
            throw Malformed(RelativePath, json.Span, ex);
        }
        if (JsonInput.FindTextProblem(json.Span) is { } problem)
        {
            document.Dispose();
            throw new SnapshotFormatException($"{RelativePath}: invalid text at {problem}.", RelativePath);
        }
        return document;
    }

    /// <summary>
    /// The error for JSON the parser refused. The parser's exception is not kept (not even as the inner
    /// exception): its message can quote the document after the error, secrets included.
    /// </summary>
    public static SnapshotFormatException Malformed(string relativePath, ReadOnlySpan<byte> json, JsonException ex) =>
        new($"{relativePath}: malformed JSON at {JsonInput.DescribeSyntaxError(json, ex)}", relativePath);

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
