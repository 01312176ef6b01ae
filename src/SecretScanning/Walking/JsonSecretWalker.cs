using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Judging;

namespace TenantScanner.SecretScanning.Walking;

/// <summary>
/// Walks one JSON document with <see cref="Utf8JsonReader"/>, keeping the JSON pointer and the sibling
/// facts a value is judged by, and reports secrets with line and column. Values whose meaning depends on
/// a sibling that may come later (<c>value</c>, <c>defaultValue</c>) are judged when their object ends.
/// Not thread-safe: one walker per scan call.
/// </summary>
internal sealed partial class JsonSecretWalker
{
    /// <summary>Shorter strings are only judged when their name makes them interesting (a password can be short).</summary>
    private const int MinLengthWithoutContext = 16;
    private const int MaxEmbeddedDepth = 4;
    private const int MaxSiblingLength = 128;

    private readonly SecretValueJudge _judge;
    private readonly PropertyNameTable _names;
    private readonly List<SecretCandidate> _candidates = [];
    private readonly List<SecretPattern> _timedOut = [];
    private char[] _chars = new char[1024];
    /// <summary>How much of <see cref="_chars"/> this document wrote: cleared when the walk ends, since the walker outlives it.</summary>
    private int _charsUsed;
    private readonly bool[] _keywordHits;
    private readonly JudgeWorkspace _judgeWorkspace;
    /// <summary>Reused for every pointer built (one per hit and per embedded document).</summary>
    private readonly StringBuilder _pointerBuilder = new(256);
    /// <summary>Keyword starts in the string being decided from its raw bytes.</summary>
    private readonly List<KeywordStart> _keywordStarts = [];
    /// <summary>One state per embedding depth (an embedded document is walked while its outer one is open).</summary>
    private readonly WalkState?[] _states = new WalkState?[MaxEmbeddedDepth + 1];

    public JsonSecretWalker(SecretValueJudge judge)
    {
        _judge = judge;
        _names = new PropertyNameTable(judge.Prefilter, judge.NotSecret);
        _keywordHits = new bool[judge.PatternCount];
        _judgeWorkspace = judge.CreateWorkspace();
    }

    /// <summary>The judge this walker was built for (a detector reuses a thread's walker only with its own judge).</summary>
    public SecretValueJudge Judge => _judge;

    /// <param name="trackLines">False for documents whose line numbers mean nothing to the user (a re-serialised element).</param>
    /// <param name="fixedPosition">For an embedded document: every hit is placed at the outer string.</param>
    /// <exception cref="MalformedJsonException">The document is not valid JSON (the message holds the position only).</exception>
    /// <param name="unjudged">Receives the values a detector's regex timed out on.</param>
    public void Walk(ReadOnlySpan<byte> json, string basePointer, bool trackLines, (int Line, int Column)? fixedPosition, List<SecretHit> hits, List<UnjudgedValue> unjudged, int embeddedDepth = 0)
    {
        if (embeddedDepth == 0)
            _names.StartOverIfLarge();
        var state = _states[embeddedDepth] ??= new WalkState();
        state.Start(basePointer, trackLines, fixedPosition, hits, unjudged, embeddedDepth);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 256,
        });
        try
        {
            while (reader.Read())
                Step(ref reader, json, state);
        }
        catch (JsonException e)
        {
            // The reader's own message may quote bytes of the document; keep only the position.
            throw new MalformedJsonException((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
        }
        catch (InvalidOperationException)
        {
            // A string escape that is not valid UTF-16 (a lone surrogate such as \ud800) passes the reader's
            // syntax check but cannot be read as text: the document is as unusable as malformed JSON.
            var (line, column) = LineAndColumn(json, (int)reader.TokenStartIndex);
            throw new MalformedJsonException(line, column);
        }
        finally
        {
            state.End();
            if (embeddedDepth == 0)
            {
                // The walker is kept for the thread's next document: leave none of this one's text in it.
                _chars.AsSpan(0, _charsUsed).Clear();
                _charsUsed = 0;
            }
        }
    }

    /// <summary>1-based line and byte column of <paramref name="offset"/>, counted only when a document is refused.</summary>
    private static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> json, int offset)
    {
        var before = json[..Math.Min(offset, json.Length)];
        var lastNewLine = before.LastIndexOf((byte)'\n');
        return (before.Count((byte)'\n') + 1, offset - lastNewLine);
    }

    private void Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, WalkState state)
    {
        var frames = state.Frames;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                var container = NameSlot.None;
                if (frames.Length > 0)
                {
                    var parent = frames[^1];
                    if (parent.IsArray)
                        parent.Index++;
                    container = parent.IsArray ? parent.Container : parent.Current;
                }
                state.Push(reader.TokenType == JsonTokenType.StartArray, container);
                break;
            case JsonTokenType.EndObject:
                JudgeDeferred(json, state, frames[^1]);
                state.Pop();
                break;
            case JsonTokenType.EndArray:
                state.Pop();
                break;
            case JsonTokenType.PropertyName:
                ref var current = ref frames[^1].Current;
                if (reader.ValueIsEscaped)
                {
                    current = new NameSlot { Start = -1, Resolved = _names.FromChars(Decode(ref reader)) };
                }
                else
                {
                    // Field by field: storing a null takes no write barrier, copying a whole slot (it holds a reference) does.
                    current.Start = (int)reader.TokenStartIndex + 1;
                    current.Length = reader.ValueSpan.Length;
                    current.Resolved = null;
                }
                break;
            case JsonTokenType.String:
                OnString(ref reader, json, state);
                break;
            default:
                if (frames.Length > 0 && frames[^1].IsArray)
                    frames[^1].Index++;
                break;
        }
    }

    /// <summary>The name in a slot, looked up (from its raw bytes, usually without decoding) the first time a value needs it.</summary>
    private PropertyName? Resolve(ReadOnlySpan<byte> json, ref NameSlot slot)
    {
        if (slot.Resolved is null && slot.Start >= 0)
            slot.Resolved = _names.FromUtf8(json.Slice(slot.Start, slot.Length));
        return slot.Resolved;
    }

    private void OnString(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, WalkState state)
    {
        var frames = state.Frames;
        var frame = frames.Length > 0 ? frames[^1] : null;
        if (frame is { IsArray: true })
            frame.Index++;
        var name = frame is null ? null : frame.IsArray ? Resolve(json, ref frame.Container) : Resolve(json, ref frame.Current);
        var role = frame is { IsArray: false } && name is not null ? name.Role : SiblingRole.None;
        var isContext = name?.IsContext ?? false;
        if (!isContext && role == SiblingRole.None && reader.ValueSpan.Length < MinLengthWithoutContext)
            return;
        if (role == SiblingRole.Value)
        {
            var escaped = reader.ValueIsEscaped ? new string(Decode(ref reader)) : null;
            frame!.Deferred.Add(new DeferredValue(name!, (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, escaped, reader.TokenStartIndex));
            return;
        }
        if (role == SiblingRole.Type && !reader.ValueIsEscaped && reader.ValueSpan.Length <= MaxSiblingLength)
        {
            frame!.SiblingType = _names.TypeNameFromUtf8(reader.ValueSpan); // never more chars than bytes: within the bound
            return;
        }
        var embeddedTried = false;
        if (role == SiblingRole.None && !isContext && !reader.ValueIsEscaped
            && DecidedFromRawBytes(ref reader, json, state, frame, name, out embeddedTried))
            return;
        if (role == SiblingRole.None && reader.ValueIsEscaped && IsEscapedJsonDocument(reader.ValueSpan, state))
        {
            // A Dataverse row's clientdata: walked from its unescaped UTF-8 without first being decoded to UTF-16.
            if (TryWalkEmbedded(ref reader, Pointer(json, state, null), Position(json, state, reader.TokenStartIndex), state))
                return;
            embeddedTried = true;
        }

        var chars = Decode(ref reader);
        switch (role)
        {
            case SiblingRole.Name when chars.Length <= MaxSiblingLength:
                frame!.SiblingName = SecretKeyNames.Normalize(chars);
                break;
            case SiblingRole.Type when chars.Length <= MaxSiblingLength:
                frame!.SiblingType = _names.TypeName(chars);
                return;
        }
        if (!isContext && chars.Length < MinLengthWithoutContext)
            return;
        bool keywordsMarked;
        if (embeddedTried)
            keywordsMarked = false; // not JSON after all: judge it as text
        else if (state.EmbeddedDepth < MaxEmbeddedDepth && LooksLikeJson(chars))
        {
            if (TryWalkEmbedded(ref reader, Pointer(json, state, null), Position(json, state, reader.TokenStartIndex), state))
                return;
            chars = Decode(ref reader); // not JSON after all: the embedded walk reused the scratch buffer, judge it as text
            keywordsMarked = false;
        }
        else
        {
            if (!MarkKeywords(json, (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, chars, reader.ValueIsEscaped) && !isContext)
                return;
            keywordsMarked = true;
        }
        Report(json, state, chars, ContextOf(json, frame, name), segmentOverride: null, reader.TokenStartIndex, keywordsMarked);
    }

    /// <summary>
    /// An ordinary string (no escapes, no name that matters) decided from its raw bytes where they suffice, with
    /// the outcome decoding it first would have: one that is not a JSON document and holds no keyword is passed
    /// over undecoded, one with keywords is judged with its detectors marked at the keyword offsets, and a JSON
    /// document is walked from its bytes.
    /// </summary>
    /// <param name="embeddedTried">The string looked like a JSON document but did not parse: the caller judges it as text.</param>
    /// <returns>True when the string needs nothing more.</returns>
    private bool DecidedFromRawBytes(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, WalkState state, Frame? frame, PropertyName? name, out bool embeddedTried)
    {
        embeddedTried = false;
        var raw = reader.ValueSpan;
        var shape = state.EmbeddedDepth < MaxEmbeddedDepth ? JsonShapeOf(raw) : JsonShape.NotJson;
        if (shape == JsonShape.NotJson && _judge.Prefilter.CanFindKeywordStarts)
        {
            // Most strings with a keyword start (URLs, for "://") mark no pattern and are never decoded.
            if (!MarkKeywordsFromRawBytes(json, (int)reader.TokenStartIndex + 1, raw.Length) || !DecodedLengthAtLeast(raw, MinLengthWithoutContext))
                return true;
            Report(json, state, Decode(ref reader), ContextOf(json, frame, name), segmentOverride: null, reader.TokenStartIndex, keywordsMarked: true);
            return true;
        }
        if (shape != JsonShape.Json)
            return false;
        if (!DecodedLengthAtLeast(raw, MinLengthWithoutContext))
            return true;
        if (TryWalkEmbedded(raw, Pointer(json, state, null), Position(json, state, reader.TokenStartIndex), state))
            return true;
        embeddedTried = true;
        return false;
    }

    /// <summary>Raw bytes of this length or more decode to at least <see cref="MinLengthWithoutContext"/> characters, even if every one is a six-byte <c>\uXXXX</c>.</summary>
    private const int MinEscapedLengthForJsonShortcut = 6 * MinLengthWithoutContext;

    /// <summary>
    /// An escaped string whose raw bytes open and close a JSON document with literal brackets: its decoded text
    /// passes <see cref="LooksLikeJson"/> (an escape starts with a backslash, and no escape ends with a bracket).
    /// Anything else (escaped whitespace at an end, a short string) is left to the decoding path.
    /// </summary>
    private static bool IsEscapedJsonDocument(ReadOnlySpan<byte> raw, WalkState state) =>
        state.EmbeddedDepth < MaxEmbeddedDepth
        && raw.Length >= MinEscapedLengthForJsonShortcut
        && JsonShapeOf(raw) == JsonShape.Json;

    /// <summary>Whether unescaped UTF-8 decodes to at least <paramref name="chars"/> UTF-16 code units (a character is at most 3 bytes per code unit).</summary>
    private static bool DecodedLengthAtLeast(ReadOnlySpan<byte> utf8, int chars) =>
        utf8.Length >= 3 * chars || Encoding.UTF8.GetCharCount(utf8) >= chars;

    /// <summary>The name sibling only qualifies the value of a name/value pair (judged in JudgeDeferred).</summary>
    private ValueContext ContextOf(ReadOnlySpan<byte> json, Frame? frame, PropertyName? name) =>
        new(name?.Normalized, frame is null ? null : Resolve(json, ref frame.Container)?.Normalized, null, frame?.SiblingType);

    private void JudgeDeferred(ReadOnlySpan<byte> json, WalkState state, Frame frame)
    {
        foreach (var deferred in frame.Deferred)
        {
            var raw = json.Slice(deferred.RawStart, deferred.RawLength);
            var escaped = deferred.Escaped is not null;
            var value = escaped ? deferred.Escaped.AsSpan() : Decode(raw);
            var embedded = state.EmbeddedDepth < MaxEmbeddedDepth && LooksLikeJson(value);
            // Whether the scratch marks hold this value's. (A type-qualified name such as "securestring.defaultvalue"
            // is covered by the name itself: its last part is then a context name.)
            var keywordsMarked = false;
            if (!embedded && !deferred.Name.IsContext && !(frame.SiblingName is not null && _judge.Prefilter.IsContextName(frame.SiblingName)))
            {
                // No name that matters: only a keyword makes the value worth judging.
                if (value.Length < MinLengthWithoutContext || !MarkKeywords(json, deferred.RawStart, deferred.RawLength, value, escaped))
                    continue;
                keywordsMarked = true;
            }
            var context = new ValueContext(deferred.Name.Normalized, Resolve(json, ref frame.Container)?.Normalized, frame.SiblingName, frame.SiblingType);
            if (embedded)
            {
                var pointer = Pointer(json, state, deferred.Name.Raw);
                var position = Position(json, state, deferred.Offset);
                if (escaped ? TryWalkEmbedded(value, pointer, position, state) : TryWalkEmbedded(raw, pointer, position, state))
                    continue;
                if (!escaped)
                    value = Decode(raw); // the embedded walk reused the scratch buffer
            }
            else if (!keywordsMarked)
            {
                MarkKeywords(json, deferred.RawStart, deferred.RawLength, value, escaped);
                keywordsMarked = true;
            }
            Report(json, state, value, context, deferred.Name.Raw, deferred.Offset, keywordsMarked);
        }
        frame.Deferred.Clear();
    }

    /// <summary>Marks the patterns whose keywords a string holds: from its raw bytes when they hold no escape, else from its text.</summary>
    private bool MarkKeywords(ReadOnlySpan<byte> json, int rawStart, int rawLength, ReadOnlySpan<char> text, bool escaped) =>
        !escaped && _judge.Prefilter.CanFindKeywordStarts
            ? MarkKeywordsFromRawBytes(json, rawStart, rawLength)
            : _judge.Prefilter.MarkKeywordHits(text, _keywordHits);

    /// <summary>
    /// The keyword marks of a string without escapes, searched in place: the bytes after it are read ahead so that
    /// it is searched 16 bytes at a step. The same marks as its decoded text would get (see <see cref="KeywordPrefilter.MarkKeywordHitsAt"/>).
    /// </summary>
    private bool MarkKeywordsFromRawBytes(ReadOnlySpan<byte> json, int rawStart, int rawLength)
    {
        _keywordStarts.Clear();
        _judge.Prefilter.FindKeywordStarts(json[rawStart..], rawLength, _keywordStarts);
        if (_keywordStarts.Count == 0)
        {
            _keywordHits.AsSpan().Clear();
            return false;
        }
        return _judge.Prefilter.MarkKeywordHitsAt(json.Slice(rawStart, rawLength), CollectionsMarshal.AsSpan(_keywordStarts), _keywordHits);
    }

    /// <param name="keywordsMarked">The scratch keyword marks already hold this value's (the caller has just marked it).</param>
    private void Report(ReadOnlySpan<byte> json, WalkState state, ReadOnlySpan<char> value, in ValueContext context, string? segmentOverride, long offset, bool keywordsMarked)
    {
        // An embedded walk (or an earlier value) may have reused the scratch marks: mark this value's keywords again.
        if (!keywordsMarked)
            _judge.Prefilter.MarkKeywordHits(value, _keywordHits);
        _candidates.Clear();
        _timedOut.Clear();
        _judge.Judge(value, context, _keywordHits, _judgeWorkspace, _candidates, _timedOut);
        if (_candidates.Count == 0 && _timedOut.Count == 0)
            return; // pointer and position are only worth building for a hit
        var pointer = Pointer(json, state, segmentOverride);
        var position = Position(json, state, offset);
        foreach (var pattern in _timedOut)
            state.Unjudged.Add(new UnjudgedValue(pointer, position?.Line, position?.Column, pattern.Id));
        _timedOut.Clear();
        foreach (var candidate in _candidates)
        {
            state.Hits.Add(new SecretHit(
                candidate.Pattern.SecretType, pointer, position?.Line, position?.Column,
                SecretRedaction.Preview(candidate.Secret), SecretRedaction.Fingerprint(candidate.Secret),
                candidate.Pattern.Confidence, candidate.Pattern.Id));
        }
        _candidates.Clear();
    }

    private static (int Line, int Column)? Position(ReadOnlySpan<byte> json, WalkState state, long offset) =>
        state.FixedPosition ?? (state.TrackLines ? state.Lines.PositionOf(json, offset) : null);

    private string Pointer(ReadOnlySpan<byte> json, WalkState state, string? lastSegmentOverride)
    {
        var builder = _pointerBuilder.Clear().Append(state.BasePointer);
        var frames = state.Frames;
        for (var i = 0; i < frames.Length; i++)
        {
            var frame = frames[i];
            if (i == frames.Length - 1 && lastSegmentOverride is not null)
                JsonPointer.AppendTo(builder, lastSegmentOverride);
            else if (frame.IsArray)
                builder.Append('/').Append(frame.Index);
            else if (frame.Current.Start >= 0)
                AppendPlainName(builder, json.Slice(frame.Current.Start, frame.Current.Length)); // no escape: the bytes are the name
            else if (frame.Current.Resolved is { Raw: { } escapedName })
                JsonPointer.AppendTo(builder, escapedName);
        }
        return builder.ToString();
    }

    /// <summary>A plain name read back from the document (its raw bytes hold no escape), without a string of its own.</summary>
    private static void AppendPlainName(StringBuilder builder, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxStackName)
        {
            JsonPointer.AppendTo(builder, Encoding.UTF8.GetString(utf8));
            return;
        }
        Span<char> chars = stackalloc char[MaxStackName];
        JsonPointer.AppendTo(builder, chars[..Encoding.UTF8.GetChars(utf8, chars)]);
    }

    private const int MaxStackName = 256;

    private ReadOnlySpan<char> Decode(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
            return Decode(raw);
        var chars = Scratch(raw.Length);
        var length = reader.CopyString(chars);
        _charsUsed = Math.Max(_charsUsed, length);
        return chars[..length];
    }

    /// <summary>Raw bytes without escapes are the UTF-8 text itself.</summary>
    private ReadOnlySpan<char> Decode(ReadOnlySpan<byte> utf8)
    {
        var chars = Scratch(utf8.Length);
        var length = Encoding.UTF8.GetChars(utf8, chars);
        _charsUsed = Math.Max(_charsUsed, length);
        return chars[..length];
    }

    /// <summary>The scratch buffer, large enough for <paramref name="length"/> UTF-8 bytes (never more chars than bytes).</summary>
    private Span<char> Scratch(int length)
    {
        if (_chars.Length < length)
        {
            _chars.AsSpan(0, _charsUsed).Clear(); // the old buffer held document text too
            _chars = new char[Math.Max(length, _chars.Length * 2)];
            _charsUsed = 0;
        }
        return _chars;
    }
}
