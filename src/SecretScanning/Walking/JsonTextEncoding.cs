using System.Buffers;
using System.Text;

namespace TenantScanner.SecretScanning.Walking;

/// <summary>
/// JSON files are UTF-8, but tools on Windows save them as UTF-16 (PowerShell 5's <c>Out-File</c>, Notepad's
/// "Unicode"), and a UTF-16 file read as UTF-8 is "malformed" at its first byte: every secret in it would go
/// unseen. The encoding is told the way RFC 4627 §3 describes: a byte order mark, or else the pattern of zero
/// bytes around the first character (JSON text starts with an ASCII character).
/// </summary>
internal static class JsonTextEncoding
{
    /// <summary>
    /// The document's UTF-8 bytes: null when <paramref name="bytes"/> already are UTF-8 (use them as they are,
    /// less a UTF-8 byte order mark), else a new array the caller should clear once done (it may hold secrets).
    /// Text that is not valid in its encoding is replaced with U+FFFD, never refused.
    /// </summary>
    public static byte[]? TranscodeToUtf8(ReadOnlySpan<byte> bytes)
    {
        var (encoding, bom) = Sniff(bytes);
        if (encoding is null)
            return null;
        var content = bytes[bom..];
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, encoding.GetMaxCharCount(content.Length)));
        try
        {
            var count = encoding.GetChars(content, chars);
            var text = chars.AsSpan(0, count);
            var utf8 = new byte[Encoding.UTF8.GetByteCount(text)];
            Encoding.UTF8.GetBytes(text, utf8);
            return utf8;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars, clearArray: true);
        }
    }

    /// <summary>The encoding when it is not UTF-8, and the length of its byte order mark.</summary>
    private static (Encoding? Encoding, int Bom) Sniff(ReadOnlySpan<byte> b)
    {
        // UTF-32 first: its little-endian mark starts with UTF-16's.
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
            return (Utf32(bigEndian: false), 4);
        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
            return (Utf32(bigEndian: true), 4);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return (Utf16(bigEndian: false), 2);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return (Utf16(bigEndian: true), 2);
        if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0)
            return (Utf32(bigEndian: true), 0);
        if (b.Length >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0)
            return (Utf32(bigEndian: false), 0);
        if (b.Length >= 2 && b[0] == 0 && b[1] != 0)
            return (Utf16(bigEndian: true), 0);
        if (b.Length >= 2 && b[0] != 0 && b[1] == 0)
            return (Utf16(bigEndian: false), 0);
        return (null, 0);
    }

    // Replacement fallbacks (the defaults of these constructors): a broken byte becomes U+FFFD instead of an exception.
    private static UnicodeEncoding Utf16(bool bigEndian) => new(bigEndian, byteOrderMark: false, throwOnInvalidBytes: false);

    private static UTF32Encoding Utf32(bool bigEndian) => new(bigEndian, byteOrderMark: false, throwOnInvalidCharacters: false);
}
