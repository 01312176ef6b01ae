using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace TenantScanner.Snapshots;

/// <summary>
/// Checks for JSON read from files the scanner did not write itself (snapshot files, a saved scan result).
/// Errors are described from positions and single bytes only: a parser's own message can quote the rest of
/// the document after a broken literal (70 KB of it, with whatever secret sits there), so it is never used.
/// </summary>
public static class JsonInput
{
    /// <summary>The bytes without a leading UTF-8 byte order mark: some editors add one, and JSON parsers refuse it.</summary>
    public static ReadOnlyMemory<byte> WithoutBom(ReadOnlyMemory<byte> json) =>
        json.Span.StartsWith(Encoding.UTF8.Preamble) ? json[Encoding.UTF8.Preamble.Length..] : json;

    /// <inheritdoc cref="WithoutBom(ReadOnlyMemory{byte})"/>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> json) =>
        json.StartsWith(Encoding.UTF8.Preamble) ? json[Encoding.UTF8.Preamble.Length..] : json;

    /// <summary>"line 3, byte 17 of the line: unexpected ','" for a syntax error in <paramref name="json"/>.</summary>
    public static string DescribeSyntaxError(ReadOnlySpan<byte> json, JsonException error)
    {
        var line = error.LineNumber ?? 0;
        var byteInLine = error.BytePositionInLine ?? 0;
        return $"line {line + 1}, byte {byteInLine + 1} of the line: {SyntaxProblemAt(json, OffsetOf(json, line, byteInLine))}";
    }

    /// <summary>
    /// Text a JSON parser accepts but no .NET string can hold: bytes that are not UTF-8, or an escaped UTF-16
    /// surrogate without its pair (<c>\ud800</c>). Reading such a value later fails far from the file, so it is
    /// refused up front. Returns "line L, byte B of the line: what", or null when the text is sound.
    /// Call it on JSON the parser has accepted: escapes are then well formed.
    /// </summary>
    public static string? FindTextProblem(ReadOnlySpan<byte> json)
    {
        if (!System.Text.Unicode.Utf8.IsValid(json))
            return At(json, FirstInvalidUtf8(json), "bytes that are not valid UTF-8");
        return LoneSurrogateEscape(json) is { } offset
            ? At(json, offset, "an escaped UTF-16 surrogate without its pair (\\uD800-\\uDFFF), which is not valid Unicode text")
            : null;
    }

    /// <summary>1-based line and byte in the line of <paramref name="offset"/>.</summary>
    public static (long Line, long ByteInLine) PositionOf(ReadOnlySpan<byte> json, int offset)
    {
        var before = json[..Math.Min(offset, json.Length)];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, offset - lineStart + 1);
    }

    private static string At(ReadOnlySpan<byte> json, int offset, string what)
    {
        var (line, byteInLine) = PositionOf(json, offset);
        return $"line {line}, byte {byteInLine} of the line: {what}";
    }

    private static int OffsetOf(ReadOnlySpan<byte> json, long line, long byteInLine)
    {
        var offset = 0;
        for (var i = 0L; i < line; i++)
        {
            var next = json[offset..].IndexOf((byte)'\n');
            if (next < 0)
                return json.Length;
            offset += next + 1;
        }
        return (int)Math.Min(offset + byteInLine, json.Length);
    }

    /// <summary>What is wrong at the offset, from that byte alone (and, for a broken literal, which literal it began).</summary>
    private static string SyntaxProblemAt(ReadOnlySpan<byte> json, int offset)
    {
        if (offset >= json.Length)
            return "the data ends before the JSON is complete";
        if (EndsBrokenLiteral(json[..offset]))
            return "an incomplete literal (true, false or null)";
        var b = json[offset];
        return b switch
        {
            < 0x20 or 0x7F => $"unexpected control character 0x{b:X2}",
            >= 0x80 => $"unexpected byte 0x{b:X2} outside a string",
            (byte)' ' => "unexpected space",
            _ => $"unexpected '{(char)b}'",
        };
    }

    /// <summary>True when the bytes end with a proper prefix of true, false or null (e.g. "tru"): those letters are safe to name.</summary>
    private static bool EndsBrokenLiteral(ReadOnlySpan<byte> before)
    {
        var start = before.Length;
        while (start > 0 && char.IsAsciiLetterLower((char)before[start - 1]))
            start--;
        var letters = before[start..];
        return letters.Length > 0 && ("true"u8.StartsWith(letters) || "false"u8.StartsWith(letters) || "null"u8.StartsWith(letters));
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> json)
    {
        var offset = 0;
        while (offset < json.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(json[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
                return offset;
            offset += consumed;
        }
        return offset;
    }

    /// <summary>Offset of the first <c>\uXXXX</c> escape holding a surrogate that has no partner, or null.</summary>
    private static int? LoneSurrogateEscape(ReadOnlySpan<byte> json)
    {
        var start = 0;
        while (start < json.Length)
        {
            var found = json[start..].IndexOf("\\u"u8);
            if (found < 0)
                return null;
            var at = start + found;
            start = at + 2;
            // "\\u0041" is an escaped backslash followed by text: the escape's backslash must not itself be escaped.
            if (!IsUnescaped(json, at) || !TryReadUnit(json, at, out var unit))
                continue;
            if (char.IsLowSurrogate(unit))
                return at;
            if (!char.IsHighSurrogate(unit))
                continue;
            if (!TryReadUnit(json, at + 6, out var low) || !char.IsLowSurrogate(low))
                return at;
            start = at + 12;
        }
        return null;
    }

    private static bool IsUnescaped(ReadOnlySpan<byte> json, int backslash)
    {
        var preceding = 0;
        while (backslash - preceding - 1 >= 0 && json[backslash - preceding - 1] == (byte)'\\')
            preceding++;
        return preceding % 2 == 0;
    }

    /// <summary>Reads the UTF-16 unit of a <c>\uXXXX</c> escape starting at <paramref name="at"/>.</summary>
    private static bool TryReadUnit(ReadOnlySpan<byte> json, int at, out char unit)
    {
        unit = default;
        if (at + 6 > json.Length || json[at] != (byte)'\\' || json[at + 1] != (byte)'u')
            return false;
        if (!Utf8Parser.TryParse(json.Slice(at + 2, 4), out ushort value, out var consumed, 'X') || consumed != 4)
            return false;
        unit = (char)value;
        return true;
    }
}
