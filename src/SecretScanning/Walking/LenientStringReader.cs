using System.Text;

namespace TenantScanner.SecretScanning.Walking;

/// <summary>One string of a document that is not valid JSON, with where it stands.</summary>
/// <param name="Offset">Offset of the opening quote.</param>
/// <param name="Key">The property the string is the value of, or (in an array) the property holding the array.</param>
internal readonly record struct LenientString(int Offset, string Text, string? Key);

/// <summary>
/// Reads the strings of a document that <see cref="System.Text.Json.Utf8JsonReader"/> refused (a syntax error,
/// nesting deeper than its limit, a lone surrogate escape), so that one bad byte does not hide a secret elsewhere
/// in the file. It never throws: brackets, commas and colons are followed as far as they make sense, a stray one
/// is passed over, an unterminated string runs to the end, bytes that are not UTF-8 and escapes that are not
/// UTF-16 become U+FFFD. Comments (<c>//</c>, <c>/* */</c>) are skipped, as the strict walk skips them.
/// Cost is linear in the document: a pointer is built only when asked for (<see cref="CurrentPointer"/>), and at
/// most <see cref="MaxTrackedDepth"/> levels are kept in full (a deeper string's pointer ends in <c>/…</c>, and
/// only the name of the innermost level is known there).
/// </summary>
internal sealed class LenientStringReader
{
    public const int MaxTrackedDepth = 256;

    private struct Frame
    {
        public bool IsArray;
        public int Index;
        /// <summary>The name of the member being read (objects), or of the property holding the array (arrays).</summary>
        public string? Name;
    }

    private readonly List<Frame> _frames = [];
    /// <summary>Levels opened beyond <see cref="MaxTrackedDepth"/>: only whether each is an array is kept.</summary>
    private readonly List<bool> _untracked = [];
    /// <summary>The name at the innermost untracked level, so a secret deep down is still judged under its name.</summary>
    private string? _untrackedName;

    public IEnumerable<LenientString> Read(byte[] json)
    {
        _frames.Clear();
        _untracked.Clear();
        _untrackedName = null;
        var i = 0;
        while (i < json.Length)
        {
            switch (json[i])
            {
                case (byte)'"':
                    var end = EndOfString(json, i);
                    var text = Unescape(json.AsSpan(i + 1, Math.Max(0, end - i - 1)));
                    var next = end + 1;
                    if (IsFollowedByColon(json, next))
                        SetName(text);
                    else
                        yield return new LenientString(i, text, Key());
                    i = next;
                    continue;
                case (byte)'{':
                case (byte)'[':
                    Push(json[i] == '[');
                    break;
                case (byte)'}':
                case (byte)']':
                    Pop();
                    break;
                case (byte)',':
                    NextMember();
                    break;
                case (byte)'/' when i + 1 < json.Length && json[i + 1] is (byte)'/' or (byte)'*':
                    i = EndOfComment(json, i);
                    continue;
            }
            i++;
        }
    }

    /// <summary>The offset of the closing quote, or the document's length when the string never closes.</summary>
    private static int EndOfString(byte[] json, int openingQuote)
    {
        var i = openingQuote + 1;
        while (i < json.Length)
        {
            var found = json.AsSpan(i).IndexOfAny((byte)'"', (byte)'\\');
            if (found < 0)
                return json.Length;
            i += found;
            if (json[i] == '"')
                return i;
            i += 2; // a backslash and the character it escapes
        }
        return json.Length;
    }

    private static int EndOfComment(byte[] json, int start)
    {
        if (json[start + 1] == '/')
        {
            var newLine = json.AsSpan(start).IndexOf((byte)'\n');
            return newLine < 0 ? json.Length : start + newLine + 1;
        }
        var close = json.AsSpan(start + 2).IndexOf("*/"u8);
        return close < 0 ? json.Length : start + 2 + close + 2;
    }

    private static bool IsFollowedByColon(byte[] json, int from)
    {
        var rest = json.AsSpan(Math.Min(from, json.Length));
        var index = rest.IndexOfAnyExcept(" \t\r\n"u8);
        return index >= 0 && rest[index] == ':';
    }

    private void Push(bool isArray)
    {
        if (_frames.Count >= MaxTrackedDepth)
        {
            // An array's values keep the name of the property holding it; an object starts without one.
            _untrackedName = isArray ? Key() : null;
            _untracked.Add(isArray);
            return;
        }
        var container = _frames.Count > 0 ? CurrentName() : null;
        _frames.Add(new Frame { IsArray = isArray, Index = 0, Name = isArray ? container : null });
    }

    private void Pop()
    {
        if (_untracked.Count > 0)
        {
            _untracked.RemoveAt(_untracked.Count - 1);
            _untrackedName = null; // the name of the level below is not kept
        }
        else if (_frames.Count > 0)
        {
            _frames.RemoveAt(_frames.Count - 1);
        }
    }

    private void NextMember()
    {
        if (_untracked.Count > 0)
        {
            if (!_untracked[^1])
                _untrackedName = null;
            return;
        }
        if (_frames.Count == 0)
            return;
        var top = _frames[^1];
        if (top.IsArray)
            top.Index++;
        else
            top.Name = null;
        _frames[^1] = top;
    }

    private void SetName(string name)
    {
        if (_untracked.Count > 0)
        {
            if (!_untracked[^1])
                _untrackedName = name;
            return;
        }
        if (_frames.Count == 0 || _frames[^1].IsArray)
            return;
        var top = _frames[^1];
        top.Name = name;
        _frames[^1] = top;
    }

    private string? CurrentName() => _frames.Count == 0 ? null : _frames[^1].Name;

    private string? Key() => _untracked.Count > 0 ? _untrackedName : CurrentName();

    /// <summary>Where the string last returned stands, as far as brackets and names tell.</summary>
    public string CurrentPointer()
    {
        var builder = new StringBuilder();
        foreach (var frame in _frames)
        {
            if (frame.IsArray)
                builder.Append('/').Append(frame.Index);
            else
                JsonPointer.AppendTo(builder, frame.Name ?? "");
        }
        if (_untracked.Count > 0)
            builder.Append("/…");
        return builder.ToString();
    }

    /// <summary>JSON string escapes decoded without refusing anything: what cannot be decoded is kept as it stands or becomes U+FFFD.</summary>
    internal static string Unescape(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOf((byte)'\\') < 0)
            return Encoding.UTF8.GetString(raw);
        var text = new StringBuilder(raw.Length);
        while (raw.Length > 0)
        {
            var backslash = raw.IndexOf((byte)'\\');
            if (backslash < 0)
            {
                text.Append(Encoding.UTF8.GetString(raw));
                break;
            }
            text.Append(Encoding.UTF8.GetString(raw[..backslash]));
            raw = raw[backslash..];
            if (raw.Length < 2)
            {
                text.Append('\\');
                break;
            }
            var consumed = 2;
            switch (raw[1])
            {
                case (byte)'b': text.Append('\b'); break;
                case (byte)'f': text.Append('\f'); break;
                case (byte)'n': text.Append('\n'); break;
                case (byte)'r': text.Append('\r'); break;
                case (byte)'t': text.Append('\t'); break;
                case (byte)'u' when raw.Length >= 6 && IsHex(raw.Slice(2, 4)):
                    text.Append((char)Convert.ToUInt16(Encoding.ASCII.GetString(raw.Slice(2, 4)), 16));
                    consumed = 6;
                    break;
                case (byte)'"' or (byte)'\\' or (byte)'/': text.Append((char)raw[1]); break;
                default: text.Append('\\'); consumed = 1; break; // not an escape: keep the backslash as text
            }
            raw = raw[consumed..];
        }
        return ReplaceLoneSurrogates(text);
    }

    private static bool IsHex(ReadOnlySpan<byte> digits)
    {
        foreach (var digit in digits)
        {
            if (!char.IsAsciiHexDigit((char)digit))
                return false;
        }
        return true;
    }

    private static string ReplaceLoneSurrogates(StringBuilder text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                text[i] = '\uFFFD';
        }
        return text.ToString();
    }
}
