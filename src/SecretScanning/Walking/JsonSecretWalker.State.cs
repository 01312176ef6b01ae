namespace TenantScanner.SecretScanning.Walking;

/// <summary>The walker's per-document state: open frames, property names, deferred values.</summary>
internal sealed partial class JsonSecretWalker
{
    /// <summary>
    /// A property name where it stands in the document: resolved to a <see cref="PropertyName"/> only when a
    /// value needs it (most names are of objects, e.g. unique action names, and are never looked at).
    /// </summary>
    private struct NameSlot
    {
        /// <summary>Offset of the raw (unescaped) bytes in the document; -1 when there is no name.</summary>
        public int Start;
        public int Length;
        public PropertyName? Resolved;

        public static NameSlot None => new() { Start = -1 };

        public readonly bool IsNone => Start < 0 && Resolved is null;
    }

    /// <summary>A <c>value</c>/<c>defaultValue</c> string, judged when its object ends and its siblings are known.</summary>
    /// <param name="Escaped">The decoded text when the raw bytes hold escapes; null when the raw bytes are the text.</param>
    private readonly record struct DeferredValue(PropertyName Name, int RawStart, int RawLength, string? Escaped, long Offset);

    /// <summary>One open object or array. Frames are reused by depth: a document has far more objects than levels.</summary>
    private sealed class Frame
    {
        public bool IsArray { get; private set; }
        /// <summary>The property whose value this object or array is.</summary>
        public NameSlot Container;
        public int Index { get; set; }
        public NameSlot Current;
        public string? SiblingName { get; set; }
        public string? SiblingType { get; set; }
        public List<DeferredValue> Deferred { get; } = [];

        public void Reset(bool isArray, NameSlot container)
        {
            IsArray = isArray;
            Container = container;
            Index = -1;
            Current = NameSlot.None;
            SiblingName = null;
            SiblingType = null;
            Deferred.Clear();
        }
    }

    /// <summary>One document's walk. Kept per embedding depth and reused, so a walk allocates next to nothing.</summary>
    private sealed class WalkState
    {
        public string BasePointer { get; private set; } = "";
        public bool TrackLines { get; private set; }
        public (int Line, int Column)? FixedPosition { get; private set; }
        public List<SecretHit> Hits => _hits ?? throw new InvalidOperationException("no document is being walked");
        public List<UnjudgedValue> Unjudged => _unjudged ?? throw new InvalidOperationException("no document is being walked");
        private List<SecretHit>? _hits;
        private List<UnjudgedValue>? _unjudged;
        public int EmbeddedDepth { get; private set; }
        /// <summary>The open frames, innermost last: the first <see cref="_depth"/> frames of the pool.</summary>
        /// <remarks>Not a list of its own: opening an object then writes no reference (a list would take a write barrier per object).</remarks>
        public ReadOnlySpan<Frame> Frames => _pool.AsSpan(0, _depth);
        public LineIndex Lines { get; } = new();
        /// <summary>Hits of the documents embedded in this one, kept only when the whole embedded document parses.</summary>
        public List<SecretHit> EmbeddedHits { get; } = [];
        /// <summary>Values of the embedded documents that could not be judged, kept on the same terms.</summary>
        public List<UnjudgedValue> EmbeddedUnjudged { get; } = [];
        private Frame[] _pool = [];
        /// <summary>Frames made so far (the pool's first entries); they are reused by depth.</summary>
        private int _created;
        private int _depth;

        public void Start(string basePointer, bool trackLines, (int Line, int Column)? fixedPosition, List<SecretHit> hits, List<UnjudgedValue> unjudged, int embeddedDepth)
        {
            _unjudged = unjudged;
            BasePointer = basePointer;
            TrackLines = trackLines;
            FixedPosition = fixedPosition;
            _hits = hits;
            EmbeddedDepth = embeddedDepth;
            _depth = 0;
            Lines.Reset();
        }

        /// <summary>
        /// Drops what the document left (deferred values are its text) once the walk ends, parsed or not. The state
        /// outlives many collections, and whatever young object it still points at, the collector keeps alive and
        /// moves to an older generation at every collection until it is overwritten.
        /// </summary>
        public void End()
        {
            foreach (var frame in _pool.AsSpan(0, _created))
                frame.Reset(isArray: false, NameSlot.None);
            _hits = null;
            _unjudged = null;
            BasePointer = "";
            _depth = 0;
            EmbeddedHits.Clear();
            EmbeddedUnjudged.Clear();
        }

        public void Push(bool isArray, NameSlot container)
        {
            if (_depth == _created)
            {
                if (_created == _pool.Length)
                    Array.Resize(ref _pool, Math.Max(16, 2 * _pool.Length));
                _pool[_created++] = new Frame();
            }
            _pool[_depth++].Reset(isArray, container);
        }

        public void Pop() => _depth--;
    }
}
