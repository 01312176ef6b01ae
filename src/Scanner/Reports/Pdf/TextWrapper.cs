using System.Text;

namespace TenantScanner.Cli.Reports.Pdf;

/// <summary>
/// Breaks text into lines that fit a width: at spaces, between CJK characters (which have no spaces),
/// and inside a word only when the word alone is wider than the line (long ids, URLs, JSON pointers).
/// Explicit newlines start a new line.
/// </summary>
public sealed class TextWrapper(FontBook fonts)
{
    private const string Ellipsis = "…";

    public IReadOnlyList<string> Wrap(string text, TextStyle style, double width, int maxLines = int.MaxValue)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WrapParagraph(paragraph, style, width, lines);
            if (lines.Count > maxLines)
                break;
        }
        if (lines.Count > maxLines)
        {
            lines.RemoveRange(maxLines, lines.Count - maxLines);
            lines[^1] = Truncate(lines[^1] + " " + Ellipsis, style, width);
        }
        return lines;
    }

    /// <summary>Cuts <paramref name="text"/> so it fits on one line, ending with an ellipsis when cut.</summary>
    public string Truncate(string text, TextStyle style, double width)
    {
        if (fonts.Width(text, style) <= width)
            return text;
        var budget = width - fonts.Width(Ellipsis, style);
        var kept = new StringBuilder();
        var used = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            var advance = fonts.Advance(rune, style);
            if (used + advance > budget)
                break;
            used += advance;
            kept.Append(rune.ToString());
        }
        return kept.ToString().TrimEnd() + Ellipsis;
    }

    private void WrapParagraph(string paragraph, TextStyle style, double width, List<string> lines)
    {
        var line = new StringBuilder();
        var lineWidth = 0.0;
        var spaceWidth = fonts.Width(" ", style);
        foreach (var (token, spaceBefore) in Tokens(paragraph))
        {
            var tokenWidth = fonts.Width(token, style);
            var gap = line.Length > 0 && spaceBefore ? spaceWidth : 0;
            if (line.Length > 0 && lineWidth + gap + tokenWidth > width)
            {
                lines.Add(line.ToString());
                line.Clear();
                lineWidth = 0;
                gap = 0;
            }
            if (tokenWidth > width)
            {
                // A word wider than the line: break it between characters.
                foreach (var rune in token.EnumerateRunes())
                {
                    var advance = fonts.Advance(rune, style);
                    if (line.Length > 0 && lineWidth + gap + advance > width)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                        lineWidth = 0;
                        gap = 0;
                    }
                    if (gap > 0) { line.Append(' '); lineWidth += gap; gap = 0; }
                    line.Append(rune.ToString());
                    lineWidth += advance;
                }
                continue;
            }
            if (gap > 0) line.Append(' ');
            line.Append(token);
            lineWidth += gap + tokenWidth;
        }
        lines.Add(line.ToString());
    }

    /// <summary>
    /// Words separated by spaces; each CJK character is its own token, joined to its neighbours without
    /// a space. Punctuation right after a CJK character stays with it, so a line never starts with ")".
    /// </summary>
    private static IEnumerable<(string Token, bool SpaceBefore)> Tokens(string paragraph)
    {
        var current = new StringBuilder();
        var spaceBefore = false;
        var currentIsCjk = false;
        foreach (var rune in paragraph.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                if (current.Length > 0) { yield return (current.ToString(), spaceBefore); current.Clear(); }
                spaceBefore = true;
                currentIsCjk = false;
                continue;
            }
            var cjk = TextRuns.IsCjk(rune.Value);
            var breakBefore = current.Length > 0 && (cjk || (currentIsCjk && !Rune.IsPunctuation(rune)));
            if (breakBefore)
            {
                yield return (current.ToString(), spaceBefore);
                current.Clear();
                spaceBefore = false;
            }
            if (current.Length == 0)
                currentIsCjk = cjk;
            current.Append(rune.ToString());
        }
        if (current.Length > 0)
            yield return (current.ToString(), spaceBefore);
    }
}
