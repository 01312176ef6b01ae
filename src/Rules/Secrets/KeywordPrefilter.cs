using System.Buffers;

namespace TenantScanner.Secrets;

/// <summary>
/// One vectorised pass over a value for all keywords of all patterns, so that nearly every string is
/// rejected without running a regex. Also answers, per property name, whether any pattern could care
/// about a value under it.
/// </summary>
internal sealed class KeywordPrefilter
{
    private readonly SearchValues<string>? _caseSensitive;
    private readonly SearchValues<string>? _ignoreCase;
    private readonly string[] _plainContextKeys;
    private readonly string[] _qualifiedContextKeys;

    public KeywordPrefilter(IReadOnlyList<SecretPattern> patterns)
    {
        var sensitive = patterns.Where(p => !p.KeywordsIgnoreCase).SelectMany(p => p.Keywords).Distinct().ToArray();
        var insensitive = patterns.Where(p => p.KeywordsIgnoreCase).SelectMany(p => p.Keywords).Distinct().ToArray();
        _caseSensitive = sensitive.Length > 0 ? SearchValues.Create(sensitive, StringComparison.Ordinal) : null;
        _ignoreCase = insensitive.Length > 0 ? SearchValues.Create(insensitive, StringComparison.OrdinalIgnoreCase) : null;
        var contextKeys = patterns.SelectMany(p => p.ContextKeys).Distinct().ToArray();
        _plainContextKeys = contextKeys.Where(k => !k.Contains('.')).ToArray();
        _qualifiedContextKeys = contextKeys.Where(k => k.Contains('.')).Select(k => k[(k.IndexOf('.') + 1)..]).Distinct().ToArray();
    }

    public bool ContainsAnyKeyword(ReadOnlySpan<char> value) =>
        (_caseSensitive is not null && value.ContainsAny(_caseSensitive))
        || (_ignoreCase is not null && value.ContainsAny(_ignoreCase));

    /// <summary>True when a value under this (normalised) name could match a context key on its own or qualified by its parent.</summary>
    public bool IsContextName(string normalizedName)
    {
        foreach (var key in _plainContextKeys)
        {
            if (normalizedName.EndsWith(key, StringComparison.Ordinal))
                return true;
        }
        return Array.IndexOf(_qualifiedContextKeys, normalizedName) >= 0;
    }
}
