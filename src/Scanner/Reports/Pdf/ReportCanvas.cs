using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace TenantScanner.Cli.Reports.Pdf;

/// <summary>
/// A top-to-bottom writing surface over a <see cref="PdfDocument"/>: keeps the current page and the
/// vertical cursor, starts a new page when content would run into the footer, and draws text in runs
/// so CJK characters get the CJK font. PDFsharp has no layout engine; this is the small one we need.
/// </summary>
public sealed class ReportCanvas : IDisposable
{
    private XGraphics? _graphics;
    private PdfPage? _page;

    public ReportCanvas(PdfDocument document)
    {
        Document = document;
        Fonts = new FontBook();
        Wrapper = new TextWrapper(Fonts);
    }

    public PdfDocument Document { get; }
    public FontBook Fonts { get; }
    public TextWrapper Wrapper { get; }
    public PdfPage Page => _page ?? throw new InvalidOperationException("Call NewPage() before drawing.");
    public XGraphics Graphics => _graphics ?? throw new InvalidOperationException("Call NewPage() before drawing.");

    /// <summary>Top of the next thing to draw, in points from the top of the page.</summary>
    public double Y { get; set; }

    public double Remaining => Theme.ContentBottom - Y;

    public void NewPage()
    {
        _graphics?.Dispose();
        _page = Document.AddPage();
        _page.Width = XUnit.FromPoint(Theme.PageWidth);
        _page.Height = XUnit.FromPoint(Theme.PageHeight);
        _graphics = XGraphics.FromPdfPage(_page);
        Y = Theme.ContentTop;
    }

    /// <summary>Starts a new page when <paramref name="height"/> does not fit; true when it did.</summary>
    public bool EnsureSpace(double height)
    {
        if (Y + height <= Theme.ContentBottom)
            return false;
        NewPage();
        return true;
    }

    public void Space(double points) => Y += points;

    /// <summary>The bookmark of the section being drawn; <see cref="AddBookmark"/> nests under it.</summary>
    public PdfOutline? SectionOutline { get; set; }

    /// <summary>Adds a bookmark to the current page under the current section's bookmark.</summary>
    public void AddBookmark(string title)
    {
        if (SectionOutline is null)
            Document.Outlines.Add(title, Page, opened: false);
        else
            SectionOutline.Outlines.Add(title, Page, opened: false);
    }

    /// <summary>Draws one line of text with its top at <paramref name="top"/>; returns its width.</summary>
    public double DrawText(string text, TextStyle style, double x, double top) =>
        RunPainter.Draw(Graphics, Fonts, text, style, x, top);

    public void DrawTextRight(string text, TextStyle style, double right, double top) =>
        DrawText(text, style, right - Fonts.Width(text, style), top);

    /// <summary>Wrapped text at the cursor, breaking pages between lines.</summary>
    public void Paragraph(string text, TextStyle style, double indent = 0, double spaceAfter = 4)
    {
        foreach (var line in Wrapper.Wrap(text, style, Theme.ContentWidth - indent))
        {
            EnsureSpace(style.LineHeight);
            DrawText(line, style, Theme.MarginLeft + indent, Y);
            Y += style.LineHeight;
        }
        Y += spaceAfter;
    }

    /// <summary>A label in bold followed by wrapped text, e.g. "Why it matters: …".</summary>
    public void LabelledParagraph(string label, string text, TextStyle style, double indent = 0)
    {
        var labelStyle = style with { Bold = true };
        EnsureSpace(style.LineHeight * 2);
        DrawText(label, labelStyle, Theme.MarginLeft + indent, Y);
        Y += style.LineHeight;
        Paragraph(text, style, indent + 8, spaceAfter: 3);
    }

    public void HorizontalRule(XColor color, double width = 0.5)
    {
        Graphics.DrawLine(new XPen(color, width), Theme.MarginLeft, Y, Theme.PageWidth - Theme.MarginRight, Y);
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _graphics = null;
    }
}
