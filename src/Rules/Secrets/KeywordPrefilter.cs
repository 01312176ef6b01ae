using System.Buffers;

namespace TenantScanner.Secrets;

/// <summary>
/// One vectorised pass over a value for the keywords of all patterns (<see cref="SearchValues{T}"/> of strings,
/// an Aho-Corasick/Teddy search), telling which patterns have a keyword in it, so that nearly every string is
/// rejected without running a regex and a value that is judged runs only the patterns it can match. Also
/// answers, per property name, whether any pattern could care about a value under it.
/// </summary>
internal sealed class KeywordPrefilter
{
    private readonly KeywordSet? _caseSensitive;
    private readonly KeywordSet? _ignoreCase;
    private readonly string[] _plainContextKeys;
    private readonly string[] _qualifiedContextKeys;
    /// <summary>The last character of every plain context key: a name ending otherwise (most action names) ends with none of them.</summary>
    private readonly SearchValues<char> _plainKeyEndings;
    private readonly bool _anyEmptyPlainKey;

    public KeywordPrefilter(IReadOnlyList<SecretPattern> patterns)
    {
        _caseSensitive = KeywordSet.Create(patterns, ignoreCase: false);
        _ignoreCase = KeywordSet.Create(patterns, ignoreCase: true);
        var contextKeys = patterns.SelectMany(p => p.ContextKeys).Distinct().ToArray();
        _plainContextKeys = contextKeys.Where(k => !k.Contains('.')).ToArray();
        _plainKeyEndings = SearchValues.Create(new string(_plainContextKeys.Where(k => k.Length > 0).Select(k => k[^1]).Distinct().ToArray()));
        _anyEmptyPlainKey = _plainContextKeys.Any(k => k.Length == 0);
        _qualifiedContextKeys = contextKeys.Where(k => k.Contains('.')).Select(k => k[(k.IndexOf('.') + 1)..]).Distinct().ToArray();
    }

    /// <summary>Marks in <paramref name="patternHits"/> (indexed like the catalog) every pattern with a keyword in the value.</summary>
    /// <returns>True when at least one keyword occurs.</returns>
    public bool MarkKeywordHits(ReadOnlySpan<char> value, Span<bool> patternHits)
    {
        patternHits.Clear();
        var any = _caseSensitive?.Mark(value, patternHits) ?? false;
        return (_ignoreCase?.Mark(value, patternHits) ?? false) | any;
    }

    /// <summary>True when a value under this (normalised) name could match a context key on its own or qualified by its parent.</summary>
    public bool IsContextName(string normalizedName)
    {
        if (_anyEmptyPlainKey || (normalizedName.Length > 0 && _plainKeyEndings.Contains(normalizedName[^1])))
        {
            foreach (var key in _plainContextKeys)
            {
                if (normalizedName.EndsWith(key, StringComparison.Ordinal))
                    return true;
            }
        }
        return Array.IndexOf(_qualifiedContextKeys, normalizedName) >= 0;
    }

    private sealed class KeywordSet
    {
        private readonly SearchValues<string> _search;
        private readonly (string Keyword, int[] Patterns)[] _keywords;
        private readonly StringComparison _comparison;
        private readonly IReadOnlyList<string>[] _alsoRequires;

        private KeywordSet(SearchValues<string> search, (string, int[])[] keywords, StringComparison comparison, IReadOnlyList<string>[] alsoRequires)
        {
            _search = search;
            _keywords = keywords;
            _comparison = comparison;
            _alsoRequires = alsoRequires;
        }

        public static KeywordSet? Create(IReadOnlyList<SecretPattern> patterns, bool ignoreCase)
        {
            var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            var keywords = patterns
                .SelectMany((pattern, index) => pattern.KeywordsIgnoreCase == ignoreCase ? pattern.Keywords.Select(k => (Keyword: k, Index: index)) : [])
                .GroupBy(k => k.Keyword, ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal)
                .Select(g => (g.Key, g.Select(k => k.Index).Distinct().ToArray()))
                .ToArray();
            var alsoRequires = patterns.Select(p => p.AlsoRequires).ToArray();
            return keywords.Length == 0 ? null : new KeywordSet(SearchValues.Create(keywords.Select(k => k.Key).ToArray(), comparison), keywords, comparison, alsoRequires);
        }

        public bool Mark(ReadOnlySpan<char> value, Span<bool> patternHits)
        {
            var any = false;
            var offset = 0;
            while (offset < value.Length)
            {
                var found = value[offset..].IndexOfAny(_search);
                if (found < 0)
                    break;
                var rest = value[(offset + found)..];
                foreach (var (keyword, patterns) in _keywords)
                {
                    if (!rest.StartsWith(keyword, _comparison))
                        continue;
                    foreach (var pattern in patterns)
                    {
                        if (patternHits[pattern] || !ContainsAll(value, _alsoRequires[pattern]))
                            continue;
                        patternHits[pattern] = true;
                        any = true;
                    }
                }
                offset += found + 1;
            }
            return any;
        }

        private static bool ContainsAll(ReadOnlySpan<char> value, IReadOnlyList<string> required)
        {
            foreach (var literal in required)
            {
                if (!value.Contains(literal, StringComparison.Ordinal))
                    return false;
            }
            return true;
        }
    }
}
