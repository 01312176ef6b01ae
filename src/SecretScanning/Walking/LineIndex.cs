using System.Text;

namespace TenantScanner.SecretScanning.Walking;

/// <summary>
/// Turns a byte offset into a 1-based line and a 1-based column in UTF-16 code units (SARIF's default
/// column kind). Positions are asked for in document order (hits, as the walk meets them), so lines and
/// columns are counted on from the previous position: nothing is read past the last hit, and a minified
/// one-line document is not read from its start for every hit. A position behind the previous one (a value
/// judged when its object closes) is counted again from the start.
/// </summary>
internal sealed class LineIndex
{
    private int _offset;
    private int _line = 1;
    private int _lineStart;
    private int _column = 1;

    /// <summary>Forgets the previous document (the index is reused).</summary>
    public void Reset()
    {
        _offset = 0;
        _line = 1;
        _lineStart = 0;
        _column = 1;
    }

    /// <param name="offset">The offset of an ASCII byte (a string's opening quote), so counts add up across positions.</param>
    public (int Line, int Column) PositionOf(ReadOnlySpan<byte> document, long offset)
    {
        var target = (int)offset;
        if (target < _offset)
            Reset();
        var between = document[_offset..target];
        var newLines = between.Count((byte)'\n');
        if (newLines == 0)
            _column += Encoding.UTF8.GetCharCount(between);
        else
        {
            _line += newLines;
            _lineStart = _offset + between.LastIndexOf((byte)'\n') + 1;
            _column = Encoding.UTF8.GetCharCount(document[_lineStart..target]) + 1;
        }
        _offset = target;
        return (_line, _column);
    }
}
