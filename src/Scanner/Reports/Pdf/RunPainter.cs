using PdfSharp.Drawing;

namespace TenantScanner.Cli.Reports.Pdf;

/// <summary>Draws one line of text as font runs: CJK runs in the CJK font, the rest in DejaVu Sans, on a shared baseline.</summary>
public static class RunPainter
{
    /// <summary>Baseline below the top of the line, as a fraction of the font size (DejaVu's ascent is 0.93 em).</summary>
    private const double Ascent = 0.95;

    /// <returns>The width drawn.</returns>
    public static double Draw(XGraphics graphics, FontBook fonts, string text, TextStyle style, double x, double top)
    {
        var brush = new XSolidBrush(style.Color);
        var baseline = top + style.Size * Ascent;
        var start = x;
        foreach (var run in TextRuns.Split(text))
        {
            graphics.DrawString(run.Text, fonts.Font(style, run.Cjk), brush, x, baseline, XStringFormats.BaseLineLeft);
            x += fonts.Width(run.Text, style);
        }
        return x - start;
    }
}
