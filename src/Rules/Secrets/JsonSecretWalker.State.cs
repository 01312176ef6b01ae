namespace TenantScanner.Secrets;

/// <summary>The walker's per-document state: open frames, property names, deferred values.</summary>
internal sealed partial class JsonSecretWalker
{
    private enum SiblingRole { None, Name, Type, Value }

    private sealed record PropertyName(string Raw, string Normalized, bool IsContext, SiblingRole Role);

    private readonly record struct DeferredValue(PropertyName Name, string Value, long Offset);

    /// <summary>One open object or array. Frames are reused by depth: a document has far more objects than levels.</summary>
    private sealed class Frame
    {
        public bool IsArray { get; private set; }
        /// <summary>The property whose value this object or array is.</summary>
        public PropertyName? Container { get; private set; }
        public int Index { get; set; }
        public PropertyName? Current { get; set; }
        public string? SiblingName { get; set; }
        public string? SiblingType { get; set; }
        public List<DeferredValue>? Deferred { get; set; }

        public void Reset(bool isArray, PropertyName? container)
        {
            IsArray = isArray;
            Container = container;
            Index = -1;
            Current = null;
            SiblingName = null;
            SiblingType = null;
            Deferred = null;
        }
    }

    private sealed class WalkState(string basePointer, bool trackLines, (int Line, int Column)? fixedPosition, List<SecretHit> hits, int embeddedDepth)
    {
        public string BasePointer { get; } = basePointer;
        public bool TrackLines { get; } = trackLines;
        public (int Line, int Column)? FixedPosition { get; } = fixedPosition;
        public List<SecretHit> Hits { get; } = hits;
        public int EmbeddedDepth { get; } = embeddedDepth;
        /// <summary>The open frames, innermost last.</summary>
        public List<Frame> Frames { get; } = [];
        public LineIndex Lines { get; } = new();
        private readonly List<Frame> _pool = [];

        public void Push(bool isArray, PropertyName? container)
        {
            var depth = Frames.Count;
            if (_pool.Count == depth)
                _pool.Add(new Frame());
            var frame = _pool[depth];
            frame.Reset(isArray, container);
            Frames.Add(frame);
        }

        public void Pop() => Frames.RemoveAt(Frames.Count - 1);
    }
}
