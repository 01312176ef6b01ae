using System.Buffers;
using TenantScanner.SecretScanning.Catalog;

namespace TenantScanner.SecretScanning.Judging;

/// <summary>
/// What the catalog's <see cref="SecretPattern.ContextKeys"/> say about a property name on its own, whatever the
/// pattern: whether a value under it could match some key (then it is judged however short), and whether it
/// qualifies keys of the form <c>parent.key</c>.
/// </summary>
internal sealed class ContextNames
{
    private readonly string[] _plainKeys;
    /// <summary>The "key" parts of "parent.key" context keys.</summary>
    private readonly string[] _qualifiedKeys;
    /// <summary>The "parent" parts of "parent.key" context keys.</summary>
    private readonly string[] _qualifiers;
    /// <summary>The last character of every plain key: a name ending otherwise (most action names) ends with none of them.</summary>
    private readonly SearchValues<char> _plainKeyEndings;
    private readonly bool _anyEmptyPlainKey;

    public ContextNames(IReadOnlyList<SecretPattern> patterns)
    {
        var contextKeys = patterns.SelectMany(p => p.ContextKeys).Distinct().ToArray();
        _plainKeys = contextKeys.Where(k => !k.Contains('.')).ToArray();
        _plainKeyEndings = SearchValues.Create(new string(_plainKeys.Where(k => k.Length > 0).Select(k => k[^1]).Distinct().ToArray()));
        _anyEmptyPlainKey = _plainKeys.Any(k => k.Length == 0);
        _qualifiedKeys = contextKeys.Where(k => k.Contains('.')).Select(k => k[(k.IndexOf('.') + 1)..]).Distinct().ToArray();
        _qualifiers = contextKeys.Where(k => k.Contains('.')).Select(k => k[..k.IndexOf('.')]).Distinct().ToArray();
        // A name missing from a value's context is read as no name; that only equals "a name that matches no key"
        // when no key matches every name (an empty key) or no name at all (an empty qualifier).
        PlainNamesPossible = !_anyEmptyPlainKey && !_qualifiers.Contains("");
    }

    /// <summary>False when a name that is no context name could still change a judgement (see the constructor).</summary>
    public bool PlainNamesPossible { get; }

    /// <summary>True when the (normalised) name is the parent part of some "parent.key" context key.</summary>
    public bool IsQualifier(string normalizedName) => Array.IndexOf(_qualifiers, normalizedName) >= 0;

    /// <summary>True when a value under this (normalised) name could match a context key on its own or qualified by its parent.</summary>
    public bool IsContextName(string? normalizedName)
    {
        if (normalizedName is null)
            return false;
        if (_anyEmptyPlainKey || (normalizedName.Length > 0 && _plainKeyEndings.Contains(normalizedName[^1])))
        {
            foreach (var key in _plainKeys)
            {
                if (normalizedName.EndsWith(key, StringComparison.Ordinal))
                    return true;
            }
        }
        return Array.IndexOf(_qualifiedKeys, normalizedName) >= 0;
    }
}
