namespace TenantScanner.Cli.Secrets;

/// <summary>
/// Reads a stream into memory without trusting any declared size: a zip entry can declare 10 bytes and unpack to
/// gigabytes, or declare 800 MB to make a reader allocate it up front. Memory grows with what actually arrives,
/// and reading stops one byte past the limit.
/// </summary>
internal static class BoundedRead
{
    /// <summary>The most allocated up front on the word of a declared length.</summary>
    private const int MaxInitialBuffer = 16 * 1024 * 1024;
    private const int MinGrowth = 80 * 1024;

    /// <param name="expectedLength">What the file system or the zip says; only a hint for the first buffer.</param>
    /// <returns>The bytes, or null when the stream holds more than <paramref name="limit"/> bytes.</returns>
    public static byte[]? ReadAtMost(Stream stream, long limit, long expectedLength)
    {
        var buffer = new byte[(int)Math.Clamp(expectedLength, 0, Math.Min(limit, MaxInitialBuffer))];
        var length = 0;
        var probe = new byte[1];
        while (true)
        {
            if (length == buffer.Length)
            {
                // Full: a stream of exactly the expected length ends here, and its array is returned without a copy.
                if (stream.Read(probe, 0, 1) == 0)
                    return buffer;
                if (length + 1L > limit)
                {
                    Array.Clear(buffer);
                    return null;
                }
                var larger = new byte[(int)Math.Min(Math.Max(2L * buffer.Length, MinGrowth), limit)];
                buffer.AsSpan(0, length).CopyTo(larger);
                Array.Clear(buffer); // documents may hold secrets: leave no stray copy behind
                buffer = larger;
                buffer[length++] = probe[0];
                continue;
            }
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                if (length == buffer.Length)
                    return buffer;
                var exact = buffer.AsSpan(0, length).ToArray();
                Array.Clear(buffer);
                return exact;
            }
            length += read;
        }
    }
}
