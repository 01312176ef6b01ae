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
    private readonly (byte[] Utf8, PropertyName Name)?[] _byRawBytes = new (byte[], PropertyName)?[RawCacheSize];

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
        var slot = SlotOf(utf8);
        if (_byRawBytes[slot] is { } cached && utf8.SequenceEqual(cached.Utf8))
            return cached.Name;
        var chars = utf8.Length <= 256 ? stackalloc char[utf8.Length] : new char[utf8.Length];
        var name = FromChars(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
        _byRawBytes[slot] = (utf8.ToArray(), name);
        return name;
    }

    /// <summary>
    /// A cheap hash of the first and last eight bytes and the length: names that differ only in their middle
    /// share a slot, which costs a decode, never a wrong name (a hit compares every byte).
    /// </summary>
    private static int SlotOf(ReadOnlySpan<byte> utf8)
    {
        ulong hash;
        if (utf8.Length >= sizeof(ulong))
            hash = (MemoryMarshal.Read<ulong>(utf8) * 31) ^ MemoryMarshal.Read<ulong>(utf8[^sizeof(ulong)..]);
        else
        {
            hash = 0;
            foreach (var b in utf8)
                hash = (hash * 31) + b;
        }
        hash = (hash ^ (ulong)utf8.Length) * 0x9E3779B97F4A7C15; // Fibonacci hashing: the top bits are well mixed
        return (int)(hash >> (64 - RawCacheBits));
    }

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
