using TenantScanner.SecretScanning.Catalog;
namespace TenantScanner.SecretScanning.Judging;

/// <summary>
/// Whether a value's context matches one of a pattern's <see cref="SecretPattern.ContextKeys"/>, as
/// <see cref="ValueContext.Matches"/> says, but with the plain keys (a name must end with one) answered once per
/// name for all patterns: a value under a context name is asked about by every pattern with context keys, and
/// the generic pattern alone has thirty keys. The answers are kept per thread, per name, as one bit per pattern.
/// </summary>
internal sealed class ContextKeyMatcher
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

    public ContextKeyMatcher(IReadOnlyList<SecretPattern> patterns)
    {
        _allKeys = patterns.Select(p => p.ContextKeys.ToArray()).ToArray();
        _plainKeys = _allKeys.Select(keys => keys.Where(k => !k.Contains('.')).ToArray()).ToArray();
        _qualifiedKeys = _allKeys.Select(keys => keys.Where(k => k.Contains('.')).ToArray()).ToArray();
        _useMasks = patterns.Count <= MaxPatterns;
    }

    /// <param name="plainMatches">The plain-key answers for this context, computed on first need (pass the same variable for one value).</param>
    public bool Matches(int pattern, in ValueContext context, ref ulong? plainMatches)
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
        plainMatches ??= PlainMatches(context.Key) | PlainMatches(context.SiblingName);
        if ((plainMatches.Value & (1UL << pattern)) != 0)
            return true;
        foreach (var key in _qualifiedKeys[pattern])
        {
            if (context.Matches(key))
                return true;
        }
        return false;
    }

    /// <summary>Bit i set when the name ends with a plain context key of pattern i.</summary>
    private ulong PlainMatches(string? name)
    {
        if (name is null)
            return 0;
        var cache = t_cache;
        if (cache is null || cache.Owner != this)
            t_cache = cache = new NameCache(this);
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
    private sealed class NameCache(ContextKeyMatcher owner)
    {
        public ContextKeyMatcher Owner { get; } = owner;
        public Dictionary<string, ulong> Masks { get; } = new(StringComparer.Ordinal);
    }
}
