using System.Diagnostics;
using System.Text.RegularExpressions;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Judging;

namespace TenantScanner.SecretScanning.Acceleration;

/// <summary>
/// <see cref="IRegexRunner"/> that matches on the value's span, with regexes whose runners are this thread's own.
/// A pattern whose <c>secret</c> group is always the whole match (<see cref="SecretGroupShape"/>) is matched on the
/// span alone: no copy of the value, no match object. Any other runs its capture copy only where a span match starts.
/// </summary>
/// <remarks>
/// Where the catalog compiled a pattern (<see cref="CatalogRegex"/>) the thread has two copies of it: the probe, which
/// only runs on spans (its match object is reused and never holds a value), and the capture copy, which only runs
/// where the probe found a match starting (each run hands its match object out, so none grows old holding young
/// text). A pattern built around another <see cref="Regex"/> uses that regex for both.
/// </remarks>
internal sealed class SpanRegexRunner : IRegexRunner
{
    private readonly Regex?[] _probes;
    private readonly Regex?[] _captures;
    /// <summary>Per pattern: the number of the regex's <c>secret</c> group, -1 when it has none (the whole match is the secret).</summary>
    private readonly int[] _secretGroups;
    /// <summary>Per pattern: whether the secret is always the whole match (so the match bounds are all a value needs).</summary>
    private readonly bool[] _secretIsWholeMatch;
    /// <summary>The value as a string, made by the first capture that needed one and kept for the value's other patterns.</summary>
    private string? _text;

    public SpanRegexRunner(IReadOnlyList<SecretPattern> patterns)
    {
        _probes = patterns.Select(pattern => OwnCopy(pattern.Regex)).ToArray();
        _captures = patterns.Select(pattern => OwnCopy(pattern.Regex)).ToArray();
        _secretGroups = patterns.Select(p => p.Regex?.GroupNumberFromName("secret") ?? -1).ToArray();
        _secretIsWholeMatch = patterns.Select((p, index) => p.Regex is { RightToLeft: false } regex && (_secretGroups[index] < 0 || IsWholeMatchShape(regex))).ToArray();
    }

    public void FindCandidates(int pattern, ReadOnlySpan<char> text, List<SecretBounds> found)
    {
        var probe = _probes[pattern] ?? throw new ArgumentException("the pattern has no regex", nameof(pattern));
        if (_secretIsWholeMatch[pattern])
        {
            // Matched on the span: no copy of the value, and the runner keeps reusing its one match object.
            foreach (var match in probe.EnumerateMatches(text))
                found.Add(new SecretBounds(match.Index, match.Length));
            return;
        }
        var secretGroup = _secretGroups[pattern];
        var capture = _captures[pattern]!;
        if (capture.RightToLeft)
        {
            // Matches found right to left cannot be re-run from their start: the plain loop, on a copy.
            for (var match = capture.Match(TextString(text)); match.Success; match = match.NextMatch())
                found.Add(SecretOf(match, secretGroup));
            return;
        }
        // The groups need a string and a match object of their own, so the probe finds the matches on the span, and
        // the capture copy runs only where one starts: it never fails a run, so it keeps no match object (and no value).
        string? textString = null;
        foreach (var bounds in probe.EnumerateMatches(text))
        {
            textString ??= TextString(text);
            var match = capture.Match(textString, bounds.Index);
            Debug.Assert(match.Index == bounds.Index && match.Length == bounds.Length, "a regex run from where a match starts finds that match");
            found.Add(SecretOf(match, secretGroup));
        }
    }

    public void ForgetValue() => _text = null;

    /// <summary>The text as a string: the one made for an earlier pattern of the same value when there is one.</summary>
    private string TextString(ReadOnlySpan<char> text)
    {
        if (_text is null || !text.SequenceEqual(_text))
            _text = text.ToString();
        return _text;
    }

    private static SecretBounds SecretOf(Match match, int secretGroup)
    {
        var group = match.Groups[secretGroup];
        return group.Success ? new SecretBounds(group.Index, group.Length) : new SecretBounds(match.Index, match.Length);
    }

    private static bool IsWholeMatchShape(Regex regex) =>
        (regex.Options & RegexOptions.IgnorePatternWhitespace) == 0 && SecretGroupShape.IsWholeMatch(regex.ToString());

    private static Regex? OwnCopy(Regex? regex) => regex is CatalogRegex compiled ? compiled.WithOwnRunner() : regex;

    /// <summary>The probe of a pattern (tests compare it with the plain loop).</summary>
    internal Regex Probe(int pattern) => _probes[pattern]!;

    /// <summary>The capture copy of a pattern.</summary>
    internal Regex Capture(int pattern) => _captures[pattern]!;
}
