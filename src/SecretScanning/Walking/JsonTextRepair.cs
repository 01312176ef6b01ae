using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace TenantScanner.SecretScanning.Walking;

/// <summary>
/// Mends the two text defects that make <see cref="System.Text.Json.Utf8JsonReader"/> refuse a document whose
/// structure is sound: bytes that are not UTF-8 (a file saved in a legacy code page), and <c>\uXXXX</c> escapes
/// of half a surrogate pair (a tool that cut a string in the middle of an emoji). Each is replaced in place by
/// something of the same length (<c>?</c> for a bad byte, <c>\uFFFD</c> for a lone half), so every position in
/// the document stays where it was and the strict walk, with all its context, can run on the mended copy.
/// </summary>
internal static class JsonTextRepair
{
    /// <summary>A mended copy (clear it once done: it holds the document), or null when neither defect is there.</summary>
    public static byte[]? TryRepair(ReadOnlySpan<byte> json)
    {
        byte[]? copy = null;
        if (!Utf8.IsValid(json))
        {
            copy = json.ToArray();
            ReplaceInvalidUtf8(copy);
        }
        var escapes = LoneSurrogateEscapes(copy ?? json);
        if (escapes.Count == 0)
            return copy;
        copy ??= json.ToArray();
        foreach (var digits in escapes)
            "FFFD"u8.CopyTo(copy.AsSpan(digits));
        return copy;
    }

    private static void ReplaceInvalidUtf8(byte[] bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes.AsSpan(i), out _, out var consumed);
            if (status != OperationStatus.Done)
                bytes.AsSpan(i, consumed).Fill((byte)'?');
            i += consumed;
        }
    }

    /// <summary>Offsets of the four hex digits of each <c>\uD800</c>–<c>\uDFFF</c> escape that is not one half of a pair.</summary>
    private static List<int> LoneSurrogateEscapes(ReadOnlySpan<byte> json)
    {
        var found = new List<int>();
        var i = json.IndexOf((byte)'\\');
        while (i >= 0 && i < json.Length)
        {
            if (CodeUnitAt(json, i) is not { } unit)
            {
                // Any other escape is two bytes (an unknown one is the reader's to refuse); skip it whole, so
                // that the "\\" of "\\ud800" is not read as the start of an escape.
                i = Next(json, i + 2);
                continue;
            }
            if (char.IsHighSurrogate(unit) && CodeUnitAt(json, i + 6) is { } low && char.IsLowSurrogate(low))
            {
                i = Next(json, i + 12);
                continue;
            }
            if (char.IsSurrogate(unit))
                found.Add(i + 2);
            i = Next(json, i + 6);
        }
        return found;
    }

    private static int Next(ReadOnlySpan<byte> json, int from)
    {
        if (from >= json.Length)
            return -1;
        var next = json[from..].IndexOf((byte)'\\');
        return next < 0 ? -1 : from + next;
    }

    /// <summary>The code unit of a <c>\uXXXX</c> escape starting at <paramref name="at"/>, if one does.</summary>
    private static char? CodeUnitAt(ReadOnlySpan<byte> json, int at)
    {
        if (at + 6 > json.Length || json[at] != '\\' || json[at + 1] != 'u')
            return null;
        var value = 0;
        foreach (var digit in json.Slice(at + 2, 4))
        {
            var nibble = HexValue(digit);
            if (nibble < 0)
                return null;
            value = (value << 4) | nibble;
        }
        return (char)value;
    }

    private static int HexValue(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
        _ => -1,
    };
}
