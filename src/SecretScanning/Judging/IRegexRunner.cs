namespace TenantScanner.SecretScanning.Judging;

/// <summary>Where in a value one candidate secret lies.</summary>
internal readonly record struct SecretBounds(int Start, int Length);

/// <summary>
/// Runs the catalog's regexes for one thread (a thread's <see cref="JudgeWorkspace"/> holds one; not thread-safe).
/// The candidate of a match is its <c>secret</c> group where that group took part in the match, else the whole match.
/// </summary>
/// <remarks>
/// The plain implementation (<see cref="Plain.PlainRegexRunner"/>) is the <c>Match</c>/<c>NextMatch</c> loop over a
/// string of the value; the accelerated one (<see cref="Acceleration.SpanRegexRunner"/>) matches on the span with
/// regex copies of its own and captures groups only where a match starts. Both must give the same bounds in the same order.
/// </remarks>
internal interface IRegexRunner
{
    /// <summary>Adds to <paramref name="found"/>, in order, the candidate of every match of the pattern's regex in <paramref name="text"/>.</summary>
    /// <param name="pattern">Index in the catalog of a pattern that has a regex.</param>
    /// <exception cref="System.Text.RegularExpressions.RegexMatchTimeoutException">The regex ran out of time; the candidates found before stay in <paramref name="found"/>.</exception>
    void FindCandidates(int pattern, ReadOnlySpan<char> text, List<SecretBounds> found);

    /// <summary>Drops whatever the runner kept of the value it last ran on: runners outlive values, which may be secrets.</summary>
    void ForgetValue();
}
