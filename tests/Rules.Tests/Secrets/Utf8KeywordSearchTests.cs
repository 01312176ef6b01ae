using System.Text;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;

namespace TenantScanner.Tests.Secrets;

/// <summary>
/// The vectorised keyword search must find exactly what comparing every keyword at every offset finds: its
/// fingerprints only pick candidates, so a wrong table, bucket or boundary shows up as a missed or invented start.
/// </summary>
public sealed class Utf8KeywordSearchTests
{
    private static List<KeywordStart> Naive(byte[] text, IReadOnlyList<(string Keyword, bool IgnoreCase)> keywords)
    {
        var found = new List<KeywordStart>();
        for (var offset = 0; offset < text.Length; offset++)
        {
            for (var k = 0; k < keywords.Count; k++)
            {
                var (keyword, ignoreCase) = keywords[k];
                var bytes = Encoding.ASCII.GetBytes(keyword);
                var rest = text.AsSpan(offset);
                if (rest.Length >= bytes.Length && (ignoreCase ? Ascii.EqualsIgnoreCase(rest[..bytes.Length], bytes) : rest.StartsWith(bytes)))
                    found.Add(new KeywordStart(offset, k));
            }
        }
        return found;
    }

    private static List<KeywordStart> Search(byte[] text, IReadOnlyList<(string Keyword, bool IgnoreCase)> keywords)
    {
        var search = Utf8KeywordSearch.Create(keywords);
        Assert.NotNull(search);
        var found = new List<KeywordStart>();
        search.Find(text, found);
        return found;
    }

    private static void AssertSameStarts(List<KeywordStart> expected, List<KeywordStart> actual, string because)
    {
        // Offsets in order; keywords starting at the same offset in any order.
        Assert.True(actual.Select(s => s.Offset).SequenceEqual(actual.Select(s => s.Offset).Order()), $"offsets out of order: {because}");
        Assert.True(Sorted(expected).SequenceEqual(Sorted(actual)),
            $"{because}: expected [{string.Join(", ", expected)}], found [{string.Join(", ", actual)}]");
    }

    private static IEnumerable<KeywordStart> Sorted(IEnumerable<KeywordStart> starts) => starts.OrderBy(s => s.Offset).ThenBy(s => s.Keyword);

    /// <summary>The shipped catalog's keywords (short, long, both case modes) in text salted with them at every alignment.</summary>
    [Fact]
    public void Finds_what_comparing_at_every_offset_finds_for_the_catalog_keywords()
    {
        var keywords = SecretPatternCatalog.LoadDefault().Patterns
            .SelectMany(p => p.Keywords.Select(k => (k, p.KeywordsIgnoreCase))).Distinct().ToArray();
        var random = new Random(7);
        for (var round = 0; round < 400; round++)
        {
            var text = SaltedText(random, keywords.Select(k => k.k).ToArray(), random.Next(0, 300));
            AssertSameStarts(Naive(text, keywords), Search(text, keywords), $"round {round}: {Encoding.UTF8.GetString(text)}");
        }
    }

    /// <summary>Random keyword sets: lengths 1 to 9, letters that fold and punctuation that must not, more than eight groups.</summary>
    [Fact]
    public void Finds_what_comparing_at_every_offset_finds_for_random_keyword_sets()
    {
        const string alphabet = "aAbBkKsS=-_./: 0Q~";
        var random = new Random(11);
        for (var round = 0; round < 300; round++)
        {
            var keywords = Enumerable.Range(0, random.Next(1, 40))
                .Select(_ => (new string(Enumerable.Range(0, random.Next(1, 10)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()), random.Next(2) == 0))
                .ToArray();
            var text = SaltedText(random, keywords.Select(k => k.Item1).ToArray(), random.Next(0, 200));
            AssertSameStarts(Naive(text, keywords), Search(text, keywords), $"round {round}: [{string.Join(" | ", keywords)}] in {Encoding.UTF8.GetString(text)}");
        }
    }

    /// <summary>
    /// A string is searched in place with the rest of its document read ahead: only starts inside it are reported,
    /// and a keyword that starts inside but runs on past it is found (the caller decides it is not in the string).
    /// </summary>
    [Fact]
    public void A_search_limited_to_the_first_positions_reads_ahead_but_reports_only_starts_among_them()
    {
        var keywords = SecretPatternCatalog.LoadDefault().Patterns
            .SelectMany(p => p.Keywords.Select(k => (k, p.KeywordsIgnoreCase))).Distinct().ToArray();
        var search = Utf8KeywordSearch.Create(keywords)!;
        var random = new Random(5);
        for (var round = 0; round < 400; round++)
        {
            var text = SaltedText(random, keywords.Select(k => k.k).ToArray(), random.Next(0, 120));
            var positions = random.Next(0, text.Length + 1);
            var found = new List<KeywordStart>();

            search.Find(text, positions, found);

            AssertSameStarts(Naive(text, keywords).Where(s => s.Offset < positions).ToList(), found, $"round {round}, {positions} positions of {Encoding.UTF8.GetString(text)}");
        }
    }

    [Fact]
    public void A_keyword_running_past_the_end_of_a_string_does_not_mark_its_pattern()
    {
        var pattern = new SecretPattern { Id = "quoted", SecretType = "Quoted", Confidence = "low", Keywords = ["end\","] };
        var finder = new SimdKeywordFinder([pattern]);
        var document = Encoding.ASCII.GetBytes("[\"the very end\",\"x\"]");
        var length = "the very end".Length;
        var starts = new List<KeywordStart>();
        finder.FindKeywordStarts(document.AsSpan(2), length, starts);
        var hits = new bool[1];

        Assert.Single(starts); // found, reading ahead past the closing quote
        Assert.False(finder.MarkPatternsInUtf8(document.AsSpan(2), length, hits));
        Assert.False(hits[0]);
    }

    /// <summary>Over 64 distinct fingerprints: neighbours are joined before the pairwise merging.</summary>
    [Fact]
    public void Many_keywords_are_all_found()
    {
        var keywords = Enumerable.Range(0, 300).Select(i => ($"k{i:D3}x", i % 3 == 0)).ToArray();
        var text = Encoding.ASCII.GetBytes(string.Join(" ", keywords.Select(k => k.Item2 ? k.Item1.ToUpperInvariant() : k.Item1)) + " k999 K000X");
        var found = Search(text, keywords);
        AssertSameStarts(Naive(text, keywords), found, "300 keywords");
        Assert.Equal(301, found.Count); // each once, and K000X again (k000x ignores case)
    }

    /// <summary>Bytes of multi-byte characters are never ASCII: the Kelvin sign is not a 'k', even ignoring case.</summary>
    [Fact]
    public void Multi_byte_characters_neither_match_nor_hide_a_keyword()
    {
        (string, bool)[] keywords = [("key=", true), ("sig=", false)];
        var text = Encoding.UTF8.GetBytes("\u212Aey=1 Zoë✓sig=2 日本KEY=3 ſig=4 " + new string('é', 20) + "Key=5");
        var found = Search(text, keywords);
        AssertSameStarts(Naive(text, keywords), found, "non-ASCII text");
        Assert.Equal(3, found.Count);
    }

    /// <summary>
    /// Setting bit 5 makes 'A' equal 'a', but also 0x1D equal '=' and a carriage return equal '-': the quick comparison
    /// of a case-insensitive keyword's first bytes folds letters only (a bucket holding a shorter keyword admits any byte there).
    /// </summary>
    [Theory]
    [InlineData("a=b-", "A=B-", true)]
    [InlineData("a=b-", "A\u001dB-", false)]
    [InlineData("a=b-", "a=b\r", false)]
    [InlineData("k:.", "K\u001a.", false)]
    [InlineData("k:.", "K:\u000e", false)]
    [InlineData("sig= ", "SIG=\u0000", false)]
    public void Case_folding_applies_to_letters_only(string keyword, string escapedText, bool matches)
    {
        var text = Encoding.ASCII.GetBytes(System.Text.RegularExpressions.Regex.Unescape(escapedText) + "tail");
        var prepared = new SearchKeyword(Encoding.ASCII.GetBytes(keyword), ignoreCase: true);

        Assert.Equal(matches, prepared.StartsAt(text, System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(text)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("clé")]
    public void Keywords_that_are_empty_or_not_ASCII_cannot_be_searched_in_bytes(string keyword)
    {
        Assert.Null(Utf8KeywordSearch.Create([("sig=", false), (keyword, true)]));
    }

    /// <summary>Random words with keywords (in random case) dropped in, so that starts fall on every offset of a 16-byte step and at the very end.</summary>
    private static byte[] SaltedText(Random random, string[] keywords, int length)
    {
        // Control characters too: one bit apart from "=", ".", ":", "-" and " ", they catch case folding applied to non-letters.
        const string filler = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=\":,{}[] é✓\t\r\n\u001d\u000e\u001a\u0000";
        var text = new StringBuilder();
        while (text.Length < length)
        {
            if (random.Next(4) == 0)
            {
                var keyword = keywords[random.Next(keywords.Length)];
                text.Append(random.Next(3) switch
                {
                    0 => keyword.ToUpperInvariant(),
                    1 => keyword.ToLowerInvariant(),
                    _ => keyword,
                });
            }
            else
                text.Append(filler[random.Next(filler.Length)]);
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
