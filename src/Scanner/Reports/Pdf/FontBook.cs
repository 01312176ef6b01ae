using PdfSharp.Drawing;

namespace TenantScanner.Cli.Reports.Pdf;

/// <summary>
/// Creates each <see cref="XFont"/> once and measures text with a cache of glyph advances, so laying out
/// 10,000 table rows does not re-measure the same characters millions of times. PDFsharp applies no
/// kerning, so the width of a string is the sum of its characters' advances.
/// </summary>
public sealed class FontBook
{
    private readonly Dictionary<(double Size, bool Bold, bool Cjk), XFont> _fonts = [];
    private readonly Dictionary<XFont, Dictionary<int, double>> _advances = new(ReferenceEqualityComparer.Instance);
    private readonly XGraphics _measure;

    public FontBook()
    {
        EmbeddedFontResolver.EnsureRegistered();
        _measure = XGraphics.CreateMeasureContext(new XSize(Theme.PageWidth, Theme.PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
    }

    public XFont Font(TextStyle style, bool cjk)
    {
        var key = (style.Size, style.Bold, cjk);
        if (!_fonts.TryGetValue(key, out var font))
        {
            var family = cjk ? EmbeddedFontResolver.CjkFamily : EmbeddedFontResolver.TextFamily;
            font = new XFont(family, style.Size, style.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            _fonts[key] = font;
        }
        return font;
    }

    /// <summary>Width of <paramref name="text"/> in points, CJK characters measured in the CJK font.</summary>
    public double Width(string text, TextStyle style)
    {
        var width = 0.0;
        foreach (var rune in text.EnumerateRunes())
            width += Advance(rune, style);
        return width;
    }

    public double Advance(System.Text.Rune rune, TextStyle style)
    {
        var font = Font(style, TextRuns.IsCjk(rune.Value));
        if (!_advances.TryGetValue(font, out var cache))
            _advances[font] = cache = [];
        if (!cache.TryGetValue(rune.Value, out var advance))
        {
            advance = _measure.MeasureString(rune.ToString(), font).Width;
            cache[rune.Value] = advance;
        }
        return advance;
    }
}
