namespace TenantScanner.SecretScanning.Judging;

/// <summary>
/// Which patterns a value's keywords make worth running. A pattern applies by keyword to a text when one of its
/// <see cref="Catalog.SecretPattern.Keywords"/> occurs in it (ignoring case when the pattern says so) and so does
/// each of its <see cref="Catalog.SecretPattern.AlsoRequires"/> literals (ordinal). Thread-safe.
/// </summary>
/// <remarks>
/// The plain implementation (<see cref="Plain.PlainKeywordFinder"/>) says this with one <c>Contains</c> per
/// keyword; the accelerated one (<see cref="Acceleration.SimdKeywordFinder"/>) searches all keywords at once and can
/// answer from a string's raw UTF-8 bytes. Both must mark exactly the same patterns.
/// </remarks>
internal interface IKeywordFinder
{
    /// <summary>Sets <paramref name="patternHits"/>[i] (indexed like the catalog) for every pattern that applies by keyword to <paramref name="text"/>, and clears the others.</summary>
    /// <returns>True when at least one pattern applies.</returns>
    bool MarkPatterns(ReadOnlySpan<char> text, Span<bool> patternHits);

    /// <summary>
    /// Whether <see cref="MarkPatternsInUtf8"/> may be called. When it may, the walker decides most strings from
    /// their raw bytes without decoding them; when not, every string is decoded first.
    /// </summary>
    bool CanMarkFromUtf8 { get; }

    /// <summary>
    /// <see cref="MarkPatterns(ReadOnlySpan{char}, Span{bool})"/> for a JSON string without escapes, from its raw
    /// bytes: the first <paramref name="length"/> bytes of <paramref name="utf8"/> are the string, those after it (the
    /// rest of its document) may be read but are not part of it.
    /// </summary>
    /// <exception cref="NotSupportedException"><see cref="CanMarkFromUtf8"/> is false.</exception>
    bool MarkPatternsInUtf8(ReadOnlySpan<byte> utf8, int length, Span<bool> patternHits);
}
