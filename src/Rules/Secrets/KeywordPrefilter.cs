using System.Buffers;
using System.Text;

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
    private readonly DocumentSearch? _documentSearch;

    public KeywordPrefilter(IReadOnlyList<SecretPattern> patterns)
    {
        _caseSensitive = KeywordSet.Create(patterns, ignoreCase: false);
        _ignoreCase = KeywordSet.Create(patterns, ignoreCase: true);
        _documentSearch = DocumentSearch.Create(patterns);
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

    /// <summary>
    /// <see cref="MarkKeywordHits"/> for a string without escapes whose keyword starts are known from
    /// <see cref="FindKeywordStarts"/>: the keywords are recognised at those offsets of the raw bytes instead
    /// of being searched for again. <paramref name="value"/> is the decoded text (for <see cref="SecretPattern.AlsoRequires"/>).
    /// </summary>
    public bool MarkKeywordHitsAt(ReadOnlySpan<byte> raw, ReadOnlySpan<int> starts, ReadOnlySpan<char> value, Span<bool> patternHits)
    {
        patternHits.Clear();
        var any = _caseSensitive?.MarkAt(raw, starts, value, patternHits) ?? false;
        return (_ignoreCase?.MarkAt(raw, starts, value, patternHits) ?? false) | any;
    }

    /// <summary>False when keywords cannot be searched in raw bytes (a non-ASCII keyword): then every string may hold one.</summary>
    public bool CanFindKeywordStarts => _documentSearch is not null;

    /// <summary>Adds, in order, every byte offset of <paramref name="utf8"/> where a keyword of some pattern starts.</summary>
    public void FindKeywordStarts(ReadOnlySpan<byte> utf8, List<int> starts)
    {
        if (_documentSearch is null)
            throw new InvalidOperationException("Keywords of this catalog cannot be searched in raw bytes.");
        _documentSearch.FindStarts(utf8, starts);
    }

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
        /// <summary>The keywords' bytes, for <see cref="MarkAt"/> (only used when every keyword is ASCII).</summary>
        private readonly byte[][] _keywordBytes;

        private KeywordSet(SearchValues<string> search, (string, int[])[] keywords, StringComparison comparison, IReadOnlyList<string>[] alsoRequires)
        {
            _search = search;
            _keywords = keywords;
            _comparison = comparison;
            _alsoRequires = alsoRequires;
            _keywordBytes = keywords.Select(k => Encoding.UTF8.GetBytes(k.Item1)).ToArray();
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

        /// <summary>The marks <see cref="Mark"/> gives, from the keyword starts in raw ASCII-keyword-safe bytes.</summary>
        public bool MarkAt(ReadOnlySpan<byte> raw, ReadOnlySpan<int> starts, ReadOnlySpan<char> value, Span<bool> patternHits)
        {
            var any = false;
            var ignoreCase = _comparison == StringComparison.OrdinalIgnoreCase;
            foreach (var start in starts)
            {
                var rest = raw[start..];
                for (var k = 0; k < _keywords.Length; k++)
                {
                    var keyword = _keywordBytes[k];
                    if (rest.Length < keyword.Length
                        || !(ignoreCase ? Ascii.EqualsIgnoreCase(rest[..keyword.Length], keyword) : rest.StartsWith(keyword)))
                        continue;
                    foreach (var pattern in _keywords[k].Patterns)
                    {
                        if (patternHits[pattern] || !ContainsAll(value, _alsoRequires[pattern]))
                            continue;
                        patternHits[pattern] = true;
                        any = true;
                    }
                }
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
    /// The keywords searched in a whole document's raw bytes. Exact for ASCII keywords on unescaped text: an ASCII
    /// keyword only matches ASCII characters, and those are the same bytes in UTF-8 (multi-byte sequences hold
    /// only bytes of 0x80 and above). Bytes are widened one to one (Latin-1) in chunks so that offsets stay byte
    /// offsets and the vectorised <see cref="SearchValues{T}"/> of strings can run; keywords of one or two
    /// characters (<c>==</c>, <c>SK</c>) are searched in the bytes directly, where a single-needle search is
    /// much faster than a multi-string search that has to accept such short prefixes.
    /// </summary>
    private sealed class DocumentSearch
    {
        private const int ChunkChars = 4096;
        private readonly SearchValues<string>? _caseSensitive;
        private readonly SearchValues<string>? _ignoreCase;
        private readonly byte[][] _shortNeedles;
        private readonly int _overlap;

        private DocumentSearch(SearchValues<string>? caseSensitive, SearchValues<string>? ignoreCase, byte[][] shortNeedles, int longest)
        {
            _caseSensitive = caseSensitive;
            _ignoreCase = ignoreCase;
            _shortNeedles = shortNeedles;
            _overlap = longest - 1;
        }

        public static DocumentSearch? Create(IReadOnlyList<SecretPattern> patterns)
        {
            var keywords = patterns.SelectMany(p => p.Keywords.Select(k => (Keyword: k, p.KeywordsIgnoreCase))).Distinct().ToArray();
            if (keywords.Any(k => k.Keyword.Length == 0 || !Ascii.IsValid(k.Keyword) || (k.KeywordsIgnoreCase && !IgnoreCaseIsAsciiOnly(k.Keyword))))
                return null;
            var longest = keywords.Length == 0 ? 1 : keywords.Max(k => k.Keyword.Length);
            if (longest > ChunkChars / 2)
                return null;
            var shortNeedles = keywords.Where(k => !k.KeywordsIgnoreCase && k.Keyword.Length <= 2).Select(k => Encoding.ASCII.GetBytes(k.Keyword)).ToArray();
            var caseSensitive = keywords.Where(k => !k.KeywordsIgnoreCase && k.Keyword.Length > 2).Select(k => k.Keyword).Distinct(StringComparer.Ordinal).ToArray();
            var ignoreCase = keywords.Where(k => k.KeywordsIgnoreCase).Select(k => k.Keyword).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            return new DocumentSearch(
                caseSensitive.Length == 0 ? null : SearchValues.Create(caseSensitive, StringComparison.Ordinal),
                ignoreCase.Length == 0 ? null : SearchValues.Create(ignoreCase, StringComparison.OrdinalIgnoreCase),
                shortNeedles, longest);
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

        public void FindStarts(ReadOnlySpan<byte> utf8, List<int> starts)
        {
            if (_caseSensitive is not null || _ignoreCase is not null)
                FindInChunks(utf8, starts);
            foreach (var needle in _shortNeedles)
            {
                for (var offset = 0; offset < utf8.Length;)
                {
                    var found = utf8[offset..].IndexOf(needle);
                    if (found < 0)
                        break;
                    starts.Add(offset + found);
                    offset += found + 1;
                }
            }
            if (starts.Count > 1)
                starts.Sort();
        }

        private void FindInChunks(ReadOnlySpan<byte> utf8, List<int> starts)
        {
            Span<char> chunk = stackalloc char[ChunkChars];
            try
            {
                for (var chunkStart = 0; chunkStart < utf8.Length;)
                {
                    var length = Math.Min(ChunkChars, utf8.Length - chunkStart);
                    var last = chunkStart + length == utf8.Length;
                    // A keyword starting in the overlap may not fit in this chunk: the next chunk starts there.
                    var next = last ? utf8.Length : chunkStart + length - _overlap;
                    var text = chunk[..Encoding.Latin1.GetChars(utf8.Slice(chunkStart, length), chunk)];
                    Collect(text, _caseSensitive, chunkStart, next, starts);
                    Collect(text, _ignoreCase, chunkStart, next, starts);
                    chunkStart = next;
                }
            }
            finally
            {
                chunk[..Math.Min(ChunkChars, utf8.Length)].Clear(); // it held the document's text
            }
        }

        private static void Collect(ReadOnlySpan<char> text, SearchValues<string>? keywords, int chunkStart, int next, List<int> starts)
        {
            if (keywords is null)
                return;
            for (var offset = 0; offset < text.Length;)
            {
                var found = text[offset..].IndexOfAny(keywords);
                if (found < 0 || chunkStart + offset + found >= next)
                    break;
                starts.Add(chunkStart + offset + found);
                offset += found + 1;
            }
        }
    }
}
