using System.Text.Json;
using System.Text.RegularExpressions;
using TenantScanner.TestKit.SecretCorpus;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.FlowDefinitions;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.Tests.Secrets;

/// <summary>
/// The judge matches on spans and runs a pattern's capture groups only where a span match starts
/// (<see cref="JudgeWorkspace"/>, <see cref="SecretGroupShape"/>). That must find exactly the secrets the plain
/// <c>Match</c>/<c>NextMatch</c> loop over the whole value finds.
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
        var texts = CorpusStrings().Concat(Crowded()).ToList();
        var workspace = new JudgeWorkspace(Catalog.Patterns);
        var compared = 0;
        for (var index = 0; index < Catalog.Patterns.Count; index++)
        {
            var regex = Catalog.Patterns[index].Regex;
            if (regex is null)
                continue;
            var wholeMatch = SecretGroupShape.IsWholeMatch(regex.ToString());
            foreach (var text in texts)
            {
                var expected = string.Join(";", PlainLoop(regex, text));
                var actual = string.Join(";", wholeMatch ? SpanOnly(workspace.Probe(index), text) : CaptureAtStarts(workspace, index, text));
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
        var workspace = new JudgeWorkspace(Catalog.Patterns);
        var masked = workspace.Mask("key=@{parameters('a{b}')}&sig=abc@{x}").ToString();

        Assert.Equal("key=" + new string(SecretText.ExpressionMask, 21) + "&sig=abc" + new string(SecretText.ExpressionMask, 4), masked);
        workspace.ClearMasked();
        Assert.Equal(new string('\0', masked.Length), workspace.Mask(new string('\0', masked.Length)).ToString());
    }

    private static IEnumerable<string> PlainLoop(Regex regex, string text)
    {
        for (var match = regex.Match(text); match.Success; match = match.NextMatch())
            yield return Bounds(match);
    }

    private static List<string> SpanOnly(Regex probe, string text)
    {
        var bounds = new List<string>();
        foreach (var match in probe.EnumerateMatches(text))
            bounds.Add($"{match.Index}+{match.Length}");
        return bounds;
    }

    private static List<string> CaptureAtStarts(JudgeWorkspace workspace, int index, string text)
    {
        var bounds = new List<string>();
        foreach (var match in workspace.Probe(index).EnumerateMatches(text))
            bounds.Add(Bounds(workspace.Capture(index).Match(text, match.Index)));
        return bounds;
    }

    private static string Bounds(Match match)
    {
        var group = match.Groups["secret"];
        return group.Success ? $"{group.Index}+{group.Length}" : $"{match.Index}+{match.Length}";
    }

    /// <summary>Every string of a generated corpus: planted secrets of every type, in every position, and hard decoys.</summary>
    private static IEnumerable<string> CorpusStrings()
    {
        foreach (var file in new CorpusGenerator(seed: 11).Generate(150))
        {
            using var document = JsonDocument.Parse(file.Content);
            foreach (var text in Strings(document.RootElement))
                yield return text;
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    /// <summary>Several secrets in one value, back to back and overlapping in form: where a match starts matters.</summary>
    private static IEnumerable<string> Crowded()
    {
        var strings = CorpusStrings().Where(s => s.Length is > 20 and < 400).Take(400).ToList();
        for (var i = 0; i + 2 < strings.Count; i += 3)
        {
            yield return strings[i] + strings[i + 1] + strings[i + 2];
            yield return strings[i] + ";" + strings[i + 1] + "&sig=" + strings[i + 2];
        }
    }
}
