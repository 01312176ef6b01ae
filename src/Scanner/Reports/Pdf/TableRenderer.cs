using PdfSharp.Drawing;

namespace TenantScanner.Cli.Reports.Pdf;

/// <param name="Weight">Share of the table width.</param>
public sealed record TableColumn(string Header, double Weight);

/// <param name="Marker">Colour of a small square drawn before the text (severity).</param>
public sealed record TableCell(string Text, TextStyle Style, XColor? Marker = null);

/// <summary>
/// Draws a table that flows over pages: long cells wrap (up to <see cref="MaxLinesPerCell"/> lines), a
/// row never splits across pages, and the header row is repeated at the top of every page.
/// </summary>
public sealed class TableRenderer(ReportCanvas canvas, IReadOnlyList<TableColumn> columns)
{
    public const int MaxLinesPerCell = 8;
    private const double PadX = 4;
    private const double PadY = 3;
    private const double MarkerSize = 6;

    private readonly double[] _widths = Widths(columns);
    private bool _zebra;

    public void DrawHeader()
    {
        var style = Theme.SmallBold;
        var height = style.LineHeight + 2 * PadY;
        canvas.EnsureSpace(height + Theme.Small.LineHeight + 2 * PadY);
        canvas.Graphics.DrawRectangle(new XSolidBrush(Theme.HeaderFill), Theme.MarginLeft, canvas.Y, Theme.ContentWidth, height);
        var x = Theme.MarginLeft;
        for (var i = 0; i < columns.Count; i++)
        {
            canvas.DrawText(canvas.Wrapper.Truncate(columns[i].Header, style, _widths[i] - 2 * PadX), style, x + PadX, canvas.Y + PadY);
            x += _widths[i];
        }
        canvas.Y += height;
        _zebra = false;
    }

    public void DrawRow(IReadOnlyList<TableCell> cells)
    {
        var lines = new IReadOnlyList<string>[cells.Count];
        var height = 0.0;
        for (var i = 0; i < cells.Count; i++)
        {
            var textWidth = _widths[i] - 2 * PadX - (cells[i].Marker is null ? 0 : MarkerSize + 3);
            lines[i] = canvas.Wrapper.Wrap(cells[i].Text, cells[i].Style, textWidth, MaxLinesPerCell);
            height = Math.Max(height, lines[i].Count * cells[i].Style.LineHeight);
        }
        height += 2 * PadY;

        if (canvas.EnsureSpace(height))
            DrawHeader();

        var top = canvas.Y;
        if (_zebra)
            canvas.Graphics.DrawRectangle(new XSolidBrush(Theme.ZebraFill), Theme.MarginLeft, top, Theme.ContentWidth, height);
        _zebra = !_zebra;

        var x = Theme.MarginLeft;
        for (var i = 0; i < cells.Count; i++)
        {
            var textX = x + PadX;
            if (cells[i].Marker is { } marker)
            {
                canvas.Graphics.DrawRectangle(new XSolidBrush(marker), textX, top + PadY + (cells[i].Style.LineHeight - MarkerSize) / 2, MarkerSize, MarkerSize);
                textX += MarkerSize + 3;
            }
            var lineTop = top + PadY;
            foreach (var line in lines[i])
            {
                canvas.DrawText(line, cells[i].Style, textX, lineTop);
                lineTop += cells[i].Style.LineHeight;
            }
            x += _widths[i];
        }
        canvas.Y = top + height;
        canvas.Graphics.DrawLine(new XPen(Theme.Rule, 0.4), Theme.MarginLeft, canvas.Y, Theme.PageWidth - Theme.MarginRight, canvas.Y);
    }

    private static double[] Widths(IReadOnlyList<TableColumn> columns)
    {
        var total = columns.Sum(c => c.Weight);
        return columns.Select(c => Theme.ContentWidth * c.Weight / total).ToArray();
    }
}
