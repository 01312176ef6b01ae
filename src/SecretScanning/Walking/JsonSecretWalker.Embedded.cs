using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TenantScanner.SecretScanning.Walking;

/// <summary>Strings that hold a JSON document (Dataverse <c>clientdata</c>, a JSON environment variable value).</summary>
internal sealed partial class JsonSecretWalker
{
    private enum JsonShape { NotJson, Json, Undecided }

    /// <summary>A string holding a JSON document (Dataverse clientdata, an environment variable's JSON value) is walked as JSON.</summary>
    private bool TryWalkEmbedded(ReadOnlySpan<char> value, string pointer, (int Line, int Column)? position, WalkState state)
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(value.Length));
        try
        {
            return TryWalkEmbedded(utf8.AsSpan(0, Encoding.UTF8.GetBytes(value, utf8)), pointer, position, state);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8, clearArray: true); // the document may hold secrets
        }
    }

    /// <summary>The string token the reader is on, walked from its unescaped UTF-8 bytes: no UTF-16 copy and no string.</summary>
    private bool TryWalkEmbedded(ref Utf8JsonReader reader, string pointer, (int Line, int Column)? position, WalkState state)
    {
        if (!reader.ValueIsEscaped)
            return TryWalkEmbedded(reader.ValueSpan, pointer, position, state); // a slice of the outer document
        var utf8 = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length); // unescaping never lengthens UTF-8
        try
        {
            return TryWalkEmbedded(utf8.AsSpan(0, reader.CopyString(utf8)), pointer, position, state);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8, clearArray: true);
        }
    }

    /// <remarks>
    /// Reuses this walker (its name caches stay warm); the inner walk has its own state, and every scratch
    /// buffer it overwrites (<see cref="_chars"/>, the keyword marks, the candidates) is refilled by the caller
    /// before it is read again. Inner hits are kept only when the whole inner document parses.
    /// </remarks>
    private bool TryWalkEmbedded(ReadOnlySpan<byte> utf8, string pointer, (int Line, int Column)? position, WalkState state)
    {
        var inner = state.EmbeddedHits;
        var innerUnjudged = state.EmbeddedUnjudged;
        inner.Clear();
        innerUnjudged.Clear();
        try
        {
            Walk(utf8, pointer, trackLines: false, position, inner, innerUnjudged, state.EmbeddedDepth + 1);
        }
        catch (MalformedJsonException)
        {
            inner.Clear();
            innerUnjudged.Clear();
            return false;
        }
        state.Hits.AddRange(inner);
        state.Unjudged.AddRange(innerUnjudged);
        inner.Clear();
        innerUnjudged.Clear();
        return true;
    }

    private static bool LooksLikeJson(ReadOnlySpan<char> chars)
    {
        var trimmed = chars.Trim();
        return trimmed.Length >= 2
            && ((trimmed[0] == '{' && trimmed[^1] == '}' && CanOpenObject(FirstAfterWhitespace(trimmed[1..])))
                || (trimmed[0] == '[' && trimmed[^1] == ']'));
    }

    /// <summary>
    /// Whether a character can come first inside a JSON object: a member's quote, the closing brace, a comment, or
    /// (in raw escaped text) the backslash of an escaped quote or whitespace. Anything else makes the text no JSON
    /// document at all: template text such as <c>{{ variable }}</c> is told apart without a failed walk (whose two
    /// exceptions cost more than the check, thousands of times a pass).
    /// </summary>
    private static bool CanOpenObject(int first) => first is '"' or '}' or '/' or '\\';

    private static int FirstAfterWhitespace(ReadOnlySpan<char> text)
    {
        var index = text.IndexOfAnyExcept(" \t\r\n");
        return index < 0 ? -1 : text[index];
    }

    /// <summary>
    /// <see cref="LooksLikeJson"/> of the text that unescaped raw bytes decode to, answered from the bytes when
    /// their ends are ASCII. Unescaped JSON strings hold no control characters, so the only ASCII whitespace
    /// <see cref="MemoryExtensions.Trim(ReadOnlySpan{char})"/> could remove is the space; any other whitespace
    /// it trims is non-ASCII, and a non-ASCII byte at either end leaves the answer to the decoded text.
    /// </summary>
    private static JsonShape JsonShapeOf(ReadOnlySpan<byte> raw)
    {
        var first = raw.IndexOfAnyExcept((byte)' ');
        if (first < 0)
            return JsonShape.NotJson;
        var opening = raw[first];
        if (opening >= 0x80)
            return JsonShape.Undecided;
        if (opening is not ((byte)'{' or (byte)'['))
            return JsonShape.NotJson;
        var last = raw.LastIndexOfAnyExcept((byte)' ');
        var closing = raw[last];
        if (closing >= 0x80)
            return JsonShape.Undecided;
        if (last <= first || !((opening == '{' && closing == '}') || (opening == '[' && closing == ']')))
            return JsonShape.NotJson;
        // Raw string bytes hold no unescaped control characters: the only whitespace to pass over is the space.
        var inner = raw[(first + 1)..].IndexOfAnyExcept((byte)' ');
        return opening == '[' || CanOpenObject(raw[first + 1 + inner]) ? JsonShape.Json : JsonShape.NotJson;
    }
}
