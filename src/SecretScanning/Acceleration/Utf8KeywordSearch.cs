using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace TenantScanner.SecretScanning.Acceleration;

/// <summary>The keyword at index <see cref="Keyword"/> of the list given to <see cref="Utf8KeywordSearch.Create"/> starts at byte <see cref="Offset"/>.</summary>
internal readonly record struct KeywordStart(int Offset, int Keyword);

/// <summary>
/// Finds every place where one of a set of ASCII keywords starts in UTF-8 bytes, in one vectorised pass: each
/// keyword's first four bytes (both cases of a letter for a case-insensitive keyword) are a fingerprint, and
/// the keywords are spread over eight buckets, one bit of a byte each. Sixteen positions at a time, a table
/// lookup per nibble of the bytes at offsets 0 to 3 (a byte shuffle) tells which buckets may start at each
/// position; only those few candidates are compared with the bucket's keywords. This is the "Teddy" search of
/// Hyperscan and of .NET's own multi-string <c>SearchValues</c>, done on bytes: that one only searches UTF-16
/// text, and widening a document to UTF-16 and searching it once per case mode cost more than the rest of the
/// search. Exact for ASCII keywords on UTF-8: bytes of multi-byte sequences are all 0x80 or above.
/// </summary>
internal sealed class Utf8KeywordSearch
{
    /// <summary>Bytes of a keyword that go into its fingerprint (and into its quick comparison).</summary>
    internal const int FingerprintLength = 4;

    private readonly SearchKeyword[] _keywords;
    /// <summary>Per bucket, the keywords in it (indices into <see cref="_keywords"/>).</summary>
    private readonly int[][] _buckets;
    /// <summary>Per fingerprint position, the buckets a low nibble (then a high nibble) admits there.</summary>
    private readonly Vector128<byte>[] _low = new Vector128<byte>[FingerprintLength];
    private readonly Vector128<byte>[] _high = new Vector128<byte>[FingerprintLength];

    private Utf8KeywordSearch(SearchKeyword[] keywords, int[][] buckets)
    {
        _keywords = keywords;
        _buckets = buckets;
        var low = new byte[16];
        var high = new byte[16];
        for (var position = 0; position < FingerprintLength; position++)
        {
            Array.Clear(low);
            Array.Clear(high);
            for (var bucket = 0; bucket < buckets.Length; bucket++)
            {
                var nibbles = NibbleSets.Of(buckets[bucket].Select(i => keywords[i]), position);
                for (var nibble = 0; nibble < 16; nibble++)
                {
                    if ((nibbles.Low & (1 << nibble)) != 0)
                        low[nibble] |= (byte)(1 << bucket);
                    if ((nibbles.High & (1 << nibble)) != 0)
                        high[nibble] |= (byte)(1 << bucket);
                }
            }
            _low[position] = Vector128.Create(low);
            _high[position] = Vector128.Create(high);
        }
    }

    /// <summary>Null when a keyword is empty or not ASCII (its bytes would not be the bytes of its every match).</summary>
    public static Utf8KeywordSearch? Create(IReadOnlyList<(string Keyword, bool IgnoreCase)> keywords)
    {
        if (keywords.Count == 0 || keywords.Any(k => k.Keyword.Length == 0 || !Ascii.IsValid(k.Keyword)))
            return null;
        var prepared = keywords.Select(k => new SearchKeyword(Encoding.ASCII.GetBytes(k.Keyword), k.IgnoreCase)).ToArray();
        return new Utf8KeywordSearch(prepared, KeywordBuckets.Assign(prepared));
    }

    /// <summary>A step reads 16 bytes at each of the fingerprint's offsets.</summary>
    private const int Window = 16 + FingerprintLength - 1;
    /// <summary>Candidate steps gathered before they are verified: the scanning loop makes no calls, so its tables stay in registers.</summary>
    private const int GatheredSteps = 32;

    /// <summary>Adds, in order of offset, every place in <paramref name="utf8"/> where a keyword starts.</summary>
    public void Find(ReadOnlySpan<byte> utf8, List<KeywordStart> found) => Find(utf8, utf8.Length, found);

    /// <summary>
    /// Adds, in order, the keyword starts among the first <paramref name="positions"/> offsets of <paramref name="utf8"/>;
    /// the bytes after them are read too, so that a short text inside a document is still searched 16 bytes at a step.
    /// </summary>
    public void Find(ReadOnlySpan<byte> utf8, int positions, List<KeywordStart> found)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(positions, utf8.Length);
        var offset = 0;
        if (utf8.Length >= Window && positions > 0)
        {
            Span<int> stepOffsets = stackalloc int[GatheredSteps];
            Span<Vector128<byte>> stepBuckets = stackalloc Vector128<byte>[GatheredSteps];
            Span<byte> lanes = stackalloc byte[16];
            while (offset < positions && offset <= utf8.Length - Window)
            {
                var gathered = Scan(utf8, positions, ref offset, stepOffsets, stepBuckets);
                for (var step = 0; step < gathered; step++)
                {
                    var buckets = stepBuckets[step];
                    buckets.CopyTo(lanes);
                    var stepOffset = stepOffsets[step];
                    var lanesWanted = Math.Min(16, positions - stepOffset); // the last step may reach past the positions asked for
                    var candidates = ~Vector128.Equals(buckets, Vector128<byte>.Zero).ExtractMostSignificantBits() & ((1u << lanesWanted) - 1);
                    for (; candidates != 0; candidates &= candidates - 1)
                    {
                        var lane = BitOperations.TrailingZeroCount(candidates);
                        Verify(utf8, stepOffset + lane, lanes[lane], found);
                    }
                }
            }
            // Bucket bits, not text, but derived from the document's bytes: cleared like every buffer that saw them.
            lanes.Clear();
            stepBuckets.Clear();
        }
        for (; offset < positions; offset++)
            Verify(utf8, offset, ScalarCandidates(utf8, offset), found);
    }

    /// <summary>
    /// Steps from <paramref name="offset"/> until the buffers are full, the positions are covered or the last whole step is done, keeping
    /// each step with a candidate (its offset and per-position buckets); moves <paramref name="offset"/> on.
    /// </summary>
    private int Scan(ReadOnlySpan<byte> utf8, int positions, ref int offset, Span<int> stepOffsets, Span<Vector128<byte>> stepBuckets)
    {
        var nibble = Vector128.Create((byte)0xF);
        var (low0, high0, low1, high1) = (_low[0], _high[0], _low[1], _high[1]);
        var (low2, high2, low3, high3) = (_low[2], _high[2], _low[3], _high[3]);
        ref var start = ref MemoryMarshal.GetReference(utf8);
        var gathered = 0;
        var position = (nuint)offset;
        // Every load below reads 16 bytes at position + 0..3, inside the span while position <= last.
        var last = (nuint)(utf8.Length - Window);
        for (; position < (nuint)positions && position <= last; position += 16)
        {
            // No early exit after the first positions: that branch goes either way too often to be predicted.
            var candidates = Admitted(Vector128.LoadUnsafe(ref start, position), low0, high0, nibble)
                & Admitted(Vector128.LoadUnsafe(ref start, position + 1), low1, high1, nibble)
                & Admitted(Vector128.LoadUnsafe(ref start, position + 2), low2, high2, nibble)
                & Admitted(Vector128.LoadUnsafe(ref start, position + 3), low3, high3, nibble);
            if (candidates == Vector128<byte>.Zero)
                continue;
            stepOffsets[gathered] = (int)position;
            stepBuckets[gathered] = candidates;
            if (++gathered == stepOffsets.Length)
            {
                position += 16;
                break;
            }
        }
        offset = (int)position;
        return gathered;
    }

    /// <summary>The buckets admitted by 16 bytes at one fingerprint position: low-nibble set AND high-nibble set.</summary>
    private static Vector128<byte> Admitted(Vector128<byte> bytes, Vector128<byte> low, Vector128<byte> high, Vector128<byte> nibble) =>
        Vector128.ShuffleNative(low, bytes & nibble)
        & Vector128.ShuffleNative(high, Vector128.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte() & nibble);

    /// <summary>The buckets a position near the end may start; positions past the end admit every bucket.</summary>
    private byte ScalarCandidates(ReadOnlySpan<byte> utf8, int offset)
    {
        var candidates = (byte)0xFF;
        for (var position = 0; position < FingerprintLength && offset + position < utf8.Length; position++)
        {
            var value = utf8[offset + position];
            candidates &= (byte)(_low[position].GetElement(value & 0xF) & _high[position].GetElement(value >> 4));
        }
        return candidates;
    }

    private void Verify(ReadOnlySpan<byte> utf8, int offset, byte candidateBuckets, List<KeywordStart> found)
    {
        var rest = utf8[offset..];
        // The first four bytes in one comparison; nearly every candidate is told apart by them.
        var head = rest.Length >= sizeof(uint) ? BinaryPrimitives.ReadUInt32LittleEndian(rest) : 0u;
        for (uint buckets = candidateBuckets; buckets != 0; buckets &= buckets - 1)
        {
            var bucket = BitOperations.TrailingZeroCount(buckets);
            if (bucket >= _buckets.Length)
                break;
            foreach (var index in _buckets[bucket])
            {
                if (_keywords[index].StartsAt(rest, head))
                    found.Add(new KeywordStart(offset, index));
            }
        }
    }
}

/// <summary>One keyword's bytes, with its first four bytes as a masked integer for a quick first comparison.</summary>
internal sealed class SearchKeyword
{
    public SearchKeyword(byte[] bytes, bool ignoreCase)
    {
        Bytes = bytes;
        IgnoreCase = ignoreCase;
        for (var i = 0; i < Math.Min(bytes.Length, sizeof(uint)); i++)
        {
            var shift = 8 * i;
            _headMask |= 0xFFu << shift;
            // Setting bit 5 folds case only for letters: elsewhere it would make '=' equal 0x1D.
            var fold = ignoreCase && char.IsAsciiLetter((char)bytes[i]) ? 0x20u : 0u;
            _headFold |= fold << shift;
            _head |= (bytes[i] | fold) << shift;
        }
    }

    public byte[] Bytes { get; }
    public bool IgnoreCase { get; }
    private readonly uint _head;
    private readonly uint _headMask;
    private readonly uint _headFold;

    /// <param name="head">The first four bytes of <paramref name="text"/> (little-endian), when it has four.</param>
    public bool StartsAt(ReadOnlySpan<byte> text, uint head)
    {
        if (text.Length < Bytes.Length)
            return false;
        if (text.Length >= sizeof(uint) && ((head | _headFold) & _headMask) != _head)
            return false;
        if (Bytes.Length <= sizeof(uint) && text.Length >= sizeof(uint))
            return true;
        return IgnoreCase ? Ascii.EqualsIgnoreCase(text[..Bytes.Length], Bytes) : text.StartsWith(Bytes);
    }
}
