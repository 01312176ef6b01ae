using System.Text.RegularExpressions;

namespace TenantScanner.SecretScanning.Catalog;

/// <summary>
/// A catalog pattern's compiled regex, of which each scanning thread takes its own <see cref="WithOwnRunner"/> copy.
/// </summary>
/// <remarks>
/// A <see cref="Regex"/> caches one runner (the matcher's working arrays and its reusable match). When two threads
/// run the same regex at once, the one that finds the cache empty builds a new runner, and the new runner, stored
/// back into the long-lived regex, makes every young object it holds survive the next collection. On two cores that
/// happened thousands of times a pass. A copy shares the compiled code (the runner factory, the group tables), so it
/// costs a few fields, not a compilation; the source generator builds its regexes through the same protected fields.
/// </remarks>
internal sealed class CatalogRegex : Regex
{
    public CatalogRegex(string pattern, RegexOptions options, TimeSpan matchTimeout)
        : base(pattern, options, matchTimeout)
    {
    }

    private CatalogRegex(CatalogRegex compiled)
    {
        pattern = compiled.pattern;
        roptions = compiled.roptions;
        factory = compiled.factory;
        caps = compiled.caps;
        capnames = compiled.capnames;
        capslist = compiled.capslist;
        capsize = compiled.capsize;
        internalMatchTimeout = compiled.internalMatchTimeout;
    }

    /// <summary>The same regex with a runner cache of its own: one per thread, so no runner is ever built twice.</summary>
    public CatalogRegex WithOwnRunner() => new(this);
}
