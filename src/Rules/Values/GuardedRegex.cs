using System.Text.RegularExpressions;

namespace TenantScanner.Rules.Values;

/// <summary>
/// Regular expressions from rule, overlay and suppression files, run against tenant text that anyone who can
/// make a flow or an app chooses. <c>^(a+)+$</c> against forty a's and a '!' takes the backtracking engine
/// minutes, so the non-backtracking engine (time linear in the text) is used wherever the pattern allows it;
/// patterns it cannot run (backreferences, lookarounds, atomic groups) keep the backtracking engine with a
/// <see cref="Timeout"/>, and the caller turns a timeout into an undecided result for that one value.
/// </summary>
internal static class GuardedRegex
{
    /// <summary>Per match. A rule's result for the resource is then inconclusive; a suppression does not apply.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    public static Regex Create(string pattern, RegexOptions options)
    {
        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking, Timeout);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, options, Timeout);
        }
    }
}
