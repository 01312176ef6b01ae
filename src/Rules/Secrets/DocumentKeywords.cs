using System.Buffers;
using System.Text;

namespace TenantScanner.Secrets;

/// <summary>
/// Where keywords start in one UTF-8 document, found in a single pass over the whole document, so that a string
/// token without one is passed over without being decoded or searched on its own (most strings of a flow hold
/// none, and a search per string costs more in set-up than in scanning). Only trusted for strings without
/// escapes: an escape can hide a keyword (<c>:\/\/</c>), and those strings are searched after decoding.
/// </summary>
internal sealed class DocumentKeywords
{
    private readonly List<int> _starts = [];
    private bool _unknown;

    /// <summary>Finds every keyword start in <paramref name="utf8"/>, replacing what the previous document left.</summary>
    public void Find(ReadOnlySpan<byte> utf8, KeywordPrefilter prefilter)
    {
        _starts.Clear();
        _unknown = !prefilter.FindKeywordStarts(utf8, _starts);
    }

    /// <summary>
    /// False only when no keyword starts inside the unescaped string whose content is <paramref name="length"/>
    /// bytes from <paramref name="start"/>: then decoding and searching it would find none either.
    /// </summary>
    public bool MayContainKeyword(int start, int length)
    {
        if (_unknown)
            return true;
        var index = _starts.BinarySearch(start);
        if (index >= 0)
            return true;
        index = ~index; // the first start after this string's first byte
        return index < _starts.Count && _starts[index] < start + length;
    }
}
