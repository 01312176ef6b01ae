using System.Text.RegularExpressions;
using TenantScanner.SecretScanning.Catalog;

namespace TenantScanner.SecretScanning.Judging;

/// <summary>A secret found in one value: the detector, and where in the value (the raw text stays in the caller's hands only).</summary>
internal readonly record struct SecretCandidate(SecretPattern Pattern, string Secret, int Start, int Length);

/// <summary>
/// Judges one string value, with its position, against the catalog: runs the patterns whose keyword or
/// context applies, then drops expressions, references, placeholders, published examples, file content
/// and low-entropy text. When matches overlap, the pattern listed first in the catalog wins.
/// </summary>
/// <remarks>
/// Finding keywords, matching context keys and running regexes are the <see cref="SecretScanningEngine"/>'s: this
/// class decides what is a secret from their answers, the same way whichever engine gives them.
/// </remarks>
internal sealed class SecretValueJudge
{
    private readonly SecretPattern[] _patterns;
    /// <summary>Per pattern: whether a value's name alone can make it apply (without one, only a keyword can).</summary>
    private readonly bool[] _hasContextKeys;
    private readonly IContextKeyMatcher _contextKeys;

    public SecretValueJudge(SecretPatternCatalog catalog, SecretScanningEngine engine)
    {
        _patterns = catalog.Patterns.ToArray();
        _hasContextKeys = _patterns.Select(p => p.ContextKeys.Count > 0).ToArray();
        Engine = engine;
        Keywords = engine.CreateKeywordFinder(_patterns);
        _contextKeys = engine.CreateContextKeyMatcher(_patterns);
        ContextNames = new ContextNames(_patterns);
        NotSecret = new NotSecretMatcher(catalog.NotSecret);
    }

    /// <summary>The engine this judge's parts (and its walkers' caches) come from.</summary>
    public SecretScanningEngine Engine { get; }

    /// <summary>Marks the patterns a value's keywords apply to: callers mark each value before judging it.</summary>
    public IKeywordFinder Keywords { get; }

    /// <summary>What the catalog's context keys say about a name on its own.</summary>
    public ContextNames ContextNames { get; }

    /// <summary>The catalog's not-secret rules, prepared.</summary>
    public NotSecretMatcher NotSecret { get; }

    /// <summary>Number of patterns, the length of the keyword-hit span callers pass.</summary>
    public int PatternCount => _patterns.Length;

    /// <summary>For one thread's walker: the judge is shared by every thread, a regex runner and a buffer are not.</summary>
    public JudgeWorkspace CreateWorkspace() => new(Engine.CreateRegexRunner(_patterns));

    /// <param name="keywordHits">From <see cref="Keywords"/> on this value.</param>
    /// <param name="timedOut">Receives the patterns whose regex ran out of time on this value: it was not fully judged.</param>
    /// <param name="workspace">The calling thread's, from <see cref="CreateWorkspace"/>.</param>
    public void Judge(ReadOnlySpan<char> value, in ValueContext context, ReadOnlySpan<bool> keywordHits, JudgeWorkspace workspace, List<SecretCandidate> found, List<SecretPattern> timedOut)
    {
        if (value.IsEmpty)
            return;
        try
        {
            JudgeAgainstPatterns(value, context, keywordHits, workspace, found, timedOut);
        }
        finally
        {
            workspace.ForgetValue();
        }
    }

    private void JudgeAgainstPatterns(ReadOnlySpan<char> value, in ValueContext context, ReadOnlySpan<bool> keywordHits, JudgeWorkspace workspace, List<SecretCandidate> found, List<SecretPattern> timedOut)
    {
        var notSecret = NotSecret;
        // Both facts are computed on first need: most values reach only distinctive, keyword-hit patterns.
        bool? namedNotSecretOrFileContent = null;
        bool? wholeExpression = null;
        // The value as patterns see it (interpolations masked), made on first need.
        var text = ReadOnlySpan<char>.Empty;
        var textMade = false;
        var firstNew = found.Count;
        // A necessary condition for any context key to match: checked once, not per pattern and key.
        var anyContext = ContextNames.IsContextName(context.Key) || ContextNames.IsContextName(context.SiblingName);
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
                    || !_contextKeys.Matches(index, context)))
                continue;
            if (!textMade)
            {
                text = value.Contains("@{", StringComparison.Ordinal) ? workspace.Mask(value) : value;
                textMade = true;
            }
            if (pattern.Regex is null)
            {
                if (IsLiteralCredential(text))
                    Consider(pattern, text, 0, text.Length, found, firstNew);
                continue;
            }
            var candidates = workspace.Candidates;
            candidates.Clear();
            try
            {
                workspace.Regexes.FindCandidates(index, text, candidates);
            }
            catch (RegexMatchTimeoutException)
            {
                // A pattern that backtracks badly gives up on this value rather than stalling the scan; the caller
                // reports the value as not judged. The exception carries the input, so it must not travel further.
                timedOut.Add(pattern);
            }
            foreach (var candidate in candidates)
                Consider(pattern, text, candidate.Start, candidate.Length, found, firstNew);
        }
    }

    private void Consider(SecretPattern pattern, ReadOnlySpan<char> text, int start, int length, List<SecretCandidate> found, int firstNew)
    {
        var span = text.Slice(start, length);
        if (length < pattern.MinLength || span.Contains(SecretText.ExpressionMask))
            return;
        // The checks are all conditions a candidate must meet, cheapest first (the placeholder search is the dearest).
        for (var i = firstNew; i < found.Count; i++)
        {
            var other = found[i];
            if (start < other.Start + other.Length && other.Start < start + length)
                return;
        }
        if (pattern.MinEntropy > 0 && SecretText.Entropy(span) < pattern.MinEntropy)
            return;
        var notSecret = NotSecret;
        if (notSecret.IsPlaceholder(span))
            return;
        var secret = span.ToString();
        if (notSecret.IsKnownExample(secret) || !SecretValidators.Passes(pattern.Validation, secret, notSecret))
            return;
        found.Add(new SecretCandidate(pattern, secret, start, length));
    }

    /// <summary>A whole value taken as a credential because of where it is: it must be literal text, not an id or a URL.</summary>
    private static bool IsLiteralCredential(ReadOnlySpan<char> value) =>
        !value.Contains(SecretText.ExpressionMask)
        && !SecretText.ContainsWhitespace(value)
        && !SecretText.IsGuid(value)
        && !value.Contains("://", StringComparison.Ordinal)
        && !SecretText.IsWholeExpression(value)
        && !SecretText.IsSecretReference(value);
}
