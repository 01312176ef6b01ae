using System.Buffers;
using TenantScanner.SecretScanning.Catalog;

namespace TenantScanner.SecretScanning.Judging;

/// <summary>
/// The <see cref="NotSecretRules"/> of a catalog, prepared once for the judge: the placeholders become one
/// vectorised case-insensitive search instead of a scan per placeholder (with invariant globalization an
/// ordinal ignore-case <c>Contains</c> is a scalar loop), and names are tested against the not-secret keys.
/// </summary>
internal sealed class NotSecretMatcher
{
    private readonly SearchValues<string>? _placeholders;
    private readonly bool _emptyPlaceholder;
    private readonly string[] _keys;
    /// <summary>The last character of every key: most names end otherwise and are rejected without a comparison.</summary>
    private readonly SearchValues<char> _keyEndings;
    private readonly bool _emptyKey;

    public NotSecretMatcher(NotSecretRules rules)
    {
        Rules = rules;
        var placeholders = rules.Placeholders.Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        _placeholders = placeholders.Length == 0 ? null : SearchValues.Create(placeholders, StringComparison.OrdinalIgnoreCase);
        _emptyPlaceholder = rules.Placeholders.Any(p => p.Length == 0); // "" is in every string, as Contains("") says
        _keys = rules.Keys.ToArray();
        _keyEndings = SearchValues.Create(_keys.Where(k => k.Length > 0).Select(k => k[^1]).Distinct().ToArray());
        _emptyKey = _keys.Any(k => k.Length == 0);
    }

    public NotSecretRules Rules { get; }

    /// <summary>Placeholders are short; in a long random blob (a PFX, a key) "todo" or "xxxx" occur by chance.</summary>
    private const int MaxPlaceholderLength = 100;

    public bool IsPlaceholder(ReadOnlySpan<char> candidate)
    {
        if (candidate.Length > MaxPlaceholderLength)
            return false;
        if (_emptyPlaceholder || (_placeholders is not null && candidate.ContainsAny(_placeholders)))
            return true;
        // One repeated character ("aaaaaaaa", "00000000") is a filler, not a key.
        return candidate.Length > 0 && !candidate.ContainsAnyExcept(candidate[0]);
    }

    /// <summary>Names ending with a not-secret key (<c>documentHash</c>, <c>fileSha256</c>, <c>workflowRunId</c>) hold identifiers or digests.</summary>
    public bool IsNotSecretName(string? name)
    {
        if (name is null || (!_emptyKey && (name.Length == 0 || !_keyEndings.Contains(name[^1]))))
            return false;
        foreach (var key in _keys)
        {
            if (name.EndsWith(key, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    public bool IsFileContent(ReadOnlySpan<char> value)
    {
        if (value.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && value.Contains(";base64,", StringComparison.OrdinalIgnoreCase))
            return true;
        if (value.Length < 100)
            return false;
        foreach (var prefix in Rules.Base64FilePrefixes)
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    public bool IsKnownExample(string candidate) => Rules.KnownExamples.Contains(candidate);
}
