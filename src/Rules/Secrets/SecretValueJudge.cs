namespace TenantScanner.Secrets;

/// <summary>A secret found in one value: the detector, and where in the value (the raw text stays in the caller's hands only).</summary>
internal readonly record struct SecretCandidate(SecretPattern Pattern, string Secret, int Start, int Length);

/// <summary>
/// Judges one string value, with its position, against the catalog: runs the patterns whose keyword or
/// context applies, then drops expressions, references, placeholders, published examples, file content
/// and low-entropy text. When matches overlap, the pattern listed first in the catalog wins.
/// </summary>
internal sealed class SecretValueJudge
{

    public SecretValueJudge(SecretPatternCatalog catalog)
    {
        _patterns = catalog.Patterns.ToArray();
        _hasContextKeys = _patterns.Select(p => p.ContextKeys.Count > 0).ToArray();
        _contextKeys = new ContextKeyMatcher(_patterns);
        _secretGroups = _patterns.Select(p => p.Regex?.GroupNumberFromName("secret") ?? -1).ToArray();
        Prefilter = new KeywordPrefilter(catalog.Patterns);
        _notSecret = new NotSecretMatcher(catalog.NotSecret);
    }

    public KeywordPrefilter Prefilter { get; }

    /// <summary>The catalog's not-secret rules, prepared.</summary>
    public NotSecretMatcher NotSecret => _notSecret;

    private readonly NotSecretMatcher _notSecret;

    /// <summary>
    /// Values up to this length are copied into a string before any regex runs on them: copying a character costs
    /// far less than a regex looking at it, and a PEM key or a long URL usually matches (then a probe is a second run).
    /// Longer values (file content) are probed first, so that a megabyte of base64 is not copied for nothing.
    /// </summary>
    private const int MaxLengthCopiedUnprobed = 1024;
    private readonly SecretPattern[] _patterns;
    /// <summary>Per pattern: whether a value's name alone can make it apply (without one, only a keyword can).</summary>
    private readonly bool[] _hasContextKeys;
    private readonly ContextKeyMatcher _contextKeys;
    /// <summary>Per pattern: the number of the regex's <c>secret</c> group, -1 when it has none (the whole match is the secret).</summary>
    private readonly int[] _secretGroups;

    /// <summary>Number of patterns, the length of the keyword-hit span callers pass.</summary>
    public int PatternCount => _patterns.Length;

    /// <param name="keywordHits">From <see cref="KeywordPrefilter.MarkKeywordHits"/> on this value.</param>
    /// <param name="value">Only made a string when a pattern finds something in it: most judged values hold a keyword by chance.</param>
    /// <param name="timedOut">Receives the patterns whose regex ran out of time on this value: it was not fully judged.</param>
    public void Judge(ReadOnlySpan<char> value, in ValueContext context, ReadOnlySpan<bool> keywordHits, List<SecretCandidate> found, List<SecretPattern> timedOut)
    {
        if (value.IsEmpty)
            return;
        var notSecret = _notSecret;
        // Both facts are computed on first need: most values reach only distinctive, keyword-hit patterns.
        bool? namedNotSecretOrFileContent = null;
        bool? wholeExpression = null;
        string? masked = null;
        var firstNew = found.Count;

        bool? hasInterpolation = null;
        ulong? plainContextMatches = null;
        // A necessary condition for any context key to match: checked once, not per pattern and key.
        var anyContext = Prefilter.IsContextName(context.Key) || Prefilter.IsContextName(context.SiblingName);
        var patterns = _patterns;
        for (var index = 0; index < patterns.Length; index++)
        {
            // Cheapest test first: a pattern with no keyword in the value and no context keys cannot apply.
            var keywordHit = keywordHits[index];
            if (!keywordHit && !_hasContextKeys[index])
                continue;
            var pattern = patterns[index];
            if (!pattern.Distinctive && (namedNotSecretOrFileContent ??= notSecret.IsNotSecretName(context.Key)
                    || notSecret.IsNotSecretName(context.SiblingName) || notSecret.IsFileContent(value)))
                continue;
            if (!keywordHit && (!anyContext
                    || (wholeExpression ??= SecretText.IsWholeExpression(value) || SecretText.IsSecretReference(value))
                    || !_contextKeys.Matches(index, context, ref plainContextMatches)))
                continue;
            if (pattern.Regex is null)
            {
                masked ??= SecretText.MaskInterpolations(value.ToString());
                if (IsLiteralCredential(masked))
                    Consider(pattern, masked, 0, masked.Length, found, firstNew);
                continue;
            }
            try
            {
                // An allocation-free probe first; the string and the match objects only for a value that matches.
                hasInterpolation ??= value.Contains("@{", StringComparison.Ordinal);
                if (masked is null && hasInterpolation.Value)
                    masked = SecretText.MaskInterpolations(value.ToString());
                // A short value is made a string at once (cheaper than running a matching regex twice); a long
                // one (file content) is probed as a span first, and copied only when a pattern matches it.
                if (masked is null && value.Length > MaxLengthCopiedUnprobed && !pattern.Regex.IsMatch(value))
                    continue;
                masked ??= value.ToString(); // no interpolation to mask
                var secretGroup = _secretGroups[index];
                for (var match = pattern.Regex.Match(masked); match.Success; match = match.NextMatch())
                {
                    var group = secretGroup >= 0 ? match.Groups[secretGroup] : null;
                    var (start, length) = group is { Success: true } ? (group.Index, group.Length) : (match.Index, match.Length);
                    Consider(pattern, masked, start, length, found, firstNew);
                }
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                // A pattern that backtracks badly gives up on this value rather than stalling the scan; the caller
                // reports the value as not judged. The exception carries the input, so it must not travel further.
                timedOut.Add(pattern);
            }
        }
    }

    private void Consider(SecretPattern pattern, string masked, int start, int length, List<SecretCandidate> found, int firstNew)
    {
        var span = masked.AsSpan(start, length);
        if (length < pattern.MinLength || span.Contains(SecretText.ExpressionMask))
            return;
        var notSecret = _notSecret;
        if (notSecret.IsPlaceholder(span))
            return;
        if (pattern.MinEntropy > 0 && SecretText.Entropy(span) < pattern.MinEntropy)
            return;
        for (var i = firstNew; i < found.Count; i++)
        {
            var other = found[i];
            if (start < other.Start + other.Length && other.Start < start + length)
                return;
        }
        var secret = span.ToString();
        if (notSecret.IsKnownExample(secret) || !SecretValidators.Passes(pattern.Validation, secret, notSecret))
            return;
        found.Add(new SecretCandidate(pattern, secret, start, length));
    }

    /// <summary>A whole value taken as a credential because of where it is: it must be literal text, not an id or a URL.</summary>
    private static bool IsLiteralCredential(string value) =>
        !value.Contains(SecretText.ExpressionMask)
        && !SecretText.ContainsWhitespace(value)
        && !SecretText.IsGuid(value)
        && !value.Contains("://", StringComparison.Ordinal)
        && !SecretText.IsWholeExpression(value)
        && !SecretText.IsSecretReference(value);
}
