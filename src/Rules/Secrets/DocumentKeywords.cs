using System.Runtime.InteropServices;

namespace TenantScanner.Secrets;

/// <summary>
/// Where keywords start in one UTF-8 document, found in a single pass over the whole document, so that a string
/// token without one is passed over without being decoded or searched on its own (most strings of a flow hold
/// none, and a search per string costs more in set-up than in scanning). Only trusted for strings without
/// escapes: an escape can hide a keyword (<c>:\/\/</c>), and those strings are searched after decoding.
/// </summary>
internal sealed class DocumentKeywords
{
    private readonly List<KeywordStart> _starts = [];
    private bool _unknown;
    /// <summary>Strings are asked about in document order: the number of starts before the last string asked about.</summary>
    private int _cursor;
    private int _lastStart;

    private KeywordPrefilter? _prefilter;
    private bool _found;

    /// <summary>
    /// Starts over for a new document. The search itself waits for the first string that needs it: a document
    /// with no long unescaped string (names and short values only) is never searched.
    /// </summary>
    public void Reset(KeywordPrefilter prefilter)
    {
        _starts.Clear();
        _cursor = 0;
        _lastStart = 0;
        _found = false;
        _prefilter = prefilter;
        _unknown = !prefilter.CanFindKeywordStarts;
    }

    /// <summary>False when keyword starts could not be searched for in this document (<see cref="StartsWithin"/> then says nothing).</summary>
    public bool Known => !_unknown;

    /// <summary>The keyword starts inside a string's content (offsets in the document).</summary>
    /// <param name="document">The document given to every call since <see cref="Reset"/>.</param>
    public ReadOnlySpan<KeywordStart> StartsWithin(ReadOnlySpan<byte> document, int start, int length)
    {
        if (_unknown)
            return [];
        if (!_found)
        {
            _prefilter!.FindKeywordStarts(document, _starts);
            _found = true;
        }
        int first; // the first keyword start at or after this string's first byte
        if (start >= _lastStart)
        {
            while (_cursor < _starts.Count && _starts[_cursor].Offset < start)
                _cursor++;
            _lastStart = start;
            first = _cursor;
        }
        else
        {
            // A string before the last one asked about (the walker asks in document order; kept correct anyway).
            first = FirstAtOrAfter(start);
        }
        var end = first;
        while (end < _starts.Count && _starts[end].Offset < start + length)
            end++;
        return CollectionsMarshal.AsSpan(_starts)[first..end];
    }

    private int FirstAtOrAfter(int offset)
    {
        int low = 0, high = _starts.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_starts[middle].Offset < offset)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }
}
