using PdfSharp.Drawing;

namespace TenantScanner.Cli.Reports.Pdf;

/// <summary>Recurring building blocks of the sections: headings, label/value lists, call-out boxes.</summary>
public static class Blocks
{
    public static void SectionHeading(ReportCanvas canvas, string title)
    {
        canvas.DrawText(title, Theme.Heading, Theme.MarginLeft, canvas.Y);
        canvas.Y += Theme.Heading.LineHeight + 2;
        canvas.HorizontalRule(Theme.Accent, 1.2);
        canvas.Y += 10;
    }

    public static void Subheading(ReportCanvas canvas, string title)
    {
        canvas.EnsureSpace(Theme.Subheading.LineHeight + 3 * Theme.Body.LineHeight);
        canvas.Y += 6;
        canvas.DrawText(title, Theme.Subheading, Theme.MarginLeft, canvas.Y);
        canvas.Y += Theme.Subheading.LineHeight + 3;
    }

    /// <summary>Labels in a left column, wrapped values beside them.</summary>
    public static void KeyValues(ReportCanvas canvas, IEnumerable<(string Label, string Value)> rows, double labelWidth = 150)
    {
        var valueWidth = Theme.ContentWidth - labelWidth;
        foreach (var (label, value) in rows)
        {
            var lines = canvas.Wrapper.Wrap(value, Theme.Body, valueWidth);
            canvas.EnsureSpace(lines.Count * Theme.Body.LineHeight);
            canvas.DrawText(label, Theme.BodyBold with { Color = Theme.Muted }, Theme.MarginLeft, canvas.Y);
            foreach (var line in lines)
            {
                canvas.DrawText(line, Theme.Body, Theme.MarginLeft + labelWidth, canvas.Y);
                canvas.Y += Theme.Body.LineHeight;
            }
            canvas.Y += 3;
        }
    }

    /// <summary>A tinted box with a bold first line, for warnings an auditor must not miss (incomplete scan, expired suppressions).</summary>
    public static void Callout(ReportCanvas canvas, string title, string text, XColor fill, XColor ink)
    {
        const double pad = 8;
        var width = Theme.ContentWidth - 2 * pad;
        var lines = canvas.Wrapper.Wrap(text, Theme.Body, width);
        var height = Theme.BodyBold.LineHeight + lines.Count * Theme.Body.LineHeight + 2 * pad;
        canvas.EnsureSpace(height + 6);
        canvas.Graphics.DrawRectangle(new XSolidBrush(fill), Theme.MarginLeft, canvas.Y, Theme.ContentWidth, height);
        canvas.Graphics.DrawRectangle(new XSolidBrush(ink), Theme.MarginLeft, canvas.Y, 3, height);
        var y = canvas.Y + pad;
        canvas.DrawText(title, Theme.BodyBold with { Color = ink }, Theme.MarginLeft + pad, y);
        y += Theme.BodyBold.LineHeight;
        foreach (var line in lines)
        {
            canvas.DrawText(line, Theme.Body, Theme.MarginLeft + pad, y);
            y += Theme.Body.LineHeight;
        }
        canvas.Y += height + 8;
    }

    public static void Bullet(ReportCanvas canvas, string text, TextStyle style, double indent = 0)
    {
        var lines = canvas.Wrapper.Wrap(text, style, Theme.ContentWidth - indent - 12);
        for (var i = 0; i < lines.Count; i++)
        {
            canvas.EnsureSpace(style.LineHeight);
            if (i == 0)
                canvas.DrawText("•", style, Theme.MarginLeft + indent, canvas.Y);
            canvas.DrawText(lines[i], style, Theme.MarginLeft + indent + 12, canvas.Y);
            canvas.Y += style.LineHeight;
        }
        canvas.Y += 2;
    }

    public static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
