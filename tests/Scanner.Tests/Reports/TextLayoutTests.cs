using TenantScanner.Cli.Reports.Pdf;

namespace TenantScanner.Cli.Tests.Reports;

public sealed class TextLayoutTests
{
    private static readonly FontBook Fonts = new();
    private static readonly TextWrapper Wrapper = new(Fonts);

    [Fact]
    public void Cjk_characters_form_their_own_runs_between_latin_text()
    {
        var runs = TextRuns.Split("Flow '山田太郎の経費' of Zoë");

        Assert.Equal(
            [new TextRuns.Run("Flow '", false), new TextRuns.Run("山田太郎の経費", true), new TextRuns.Run("' of Zoë", false)],
            runs);
    }

    [Fact]
    public void Latin_text_with_diacritics_stays_one_run()
    {
        Assert.Equal([new TextRuns.Run("Łódź Operations — Zoë Müller", false)], TextRuns.Split("Łódź Operations — Zoë Müller"));
    }

    [Fact]
    public void Wraps_at_spaces_and_every_line_fits_the_width()
    {
        const string text = "Application holds RoleManagement.ReadWrite.Directory (tier 0): it can make itself Global Administrator.";

        var lines = Wrapper.Wrap(text, Theme.Small, 120);

        Assert.True(lines.Count > 1);
        Assert.All(lines, line => Assert.True(Fonts.Width(line, Theme.Small) <= 120, line));
        Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal), string.Concat(lines).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Breaks_cjk_text_between_characters_since_it_has_no_spaces()
    {
        var lines = Wrapper.Wrap("山田太郎の経費精算フロー山田太郎の経費精算フロー", Theme.Body, 60);

        Assert.True(lines.Count > 2);
        Assert.All(lines, line => Assert.True(Fonts.Width(line, Theme.Body) <= 60, line));
        Assert.Equal("山田太郎の経費精算フロー山田太郎の経費精算フロー", string.Concat(lines));
    }

    [Fact]
    public void Never_starts_a_line_with_punctuation_that_follows_cjk_text()
    {
        for (var width = 30.0; width < 200; width += 3)
        {
            var lines = Wrapper.Wrap("(owner 山田太郎, environment 東京 研究開発).", Theme.Small, width);
            Assert.All(lines, line => Assert.False(line.StartsWith(')') || line.StartsWith(',') || line.StartsWith('.'), $"'{line}' at width {width}"));
        }
    }

    [Fact]
    public void Splits_a_word_wider_than_the_line()
    {
        const string pointer = "/value/3/properties/definition/actions/HTTP/inputs/headers/Authorization";

        var lines = Wrapper.Wrap(pointer, Theme.Mono, 100);

        Assert.Equal(pointer, string.Concat(lines));
        Assert.All(lines, line => Assert.True(Fonts.Width(line, Theme.Mono) <= 100, line));
    }

    [Fact]
    public void Keeps_explicit_line_breaks()
    {
        Assert.Equal(["first", "second"], Wrapper.Wrap("first\nsecond", Theme.Body, 400));
    }

    [Fact]
    public void Cuts_to_max_lines_with_an_ellipsis()
    {
        var lines = Wrapper.Wrap(string.Join(' ', Enumerable.Repeat("word", 200)), Theme.Small, 100, maxLines: 3);

        Assert.Equal(3, lines.Count);
        Assert.EndsWith("…", lines[^1], StringComparison.Ordinal);
        Assert.True(Fonts.Width(lines[^1], Theme.Small) <= 100);
    }
}
