using System.Text;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Plain;

namespace TenantScanner.Tests.Secrets;

/// <summary>
/// The two keyword searches of the accelerated finder (over text, and over a string's raw UTF-8 bytes) must each mark
/// exactly the patterns the plain finder marks with one <c>Contains</c> per keyword.
/// </summary>
public sealed class KeywordFinderTests
{
    private static readonly IReadOnlyList<SecretPattern> Patterns = SecretPatternCatalog.LoadDefault().Patterns;

    /// <summary>Keywords right after a string: the UTF-8 search reads on past its end but must not count them.</summary>
    private static readonly byte[] ReadAhead = Encoding.UTF8.GetBytes("\",\"next\":\"AccountKey=sig=ghp_AKIA://x@eyJ Basic Password=SG.Q~==SK\"}");

    [Fact]
    public void Marks_what_the_plain_finder_marks_in_every_corpus_string_as_text_and_as_utf8()
    {
        var corpus = SecretSamples.CorpusStrings(seed: 17, count: 150).ToList();
        var texts = corpus.Concat(SecretSamples.Crowded(corpus)).Concat(Edges()).ToList();
        var accelerated = new SimdKeywordFinder(Patterns);
        var plain = new PlainKeywordFinder(Patterns);
        Assert.True(accelerated.CanMarkFromUtf8);
        var marked = 0;
        foreach (var text in texts)
        {
            var expected = MarkText(plain, text);
            var fromText = MarkText(accelerated, text);
            var utf8 = Encoding.UTF8.GetBytes(text);
            var hits = StaleMarks();
            var fromUtf8 = Describe(accelerated.MarkPatternsInUtf8([.. utf8, .. ReadAhead], utf8.Length, hits), hits);

            Assert.True(expected == fromText, $"text search: {expected} != {fromText} in {text}");
            Assert.True(expected == fromUtf8, $"UTF-8 search: {expected} != {fromUtf8} in {text}");
            marked += expected.StartsWith("any", StringComparison.Ordinal) ? 1 : 0;
        }
        Assert.True(marked > 500, $"only {marked} strings had a keyword: the comparison proves little");
    }

    /// <summary>Keywords in other cases, next to non-ASCII letters that fold to ASCII ones under some cultures, and cut short at the end.</summary>
    private static IEnumerable<string> Edges() =>
    [
        "", "=", "==", "SK", "sk", "Q~", "ACCOUNTKEY=", "accountkey=", "AccountKey", "\u212Aey=1 \u017Fig=2 ſk-", "Zoë✓sig=2 日本KEY=3",
        "password=x user@host", "https://user:pa55@host", "//x@y", "basic ", "BASIC dXNlcjpwYXNz", "eyj", "pwd=", "PWD=",
        "dev.azure.com", "DEV.AZURE.COM", "sG.", "xoxb-", "XOXB-", new string('=', 40), "AKIA" + new string('é', 30) + "ASIA",
    ];

    /// <summary>Marks left by an earlier string: a finder must clear every pattern it does not mark.</summary>
    private static bool[] StaleMarks() => Enumerable.Repeat(true, Patterns.Count).ToArray();

    private static string MarkText(IKeywordFinder finder, string text)
    {
        var hits = StaleMarks();
        return Describe(finder.MarkPatterns(text, hits), hits);
    }

    private static string Describe(bool any, bool[] hits) =>
        (any ? "any:" : "none:") + string.Join(",", Enumerable.Range(0, hits.Length).Where(i => hits[i]).Select(i => Patterns[i].Id));
}
