using System.Text;
using System.Text.Json;
using TenantScanner.Findings;

namespace TenantScanner.Secrets;

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
    private readonly Dictionary<string, PropertyName> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PropertyName>.AlternateLookup<ReadOnlySpan<char>> _namesBySpan;
    private readonly List<SecretCandidate> _candidates = [];
    private char[] _chars = new char[1024];
    /// <summary>How much of <see cref="_chars"/> this document wrote: cleared when the walk ends, since the walker outlives it.</summary>
    private int _charsUsed;
    private readonly bool[] _keywordHits;
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _typesBySpan;

    public JsonSecretWalker(SecretValueJudge judge)
    {
        _judge = judge;
        _namesBySpan = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        _keywordHits = new bool[judge.PatternCount];
        _typesBySpan = _types.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The judge this walker was built for (a detector reuses a thread's walker only with its own judge).</summary>
    public SecretValueJudge Judge => _judge;

    /// <summary>
    /// Walkers are reused across documents so the name caches stay warm; names unique to one flow (action names)
    /// would make them grow without end, so they start over past this many entries.
    /// </summary>
    private const int MaxCachedNames = 16_384;

    /// <param name="trackLines">False for documents whose line numbers mean nothing to the user (a re-serialised element).</param>
    /// <param name="fixedPosition">For an embedded document: every hit is placed at the outer string.</param>
    /// <exception cref="MalformedJsonException">The document is not valid JSON (the message holds the position only).</exception>
    public void Walk(ReadOnlySpan<byte> json, string basePointer, bool trackLines, (int Line, int Column)? fixedPosition, List<SecretHit> hits, int embeddedDepth = 0)
    {
        if (embeddedDepth == 0 && (_names.Count > MaxCachedNames || _types.Count > MaxCachedNames))
        {
            _names.Clear();
            _types.Clear();
        }
        var state = new WalkState(basePointer, trackLines, fixedPosition, hits, embeddedDepth);
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
                PropertyName? container = null;
                if (frames.Count > 0)
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
                frames[^1].Current = Name(ref reader);
                break;
            case JsonTokenType.String:
                OnString(ref reader, json, state);
                break;
            default:
                if (frames.Count > 0 && frames[^1].IsArray)
                    frames[^1].Index++;
                break;
        }
    }

    private void OnString(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, WalkState state)
    {
        var frames = state.Frames;
        var frame = frames.Count > 0 ? frames[^1] : null;
        if (frame is { IsArray: true })
            frame.Index++;
        var name = frame is null ? null : frame.IsArray ? frame.Container : frame.Current;
        var role = frame is { IsArray: false } && name is not null ? name.Role : SiblingRole.None;
        var isContext = name?.IsContext ?? false;
        if (!isContext && role == SiblingRole.None && reader.ValueSpan.Length < MinLengthWithoutContext)
            return;

        var chars = Decode(ref reader);
        switch (role)
        {
            case SiblingRole.Name when chars.Length <= MaxSiblingLength:
                frame!.SiblingName = SecretKeyNames.Normalize(chars);
                break;
            case SiblingRole.Type when chars.Length <= MaxSiblingLength:
                frame!.SiblingType = TypeName(chars);
                return;
            case SiblingRole.Value:
                (frame!.Deferred ??= []).Add(new DeferredValue(name!, new string(chars), reader.TokenStartIndex));
                return;
        }
        if (!isContext && chars.Length < MinLengthWithoutContext)
            return;
        bool keywordsMarked;
        if (state.EmbeddedDepth < MaxEmbeddedDepth && LooksLikeJson(chars))
        {
            if (TryWalkEmbedded(ref reader, Pointer(state, null), Position(json, state, reader.TokenStartIndex), state))
                return;
            chars = Decode(ref reader); // not JSON after all: the embedded walk reused the scratch buffer, judge it as text
            keywordsMarked = false;
        }
        else
        {
            if (!_judge.Prefilter.MarkKeywordHits(chars, _keywordHits) && !isContext)
                return;
            keywordsMarked = true;
        }
        // The name sibling only qualifies the value of a name/value pair (judged in JudgeDeferred).
        var context = new ValueContext(name?.Normalized, frame?.Container?.Normalized, null, frame?.SiblingType);
        Report(json, state, chars, context, segmentOverride: null, reader.TokenStartIndex, embedded: false, keywordsMarked);
    }

    private void JudgeDeferred(ReadOnlySpan<byte> json, WalkState state, Frame frame)
    {
        if (frame.Deferred is null)
            return;
        foreach (var deferred in frame.Deferred)
        {
            var context = new ValueContext(deferred.Name.Normalized, frame.Container?.Normalized, frame.SiblingName, frame.SiblingType);
            var value = deferred.Value;
            var embedded = state.EmbeddedDepth < MaxEmbeddedDepth && LooksLikeJson(value);
            var interesting = embedded
                || deferred.Name.IsContext
                || (frame.SiblingName is not null && _judge.Prefilter.IsContextName(frame.SiblingName))
                || (frame.SiblingType is not null && _judge.Prefilter.IsContextName(frame.SiblingType + "." + deferred.Name.Normalized))
                || (value.Length >= MinLengthWithoutContext && _judge.Prefilter.MarkKeywordHits(value, _keywordHits));
            if (interesting)
                Report(json, state, value, context, deferred.Name.Raw, deferred.Offset, embedded, keywordsMarked: false);
        }
        frame.Deferred = null;
    }

    /// <param name="keywordsMarked">The scratch keyword marks already hold this value's (the caller has just marked it).</param>
    /// <param name="value">Not a view of the scratch buffer when <paramref name="embedded"/>: the embedded walk reuses it.</param>
    private void Report(ReadOnlySpan<byte> json, WalkState state, ReadOnlySpan<char> value, in ValueContext context, string? segmentOverride, long offset, bool embedded, bool keywordsMarked)
    {
        if (embedded && TryWalkEmbedded(value, Pointer(state, segmentOverride), Position(json, state, offset), state))
            return;
        // The embedded walk (or an earlier value) may have reused the scratch marks: mark this value's keywords again.
        if (embedded || !keywordsMarked)
            _judge.Prefilter.MarkKeywordHits(value, _keywordHits);
        _candidates.Clear();
        _judge.Judge(value, context, _keywordHits, _candidates);
        if (_candidates.Count == 0)
            return; // pointer and position are only worth building for a hit
        var pointer = Pointer(state, segmentOverride);
        var position = Position(json, state, offset);
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

    private static string Pointer(WalkState state, string? lastSegmentOverride)
    {
        var builder = new StringBuilder(state.BasePointer, 128);
        var frames = state.Frames;
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            if (i == frames.Count - 1 && lastSegmentOverride is not null)
                JsonPointer.AppendTo(builder, lastSegmentOverride);
            else if (frame.IsArray)
                builder.Append('/').Append(frame.Index);
            else if (frame.Current is not null)
                JsonPointer.AppendTo(builder, frame.Current.Raw);
        }
        return builder.ToString();
    }

    /// <summary>Every action has a <c>type</c>, from a small set: normalise each spelling once.</summary>
    private string TypeName(ReadOnlySpan<char> chars)
    {
        if (_typesBySpan.TryGetValue(chars, out var known))
            return known;
        var normalized = SecretKeyNames.Normalize(chars);
        _types[new string(chars)] = normalized;
        return normalized;
    }

    private ReadOnlySpan<char> Decode(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (_chars.Length < raw.Length)
            _chars = new char[Math.Max(raw.Length, _chars.Length * 2)];
        var length = reader.ValueIsEscaped ? reader.CopyString(_chars) : Encoding.UTF8.GetChars(raw, _chars);
        _charsUsed = Math.Max(_charsUsed, length);
        return _chars.AsSpan(0, length);
    }

    private PropertyName Name(ref Utf8JsonReader reader)
    {
        // Most names repeat (type, inputs, runAfter...): a direct-mapped cache on the raw bytes skips decoding them.
        var raw = reader.ValueSpan;
        var slot = reader.ValueIsEscaped ? -1 : SlotOf(raw);
        if (slot >= 0 && _nameCache[slot] is { } cached && raw.SequenceEqual(cached.Utf8))
            return cached.Name;
        var name = DecodeName(ref reader);
        if (slot >= 0)
            _nameCache[slot] = (raw.ToArray(), name);
        return name;
    }

    private const int NameCacheSize = 4096;

    private static int SlotOf(ReadOnlySpan<byte> raw)
    {
        var hash = new HashCode();
        hash.AddBytes(raw);
        return hash.ToHashCode() & (NameCacheSize - 1);
    }

    private readonly (byte[] Utf8, PropertyName Name)?[] _nameCache = new (byte[], PropertyName)?[NameCacheSize];

    private PropertyName DecodeName(ref Utf8JsonReader reader)
    {
        var chars = Decode(ref reader);
        if (_namesBySpan.TryGetValue(chars, out var known))
            return known;
        var text = new string(chars);
        var normalized = SecretKeyNames.Normalize(chars);
        var name = new PropertyName(text, normalized, _judge.Prefilter.IsContextName(normalized), RoleOf(normalized));
        _names[text] = name;
        return name;
    }

    private static SiblingRole RoleOf(string normalized) => normalized switch
    {
        "name" or "schemaname" or "key" => SiblingRole.Name,
        "type" => SiblingRole.Type,
        "value" or "defaultvalue" => SiblingRole.Value,
        _ => SiblingRole.None,
    };
}
