using System.Text;

namespace TenantScanner.Secrets;

/// <summary>
/// Turns a byte offset into a 1-based line and a 1-based column in UTF-16 code units (SARIF's default
/// column kind). The newline table is built on the first request only: most documents have no secret.
/// </summary>
internal sealed class LineIndex
{
    private List<int>? _lineStarts;

    /// <summary>Forgets the previous document's lines (the index is reused).</summary>
    public void Reset()
    {
        _lineStarts = null;
        _last = (-1, 0, 0);
    }

    /// <summary>The last position asked for: hits come in document order, so a column is counted on from there.</summary>
    private (long Offset, int Line, int Column) _last = (-1, 0, 0);

    public (int Line, int Column) PositionOf(ReadOnlySpan<byte> document, long offset)
    {
        _lineStarts ??= BuildLineStarts(document);
        var index = _lineStarts.BinarySearch((int)offset);
        var line = index >= 0 ? index : ~index - 1;
        var lineStart = _lineStarts[line];
        // A minified document is one long line: counting each column from its start would read it once per hit.
        var (from, column) = _last.Line == line + 1 && _last.Offset >= lineStart && _last.Offset <= offset
            ? ((int)_last.Offset, _last.Column)
            : (lineStart, 1);
        column += Encoding.UTF8.GetCharCount(document[from..(int)offset]);
        _last = (offset, line + 1, column);
        return (line + 1, column);
    }

    private static List<int> BuildLineStarts(ReadOnlySpan<byte> document)
    {
        var starts = new List<int> { 0 };
        var position = 0;
        while (true)
        {
            var next = document[position..].IndexOf((byte)'\n');
            if (next < 0)
                return starts;
            position += next + 1;
            starts.Add(position);
        }
    }
}
