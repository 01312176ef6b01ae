using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Judging;

namespace TenantScanner.SecretScanning.Plain;

/// <summary>The definition of <see cref="IKeywordFinder"/>, pattern by pattern and keyword by keyword.</summary>
internal sealed class PlainKeywordFinder(IReadOnlyList<SecretPattern> patterns) : IKeywordFinder
{
    public bool MarkPatterns(ReadOnlySpan<char> text, Span<bool> patternHits)
    {
        var any = false;
        for (var index = 0; index < patterns.Count; index++)
        {
            patternHits[index] = AppliesByKeyword(patterns[index], text);
            any |= patternHits[index];
        }
        return any;
    }

    /// <summary>Every string is decoded and then marked as text.</summary>
    public bool CanMarkFromUtf8 => false;

    public bool MarkPatternsInUtf8(ReadOnlySpan<byte> utf8, int length, Span<bool> patternHits) =>
        throw new NotSupportedException("The plain keyword finder marks decoded text only.");

    private static bool AppliesByKeyword(SecretPattern pattern, ReadOnlySpan<char> text)
    {
        var comparison = pattern.KeywordsIgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var keywordFound = false;
        foreach (var keyword in pattern.Keywords)
            keywordFound |= text.Contains(keyword, comparison);
        if (!keywordFound)
            return false;
        foreach (var literal in pattern.AlsoRequires)
        {
            if (!text.Contains(literal, StringComparison.Ordinal))
                return false;
        }
        return true;
    }
}
