using System.Diagnostics;
using System.Text.RegularExpressions;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;

namespace TenantScanner.SecretScanning.Judging;

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
        _secretIsWholeMatch = _patterns.Select((p, index) => p.Regex is { RightToLeft: false } regex && (_secretGroups[index] < 0 || IsWholeMatchShape(regex))).ToArray();
        Prefilter = new KeywordPrefilter(catalog.Patterns);
        _notSecret = new NotSecretMatcher(catalog.NotSecret);
    }

    public KeywordPrefilter Prefilter { get; }

    /// <summary>The catalog's not-secret rules, prepared.</summary>
    public NotSecretMatcher NotSecret => _notSecret;

    private readonly NotSecretMatcher _notSecret;

    private readonly SecretPattern[] _patterns;
    /// <summary>Per pattern: whether a value's name alone can make it apply (without one, only a keyword can).</summary>
    private readonly bool[] _hasContextKeys;
    private readonly ContextKeyMatcher _contextKeys;
    /// <summary>Per pattern: the number of the regex's <c>secret</c> group, -1 when it has none (the whole match is the secret).</summary>
    private readonly int[] _secretGroups;

    /// <summary>Per pattern: whether the secret is always the whole match (so the match bounds are all a value needs).</summary>
    private readonly bool[] _secretIsWholeMatch;

    /// <summary>Number of patterns, the length of the keyword-hit span callers pass.</summary>
    public int PatternCount => _patterns.Length;

    /// <param name="keywordHits">From <see cref="KeywordPrefilter.MarkKeywordHits"/> on this value.</param>
    /// <param name="value">Only made a string when a detector with capture groups matches it: most judged values hold a keyword by chance.</param>
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
            workspace.ClearMasked();
        }
    }

    private void JudgeAgainstPatterns(ReadOnlySpan<char> value, in ValueContext context, ReadOnlySpan<bool> keywordHits, JudgeWorkspace workspace, List<SecretCandidate> found, List<SecretPattern> timedOut)
    {
        var notSecret = _notSecret;
        // Both facts are computed on first need: most values reach only distinctive, keyword-hit patterns.
        bool? namedNotSecretOrFileContent = null;
        bool? wholeExpression = null;
        // The value as patterns see it (interpolations masked), made on first need; a string of it only for a capture.
        var text = ReadOnlySpan<char>.Empty;
        var textMade = false;
        string? textString = null;
        var firstNew = found.Count;

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
            if (!textMade)
            {
                text = value.Contains("@{", StringComparison.Ordinal) ? workspace.Mask(value) : value;
                textMade = true;
            }
            if (!workspace.HasRegex(index))
            {
                if (IsLiteralCredential(text))
                    Consider(pattern, text, 0, text.Length, found, firstNew);
                continue;
            }
            try
            {
                if (_secretIsWholeMatch[index])
                {
                    // Matched on the span: no copy of the value, and the runner keeps reusing its one match object.
                    foreach (var match in workspace.Probe(index).EnumerateMatches(text))
                        Consider(pattern, text, match.Index, match.Length, found, firstNew);
                    continue;
                }
                textString = CaptureSecrets(index, pattern, text, textString, workspace, found, firstNew);
            }
            catch (RegexMatchTimeoutException)
            {
                // A pattern that backtracks badly gives up on this value rather than stalling the scan; the caller
                // reports the value as not judged. The exception carries the input, so it must not travel further.
                timedOut.Add(pattern);
            }
        }
    }

    /// <summary>
    /// Runs a pattern whose secret is a group within the match. The groups need a string and a match object of their
    /// own, so the probe finds the matches on the span, and the capture copy runs only where one starts: it never
    /// fails a run, so it keeps no match object (and no value) between values.
    /// </summary>
    /// <param name="textString"><paramref name="text"/> as a string if the caller has one already.</param>
    /// <returns><paramref name="text"/> as a string, when the caller had one or a match made one; null otherwise.</returns>
    private string? CaptureSecrets(int index, SecretPattern pattern, ReadOnlySpan<char> text, string? textString, JudgeWorkspace workspace, List<SecretCandidate> found, int firstNew)
    {
        var secretGroup = _secretGroups[index];
        var capture = workspace.Capture(index);
        if (capture.RightToLeft)
        {
            // Matches found right to left cannot be re-run from their start: the plain loop, on a copy.
            textString ??= text.ToString();
            for (var match = capture.Match(textString); match.Success; match = match.NextMatch())
                ConsiderGroup(pattern, textString, match, secretGroup, found, firstNew);
            return textString;
        }
        foreach (var bounds in workspace.Probe(index).EnumerateMatches(text))
        {
            textString ??= text.ToString();
            var match = capture.Match(textString, bounds.Index);
            Debug.Assert(match.Index == bounds.Index && match.Length == bounds.Length, "a regex run from where a match starts finds that match");
            ConsiderGroup(pattern, textString, match, secretGroup, found, firstNew);
        }
        return textString;
    }

    private void ConsiderGroup(SecretPattern pattern, string text, Match match, int secretGroup, List<SecretCandidate> found, int firstNew)
    {
        var group = match.Groups[secretGroup];
        var (start, length) = group.Success ? (group.Index, group.Length) : (match.Index, match.Length);
        Consider(pattern, text, start, length, found, firstNew);
    }

    /// <summary>For one thread's walker: the judge is shared by every thread, a regex's runner cache and a buffer are not.</summary>
    public JudgeWorkspace CreateWorkspace() => new(_patterns);

    private static bool IsWholeMatchShape(Regex regex) =>
        (regex.Options & RegexOptions.IgnorePatternWhitespace) == 0 && SecretGroupShape.IsWholeMatch(regex.ToString());

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
        var notSecret = _notSecret;
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
