using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace TenantScanner.Snapshots;

/// <summary>
/// <see cref="System.Text.Json.JsonDocument"/> parses a string holding bytes that are not UTF-8, or a <c>\uD800</c>
/// escape of half a surrogate pair, and only fails when the string is read (an <see cref="InvalidOperationException"/>
/// from deep inside a page reader; found by bench/Fuzz). A display name cut in the middle of an emoji is not a
/// reason to refuse a whole snapshot, so such text is mended before parsing: a bad byte becomes <c>?</c>, a lone
/// half <c>\uFFFD</c>, each the same length, so line and byte positions in messages stay true. The SHA-256 is
/// checked on the bytes as stored. (SecretScanning has its own copy of this repair: it depends on no project of ours.)
/// </summary>
public static class JsonTextMending
{
    /// <summary>The bytes themselves when they need nothing, else a mended copy.</summary>
    public static ReadOnlyMemory<byte> Mend(ReadOnlyMemory<byte> json)
    {
        var span = json.Span;
        var validUtf8 = Utf8.IsValid(span);
        var lone = LoneSurrogateEscapes(span);
        if (validUtf8 && lone.Count == 0)
            return json;
        var copy = span.ToArray();
        if (!validUtf8)
            ReplaceInvalidUtf8(copy);
        foreach (var digits in lone)
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

    /// <summary>Offsets of the hex digits of each surrogate escape that is not one half of a pair; <c>\\</c> is skipped whole.</summary>
    private static List<int> LoneSurrogateEscapes(ReadOnlySpan<byte> json)
    {
        var found = new List<int>();
        var i = json.IndexOf((byte)'\\');
        while (i >= 0)
        {
            var step = 2;
            if (CodeUnitAt(json, i) is { } unit)
            {
                step = 6;
                if (char.IsHighSurrogate(unit) && CodeUnitAt(json, i + 6) is { } low && char.IsLowSurrogate(low))
                    step = 12;
                else if (char.IsSurrogate(unit))
                    found.Add(i + 2);
            }
            var from = i + step;
            var next = from < json.Length ? json[from..].IndexOf((byte)'\\') : -1;
            i = next < 0 ? -1 : from + next;
        }
        return found;
    }

    private static char? CodeUnitAt(ReadOnlySpan<byte> json, int at)
    {
        if (at + 6 > json.Length || json[at + 1] != 'u')
            return null;
        var value = 0;
        foreach (var digit in json.Slice(at + 2, 4))
        {
            var nibble = digit switch
            {
                >= (byte)'0' and <= (byte)'9' => digit - '0',
                >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
                _ => -1,
            };
            if (nibble < 0)
                return null;
            value = (value << 4) | nibble;
        }
        return (char)value;
    }
}
