using System.Text;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Judging;

namespace TenantScanner.SecretScanning.Walking;

/// <summary>How a property's name changes the meaning of its string siblings.</summary>
internal enum SiblingRole { None, Name, Type, Value }

/// <summary>A property name as the walker needs it: raw (for pointers), normalised, and classified once.</summary>
/// <param name="Raw">Null for <see cref="Plain"/>: the walker reads a plain name's text from the document when a pointer needs it.</param>
/// <param name="Normalized">Null for <see cref="Plain"/>.</param>
internal sealed record PropertyName(string? Raw, string? Normalized, bool IsContext, SiblingRole Role)
{
    /// <summary>
    /// Every name that cannot change how a value is judged (not a context key or qualifier, not a not-secret key,
    /// no sibling role): most names are, unique action names among them. One shared object stands for them all,
    /// so that the table does not keep an object per name for a while and drop it later: thousands of such
    /// middle-aged objects per document set made the garbage collector promote and collect older generations.
    /// </summary>
    public static readonly PropertyName Plain = new(null, null, false, SiblingRole.None);
}

/// <summary>
/// Property names and action types, decoded, normalised and classified once and then found again from their
/// raw UTF-8 bytes. Kept by a walker across documents (names repeat: type, inputs, runAfter...); names unique
/// to one flow (action names) would make it grow without end, so it starts over past a bound.
/// </summary>
internal sealed class PropertyNameTable(KeywordPrefilter prefilter, NotSecretMatcher notSecret)
{
    private const int MaxEntries = 16_384;
    private readonly Dictionary<string, PropertyName> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);
    private readonly Utf8KeyedCache<PropertyName> _namesByUtf8 = new(slotBits: 12);
    private readonly Utf8KeyedCache<string> _typesByUtf8 = new(slotBits: 8);

    public void StartOverIfLarge()
    {
        if (_names.Count <= MaxEntries && _types.Count <= MaxEntries)
            return;
        _names.Clear();
        _types.Clear();
    }

    /// <summary>A name whose raw bytes hold no escape: they are its UTF-8 text. May be <see cref="PropertyName.Plain"/>.</summary>
    public PropertyName FromUtf8(ReadOnlySpan<byte> utf8)
    {
        if (_namesByUtf8.TryGet(utf8, out var cached))
            return cached;
        var chars = utf8.Length <= 256 ? stackalloc char[utf8.Length] : new char[utf8.Length];
        chars = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        var normalized = SecretKeyNames.Normalize(chars);
        var name = IsPlain(normalized) ? PropertyName.Plain : FromChars(chars);
        _namesByUtf8.Set(utf8, name);
        return name;
    }

    private bool IsPlain(string normalized) =>
        prefilter.PlainNamesPossible
        && RoleOf(normalized) == SiblingRole.None
        && !prefilter.IsContextName(normalized)
        && !prefilter.IsContextQualifier(normalized)
        && !notSecret.IsNotSecretName(normalized);

    /// <summary>The name with its own text (escaped names: the walker cannot read those back from the document).</summary>
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

    /// <summary><see cref="TypeName"/> of a type whose raw bytes hold no escape (at most a few hundred bytes).</summary>
    public string TypeNameFromUtf8(ReadOnlySpan<byte> utf8)
    {
        if (_typesByUtf8.TryGet(utf8, out var cached))
            return cached;
        Span<char> chars = stackalloc char[utf8.Length];
        var normalized = TypeName(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
        _typesByUtf8.Set(utf8, normalized);
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
