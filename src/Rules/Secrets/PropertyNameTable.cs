using System.Runtime.InteropServices;
using System.Text;

namespace TenantScanner.Secrets;

/// <summary>How a property's name changes the meaning of its string siblings.</summary>
internal enum SiblingRole { None, Name, Type, Value }

/// <summary>A property name as the walker needs it: raw (for pointers), normalised, and classified once.</summary>
internal sealed record PropertyName(string Raw, string Normalized, bool IsContext, SiblingRole Role);

/// <summary>
/// Property names and action types, decoded, normalised and classified once and then found again from their
/// raw UTF-8 bytes. Kept by a walker across documents (names repeat: type, inputs, runAfter...); names unique
/// to one flow (action names) would make it grow without end, so it starts over past a bound.
/// </summary>
internal sealed class PropertyNameTable(KeywordPrefilter prefilter)
{
    private const int MaxEntries = 16_384;
    private const int RawCacheBits = 12;
    private const int RawCacheSize = 1 << RawCacheBits;

    private readonly Dictionary<string, PropertyName> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);
    /// <summary>Direct-mapped on a hash of the raw bytes: a hit costs one hash and one compare, no decoding.</summary>
    private readonly CachedName[] _byRawBytes = new CachedName[RawCacheSize];

    /// <summary>
    /// A name's first and last eight bytes and its length, kept in the slot itself: they are the whole name
    /// up to 16 bytes (most JSON names), so a hit reads no other object. Longer names keep their bytes too.
    /// </summary>
    private struct CachedName
    {
        public ulong Head;
        public ulong Tail;
        public int Length;
        public byte[]? LongBytes;
        public PropertyName? Name;
    }

    public void StartOverIfLarge()
    {
        if (_names.Count <= MaxEntries && _types.Count <= MaxEntries)
            return;
        _names.Clear();
        _types.Clear();
    }

    /// <summary>A name whose raw bytes hold no escape: they are its UTF-8 text.</summary>
    public PropertyName FromUtf8(ReadOnlySpan<byte> utf8)
    {
        var (head, tail) = HeadAndTail(utf8);
        ref var slot = ref _byRawBytes[SlotOf(head, tail, utf8.Length)];
        if (slot.Name is not null && slot.Head == head && slot.Tail == tail && slot.Length == utf8.Length
            && (slot.LongBytes is null || utf8.SequenceEqual(slot.LongBytes)))
            return slot.Name;
        var chars = utf8.Length <= 256 ? stackalloc char[utf8.Length] : new char[utf8.Length];
        var name = FromChars(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
        slot = new CachedName
        {
            Head = head,
            Tail = tail,
            Length = utf8.Length,
            LongBytes = utf8.Length > 2 * sizeof(ulong) ? utf8.ToArray() : null,
            Name = name,
        };
        return name;
    }

    /// <summary>The first and the last eight bytes (overlapping below 16, zero-padded below 8).</summary>
    private static (ulong Head, ulong Tail) HeadAndTail(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length >= sizeof(ulong))
            return (MemoryMarshal.Read<ulong>(utf8), MemoryMarshal.Read<ulong>(utf8[^sizeof(ulong)..]));
        ulong head = 0;
        for (var i = utf8.Length - 1; i >= 0; i--)
            head = (head << 8) | utf8[i];
        return (head, 0);
    }

    /// <summary>Fibonacci hashing of head, tail and length: names that differ only in their middle share a slot, which costs a decode, never a wrong name.</summary>
    private static int SlotOf(ulong head, ulong tail, int length) =>
        (int)((((head * 31) ^ tail ^ (ulong)length) * 0x9E3779B97F4A7C15) >> (64 - RawCacheBits));

    public PropertyName FromChars(ReadOnlySpan<char> chars)
    {
        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars, out var known))
            return known;
        var text = new string(chars);
        var normalized = SecretKeyNames.Normalize(chars);
        var name = new PropertyName(text, normalized, prefilter.IsContextName(normalized), RoleOf(normalized));
        _names[text] = name;
        return name;
    }

    /// <summary>Every action has a <c>type</c>, from a small set: normalise each spelling once.</summary>
    public string TypeName(ReadOnlySpan<char> chars)
    {
        var lookup = _types.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars, out var known))
            return known;
        var normalized = SecretKeyNames.Normalize(chars);
        _types[new string(chars)] = normalized;
        return normalized;
    }

    private static SiblingRole RoleOf(string normalized) => normalized switch
    {
        "name" or "schemaname" or "key" => SiblingRole.Name,
        "type" => SiblingRole.Type,
        "value" or "defaultvalue" => SiblingRole.Value,
        _ => SiblingRole.None,
    };
}
