using System.Text;

namespace TenantScanner.Cli.Reports.Pdf;

/// <summary>
/// Splits text into runs that one font can draw. DejaVu Sans has no CJK glyphs and PDFsharp has no glyph
/// fallback, so CJK characters (and the full-width punctuation around them) are drawn with the CJK font.
/// </summary>
public static class TextRuns
{
    public readonly record struct Run(string Text, bool Cjk);

    public static bool IsCjk(int codePoint) =>
        codePoint is >= 0x2E80 and <= 0x2FDF      // CJK radicals, Kangxi radicals
            or >= 0x3000 and <= 0x30FF            // CJK punctuation, Hiragana, Katakana
            or >= 0x3100 and <= 0x31FF            // Bopomofo, Hangul compatibility jamo, Katakana ext
            or >= 0x3200 and <= 0x4DBF            // Enclosed CJK, CJK ext A
            or >= 0x4E00 and <= 0x9FFF            // CJK unified ideographs
            or >= 0xAC00 and <= 0xD7AF            // Hangul syllables
            or >= 0xF900 and <= 0xFAFF            // CJK compatibility ideographs
            or >= 0xFE30 and <= 0xFE4F            // CJK compatibility forms
            or >= 0xFF00 and <= 0xFFEF            // Half-width and full-width forms
            or >= 0x20000 and <= 0x3FFFF;         // CJK ext B and later

    public static bool HasCjk(string text)
    {
        foreach (var rune in text.EnumerateRunes())
            if (IsCjk(rune.Value))
                return true;
        return false;
    }

    public static IReadOnlyList<Run> Split(string text)
    {
        if (!HasCjk(text))
            return [new Run(text, false)];
        var runs = new List<Run>();
        var current = new StringBuilder();
        var currentCjk = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var cjk = IsCjk(rune.Value);
            if (current.Length > 0 && cjk != currentCjk)
            {
                runs.Add(new Run(current.ToString(), currentCjk));
                current.Clear();
            }
            currentCjk = cjk;
            current.Append(rune.ToString());
        }
        if (current.Length > 0)
            runs.Add(new Run(current.ToString(), currentCjk));
        return runs;
    }
}
