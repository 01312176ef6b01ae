using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Judging;

namespace TenantScanner.SecretScanning.Plain;

/// <summary>The definition of <see cref="IRegexRunner"/>: the catalog's own regex, <c>Match</c> and <c>NextMatch</c> over a string of the value.</summary>
internal sealed class PlainRegexRunner(IReadOnlyList<SecretPattern> patterns) : IRegexRunner
{
    public void FindCandidates(int pattern, ReadOnlySpan<char> text, List<SecretBounds> found)
    {
        var regex = patterns[pattern].Regex ?? throw new ArgumentException($"pattern {patterns[pattern].Id} has no regex", nameof(pattern));
        for (var match = regex.Match(text.ToString()); match.Success; match = match.NextMatch())
        {
            var secret = match.Groups["secret"];
            found.Add(secret.Success ? new SecretBounds(secret.Index, secret.Length) : new SecretBounds(match.Index, match.Length));
        }
    }

    /// <summary>Nothing is kept between calls.</summary>
    public void ForgetValue()
    {
    }
}
