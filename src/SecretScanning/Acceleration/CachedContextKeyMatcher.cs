using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Judging;

namespace TenantScanner.SecretScanning.Acceleration;

/// <summary>
/// <see cref="IContextKeyMatcher"/> with the plain keys (a name must end with one) answered once per name for all
/// patterns: a value under a context name is asked about by every pattern with context keys, and the generic
/// pattern alone has thirty keys. The answers are kept per thread, per name, as one bit per pattern.
/// </summary>
internal sealed class CachedContextKeyMatcher : IContextKeyMatcher
{
    /// <summary>A bit per pattern in a <see cref="ulong"/>: larger catalogs ask <see cref="ValueContext.Matches"/> key by key.</summary>
    private const int MaxPatterns = 64;
    /// <summary>Distinct names kept per thread before the cache starts over (names repeat: value, password, uri...).</summary>
    private const int MaxCachedNames = 4096;

    private readonly string[][] _plainKeys;
    private readonly string[][] _qualifiedKeys;
    private readonly string[][] _allKeys;
    private readonly bool _useMasks;

    [ThreadStatic]
    private static NameCache? t_cache;

    public CachedContextKeyMatcher(IReadOnlyList<SecretPattern> patterns)
    {
        _allKeys = patterns.Select(p => p.ContextKeys.ToArray()).ToArray();
        _plainKeys = _allKeys.Select(keys => keys.Where(k => !k.Contains('.')).ToArray()).ToArray();
        _qualifiedKeys = _allKeys.Select(keys => keys.Where(k => k.Contains('.')).ToArray()).ToArray();
        _useMasks = patterns.Count <= MaxPatterns;
    }

    public bool Matches(int pattern, in ValueContext context)
    {
        if (!_useMasks)
        {
            foreach (var key in _allKeys[pattern])
            {
                if (context.Matches(key))
                    return true;
            }
            return false;
        }
        if ((PlainMatches(context) & (1UL << pattern)) != 0)
            return true;
        foreach (var key in _qualifiedKeys[pattern])
        {
            if (context.Matches(key))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Bit i set when the value's name or its name sibling ends with a plain context key of pattern i. The judge asks
    /// pattern after pattern about one value: the answer for its names is kept until other names are asked about.
    /// </summary>
    private ulong PlainMatches(in ValueContext context)
    {
        var cache = t_cache;
        if (cache is null || cache.Owner != this)
            t_cache = cache = new NameCache(this);
        // The same string objects give the same answer (strings do not change): no lookup, no comparison of text.
        if (!cache.HasLast || !ReferenceEquals(cache.LastKey, context.Key) || !ReferenceEquals(cache.LastSiblingName, context.SiblingName))
        {
            cache.LastMask = PlainMatches(cache, context.Key) | PlainMatches(cache, context.SiblingName);
            (cache.LastKey, cache.LastSiblingName, cache.HasLast) = (context.Key, context.SiblingName, true);
        }
        return cache.LastMask;
    }

    private ulong PlainMatches(NameCache cache, string? name)
    {
        if (name is null)
            return 0;
        if (cache.Masks.TryGetValue(name, out var mask))
            return mask;
        for (var pattern = 0; pattern < _plainKeys.Length; pattern++)
        {
            foreach (var key in _plainKeys[pattern])
            {
                if (name.EndsWith(key, StringComparison.Ordinal))
                {
                    mask |= 1UL << pattern;
                    break;
                }
            }
        }
        if (cache.Masks.Count >= MaxCachedNames)
            cache.Masks.Clear();
        cache.Masks[name] = mask;
        return mask;
    }

    /// <summary>One thread's answers for one matcher (a thread may use detectors with different catalogs).</summary>
    private sealed class NameCache(CachedContextKeyMatcher owner)
    {
        public CachedContextKeyMatcher Owner { get; } = owner;
        public Dictionary<string, ulong> Masks { get; } = new(StringComparer.Ordinal);
        public bool HasLast;
        public string? LastKey;
        public string? LastSiblingName;
        public ulong LastMask;
    }
}
