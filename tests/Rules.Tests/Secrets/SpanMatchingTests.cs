using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Plain;

namespace TenantScanner.Tests.Secrets;

/// <summary>
/// The accelerated regex runner matches on spans and runs a pattern's capture groups only where a span match starts
/// (<see cref="SpanRegexRunner"/>, <see cref="SecretGroupShape"/>). That must find exactly the candidates the plain
/// <c>Match</c>/<c>NextMatch</c> loop over the whole value finds (<see cref="PlainRegexRunner"/>).
/// </summary>
public sealed class SpanMatchingTests
{
    private static readonly SecretPatternCatalog Catalog = SecretPatternCatalog.LoadDefault();

    [Theory]
    [InlineData(@"(?<![A-Za-z0-9])(?<secret>SK[0-9a-f]{32})(?![A-Za-z0-9])", true)]
    [InlineData(@"^(?<secret>[0-9a-f]{32})$", true)]
    [InlineData(@"(?i)(?<secret>abc)", true)]
    [InlineData(@"\b(?<secret>abc)\b", true)]
    [InlineData(@"(?<=[)(])(?<secret>abc)(?=\))", true)] // parentheses inside a class do not close the lookbehind
    [InlineData(@"(?<=[]a])(?<secret>abc)", true)] // a ']' first in a class is a literal
    [InlineData(@"(?<secret>a(?:b|c))", true)]
    [InlineData(@"AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)", false)] // a prefix outside the group
    [InlineData(@"(?<secret>abc);", false)] // a suffix outside the group
    [InlineData(@"(?<secret>abc)?", false)] // an optional group: the match may be empty without it
    [InlineData(@"(?<secret>a)+", false)] // a repeated group captures only its last repetition
    [InlineData(@"x|(?<secret>abc)", false)] // an alternative without the group
    [InlineData(@"(?<secret>abc)|x", false)]
    [InlineData(@"(?i:(?<secret>abc))", false)] // a scoped-options group is not looked into
    [InlineData(@"(?=(?<secret>abc))abc", false)] // the group inside a lookahead
    [InlineData(@"(?<secret>a)(?<secret>b)", false)] // two groups of the name
    [InlineData(@"(?x) (?<secret>abc)", false)] // whitespace mode
    [InlineData(@"(?'secret'abc)", false)]
    [InlineData(@"abc", false)] // no group at all (the judge takes the whole match without asking)
    [InlineData(@"(?<secret>abc", false)] // not closed
    public void The_secret_group_is_the_whole_match_only_in_the_shapes_that_guarantee_it(string regex, bool wholeMatch) =>
        Assert.Equal(wholeMatch, SecretGroupShape.IsWholeMatch(regex));

    [Fact]
    public void Most_catalog_patterns_are_matched_on_spans_alone()
    {
        var wholeMatch = Catalog.Patterns.Where(p => p.Regex is not null && SecretGroupShape.IsWholeMatch(p.Regex.ToString())).Select(p => p.Id).ToHashSet();

        Assert.Contains("github-token", wholeMatch);
        Assert.Contains("azure-entra-client-secret", wholeMatch);
        Assert.DoesNotContain("azure-storage-connection-string", wholeMatch); // AccountKey=(?<secret>...)
        Assert.DoesNotContain("azure-storage-account-key", wholeMatch); // the group sits in a lookbehind
        Assert.True(wholeMatch.Count >= 12, $"only {wholeMatch.Count} whole-match patterns");
    }

    [Fact]
    public void A_copy_with_its_own_runner_matches_as_the_catalog_regex_does_with_its_options_and_time_out()
    {
        var pattern = Catalog.Patterns.Single(p => p.Id == "azure-storage-connection-string");
        var original = Assert.IsType<CatalogRegex>(pattern.Regex);
        var copy = original.WithOwnRunner();
        const string text = "DefaultEndpointsProtocol=https;accountkey=" + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/AbCdEfGhIj==" + ";EndpointSuffix=core.windows.net";

        Assert.Equal(original.Options, copy.Options);
        Assert.Equal(original.MatchTimeout, copy.MatchTimeout);
        Assert.Equal(original.ToString(), copy.ToString());
        Assert.Equal(original.Match(text).Groups["secret"].Value, copy.Match(text).Groups["secret"].Value);
        Assert.True(copy.Match(text).Groups["secret"].Success); // (?i) and the group survive the copy
    }

    [Fact]
    public void Matching_on_spans_and_capturing_at_match_starts_finds_what_the_plain_loop_finds_in_every_corpus_string()
    {
        var corpus = SecretSamples.CorpusStrings(seed: 11, count: 150).ToList();
        var texts = corpus.Concat(SecretSamples.Crowded(corpus)).ToList();
        var accelerated = new SpanRegexRunner(Catalog.Patterns);
        var plain = new PlainRegexRunner(Catalog.Patterns);
        var compared = 0;
        for (var index = 0; index < Catalog.Patterns.Count; index++)
        {
            if (Catalog.Patterns[index].Regex is null)
                continue;
            foreach (var text in texts)
            {
                var expected = Candidates(plain, index, text);
                var actual = Candidates(accelerated, index, text);
                Assert.True(expected == actual, $"{Catalog.Patterns[index].Id}: {expected} != {actual}");
                compared += expected.Length > 0 ? 1 : 0;
            }
        }
        Assert.True(compared > 400, $"only {compared} strings matched a pattern: the comparison proves little");
    }

    [Fact]
    public void Every_secret_of_a_captured_pattern_in_one_value_is_found_not_the_first_again()
    {
        var keys = new[] { 1, 2, 3 }.Select(seed => Convert.ToBase64String(Enumerable.Range(0, 64).Select(i => (byte)(i * 37 + seed * 101)).ToArray())).ToList();
        var value = string.Join(";", keys.Select(key => "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + key));

        var hits = new SecretDetector(Catalog).ScanValue(value, "connections");

        var storageHits = hits.Where(h => h.Detector == "azure-storage-connection-string").ToList();
        Assert.Equal(3, storageHits.Count);
        Assert.Equal(keys.Select(SecretRedaction.Fingerprint).Order(), storageHits.Select(h => h.Fingerprint).Order());
    }

    [Fact]
    public void Masking_interpolations_keeps_offsets_and_the_buffer_is_wiped()
    {
        var workspace = new JudgeWorkspace(new PlainRegexRunner(Catalog.Patterns));
        var masked = workspace.Mask("key=@{parameters('a{b}')}&sig=abc@{x}").ToString();

        Assert.Equal("key=" + new string(SecretText.ExpressionMask, 21) + "&sig=abc" + new string(SecretText.ExpressionMask, 4), masked);
        workspace.ForgetValue();
        Assert.Equal(new string('\0', masked.Length), workspace.Mask(new string('\0', masked.Length)).ToString());
    }

    private static string Candidates(IRegexRunner runner, int pattern, string text)
    {
        var found = new List<SecretBounds>();
        runner.FindCandidates(pattern, text, found);
        runner.ForgetValue();
        return string.Join(";", found.Select(bounds => $"{bounds.Start}+{bounds.Length}"));
    }
}
