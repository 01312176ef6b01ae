using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TenantScanner.Secrets;

/// <summary>Strings that hold a JSON document (Dataverse <c>clientdata</c>, a JSON environment variable value).</summary>
internal sealed partial class JsonSecretWalker
{
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
    /// Reuses this walker (its name caches stay warm); the inner walk has its own frames, and every scratch
    /// buffer it overwrites (<see cref="_chars"/>, the keyword marks, the candidates) is refilled by the caller
    /// before it is read again. Inner hits are kept only when the whole inner document parses.
    /// </remarks>
    private bool TryWalkEmbedded(ReadOnlySpan<byte> utf8, string pointer, (int Line, int Column)? position, WalkState state)
    {
        var inner = new List<SecretHit>();
        try
        {
            Walk(utf8, pointer, trackLines: false, position, inner, state.EmbeddedDepth + 1);
        }
        catch (MalformedJsonException)
        {
            return false;
        }
        state.Hits.AddRange(inner);
        return true;
    }

    private static bool LooksLikeJson(ReadOnlySpan<char> chars)
    {
        var trimmed = chars.Trim();
        return trimmed.Length >= 2
            && ((trimmed[0] == '{' && trimmed[^1] == '}') || (trimmed[0] == '[' && trimmed[^1] == ']'));
    }
}
