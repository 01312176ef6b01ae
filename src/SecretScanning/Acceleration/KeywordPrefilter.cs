using System.Buffers;
using System.Text;
using TenantScanner.SecretScanning.Catalog;

namespace TenantScanner.SecretScanning.Acceleration;

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
    /// <summary>The "parent" parts of "parent.key" context keys.</summary>
    private readonly string[] _contextQualifiers;
    /// <summary>The last character of every plain context key: a name ending otherwise (most action names) ends with none of them.</summary>
    private readonly SearchValues<char> _plainKeyEndings;
    private readonly bool _anyEmptyPlainKey;
    private readonly DocumentKeywordSearch? _documentSearch;

    public KeywordPrefilter(IReadOnlyList<SecretPattern> patterns)
    {
        _caseSensitive = KeywordSet.Create(patterns, ignoreCase: false);
        _ignoreCase = KeywordSet.Create(patterns, ignoreCase: true);
        _documentSearch = DocumentKeywordSearch.Create(patterns);
        var contextKeys = patterns.SelectMany(p => p.ContextKeys).Distinct().ToArray();
        _plainContextKeys = contextKeys.Where(k => !k.Contains('.')).ToArray();
        _plainKeyEndings = SearchValues.Create(new string(_plainContextKeys.Where(k => k.Length > 0).Select(k => k[^1]).Distinct().ToArray()));
        _anyEmptyPlainKey = _plainContextKeys.Any(k => k.Length == 0);
        _qualifiedContextKeys = contextKeys.Where(k => k.Contains('.')).Select(k => k[(k.IndexOf('.') + 1)..]).Distinct().ToArray();
        _contextQualifiers = contextKeys.Where(k => k.Contains('.')).Select(k => k[..k.IndexOf('.')]).Distinct().ToArray();
        // A name missing from a value's context is read as no name; that only equals "a name that matches no key"
        // when no key matches every name (an empty key) or no name at all (an empty qualifier).
        PlainNamesPossible = !_anyEmptyPlainKey && !_contextQualifiers.Contains("");
    }

    /// <summary>Marks in <paramref name="patternHits"/> (indexed like the catalog) every pattern with a keyword in the value.</summary>
    /// <returns>True when at least one keyword occurs.</returns>
    public bool MarkKeywordHits(ReadOnlySpan<char> value, Span<bool> patternHits)
    {
        patternHits.Clear();
        var any = _caseSensitive?.Mark(value, patternHits) ?? false;
        return (_ignoreCase?.Mark(value, patternHits) ?? false) | any;
    }

    /// <summary>
    /// <see cref="MarkKeywordHits"/> for a string without escapes, from the keyword starts that
    /// <see cref="FindKeywordStarts"/> found in its raw bytes: they are its UTF-8 text, so ASCII literals (keywords,
    /// <see cref="SecretPattern.AlsoRequires"/>) occur in the one exactly when they occur in the other, and the
    /// string need not be decoded to be marked.
    /// </summary>
    public bool MarkKeywordHitsAt(ReadOnlySpan<byte> raw, ReadOnlySpan<KeywordStart> starts, Span<bool> patternHits)
    {
        patternHits.Clear();
        return _documentSearch is not null && _documentSearch.Mark(raw, starts, patternHits);
    }

    /// <summary>False when keywords cannot be searched in raw bytes (a non-ASCII keyword): then every string may hold one.</summary>
    public bool CanFindKeywordStarts => _documentSearch is not null;

    /// <summary>
    /// Adds, in order, every offset below <paramref name="length"/> where a keyword of some pattern starts in
    /// <paramref name="utf8"/>, the raw bytes of a string followed by the rest of its document (read ahead, not searched).
    /// </summary>
    public void FindKeywordStarts(ReadOnlySpan<byte> utf8, int length, List<KeywordStart> starts)
    {
        if (_documentSearch is null)
            throw new InvalidOperationException("Keywords of this catalog cannot be searched in raw bytes.");
        _documentSearch.Search.Find(utf8, length, starts);
    }

    /// <summary>False when <c>PropertyName.Plain</c> (Walking) could judge differently from a name's own text (see the constructor).</summary>
    public bool PlainNamesPossible { get; }

    /// <summary>True when the (normalised) name is the parent part of some "parent.key" context key.</summary>
    public bool IsContextQualifier(string normalizedName) => Array.IndexOf(_contextQualifiers, normalizedName) >= 0;

    /// <summary>True when a value under this (normalised) name could match a context key on its own or qualified by its parent.</summary>
    public bool IsContextName(string? normalizedName)
    {
        if (normalizedName is null)
            return false;
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

    /// <summary>
    /// All patterns' keywords, searched at once in a string's raw UTF-8 bytes (<see cref="Utf8KeywordSearch"/>),
    /// with the patterns each keyword stands for. Exact for ASCII keywords and ASCII <see cref="SecretPattern.AlsoRequires"/>
    /// literals on unescaped text: an ASCII character is the same byte in UTF-8, and no byte of a multi-byte sequence is ASCII.
    /// </summary>
    private sealed class DocumentKeywordSearch
    {
        /// <summary>Per keyword of <see cref="Search"/>: its length and the patterns it stands for.</summary>
        private readonly int[] _lengths;
        private readonly int[][] _patterns;
        /// <summary>Per pattern: its <see cref="SecretPattern.AlsoRequires"/> literals as bytes.</summary>
        private readonly byte[][][] _alsoRequires;

        private DocumentKeywordSearch(Utf8KeywordSearch search, int[] lengths, int[][] patterns, byte[][][] alsoRequires)
        {
            Search = search;
            _lengths = lengths;
            _patterns = patterns;
            _alsoRequires = alsoRequires;
        }

        public Utf8KeywordSearch Search { get; }

        public static DocumentKeywordSearch? Create(IReadOnlyList<SecretPattern> patterns)
        {
            var keywords = patterns
                .SelectMany((pattern, index) => pattern.Keywords.Select(k => (Keyword: k, pattern.KeywordsIgnoreCase, Index: index)))
                .GroupBy(k => (k.Keyword, k.KeywordsIgnoreCase))
                .Select(g => (g.Key.Keyword, g.Key.KeywordsIgnoreCase, Patterns: g.Select(k => k.Index).Distinct().ToArray()))
                .ToArray();
            if (keywords.Any(k => k.KeywordsIgnoreCase && !IgnoreCaseIsAsciiOnly(k.Keyword))
                || patterns.Any(p => p.Keywords.Count > 0 && p.AlsoRequires.Any(literal => !Ascii.IsValid(literal))))
                return null;
            var search = Utf8KeywordSearch.Create(keywords.Select(k => (k.Keyword, k.KeywordsIgnoreCase)).ToArray());
            if (search is null)
                return null;
            var alsoRequires = patterns.Select(p => p.AlsoRequires.Select(Encoding.ASCII.GetBytes).ToArray()).ToArray();
            return new DocumentKeywordSearch(search, keywords.Select(k => k.Keyword.Length).ToArray(), keywords.Select(k => k.Patterns).ToArray(), alsoRequires);
        }

        /// <summary>
        /// Under invariant globalization no non-ASCII character equals an ASCII one ignoring case; with ICU,
        /// 'ſ' may equal 's' and the Kelvin sign 'k'. A case-insensitive keyword holding such a letter could then
        /// match text whose bytes do not hold it, so it is searched per decoded string instead.
        /// </summary>
        private static bool IgnoreCaseIsAsciiOnly(string keyword)
        {
            foreach (var c in keyword)
            {
                var folds = char.ToLowerInvariant(c) switch
                {
                    'k' => "\u212A".Equals("k", StringComparison.OrdinalIgnoreCase),
                    's' => "\u017F".Equals("s", StringComparison.OrdinalIgnoreCase),
                    'i' => "\u0130".Equals("i", StringComparison.OrdinalIgnoreCase) || "\u0131".Equals("i", StringComparison.OrdinalIgnoreCase),
                    _ => false,
                };
                if (folds)
                    return false;
            }
            return true;
        }

        public bool Mark(ReadOnlySpan<byte> raw, ReadOnlySpan<KeywordStart> starts, Span<bool> patternHits)
        {
            var any = false;
            foreach (var start in starts)
            {
                // A keyword that starts inside the string but runs past its closing quote is not in its text.
                if (start.Offset + _lengths[start.Keyword] > raw.Length)
                    continue;
                foreach (var pattern in _patterns[start.Keyword])
                {
                    if (patternHits[pattern] || !ContainsAll(raw, _alsoRequires[pattern]))
                        continue;
                    patternHits[pattern] = true;
                    any = true;
                }
            }
            return any;
        }

        private static bool ContainsAll(ReadOnlySpan<byte> raw, byte[][] required)
        {
            foreach (var literal in required)
            {
                if (raw.IndexOf(literal) < 0)
                    return false;
            }
            return true;
        }
    }
}
