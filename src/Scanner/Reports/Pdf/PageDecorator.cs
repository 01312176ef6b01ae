using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace TenantScanner.Cli.Reports.Pdf;

/// <summary>
/// Second pass over the finished document: the running header (tenant and scan date) and the footer
/// "Page X of Y", which can only be drawn once the page count is known.
/// </summary>
public static class PageDecorator
{
    public static void Decorate(PdfDocument document, FontBook fonts, string tenantName, DateTimeOffset scannedAt)
    {
        var total = document.PageCount;
        var left = $"Tenant governance report — {tenantName}";
        var right = $"Scan {Blocks.Utc(scannedAt)}";
        var style = Theme.Running;
        var pen = new XPen(Theme.Rule, 0.5);
        var wrapper = new TextWrapper(fonts);
        for (var i = 0; i < total; i++)
        {
            using var graphics = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var rightWidth = fonts.Width(right, style);
            RunPainter.Draw(graphics, fonts, wrapper.Truncate(left, style, Theme.ContentWidth - rightWidth - 20), style, Theme.MarginLeft, 34);
            RunPainter.Draw(graphics, fonts, right, style, Theme.PageWidth - Theme.MarginRight - rightWidth, 34);
            graphics.DrawLine(pen, Theme.MarginLeft, 48, Theme.PageWidth - Theme.MarginRight, 48);

            graphics.DrawLine(pen, Theme.MarginLeft, Theme.PageHeight - 44, Theme.PageWidth - Theme.MarginRight, Theme.PageHeight - 44);
            RunPainter.Draw(graphics, fonts, "Confidential — contains security findings", style, Theme.MarginLeft, Theme.PageHeight - 38);
            var footer = $"Page {i + 1} of {total}";
            RunPainter.Draw(graphics, fonts, footer, style, Theme.PageWidth - Theme.MarginRight - fonts.Width(footer, style), Theme.PageHeight - 38);
        }
    }
}
