using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.SecretScanning;

/// <summary>
/// The implementations of the parts of detection that exist for speed: finding keywords, running regexes, matching
/// context keys and remembering property names. What is a secret is decided in <c>Judging/</c> and the walk in
/// <c>Walking/</c>, through these interfaces, the same way whichever engine a <see cref="SecretDetector"/> uses.
/// </summary>
/// <remarks>
/// <see cref="Accelerated"/> (<c>Acceleration/</c>) is what detectors use. <see cref="Plain"/> (<c>Plain/</c>) does
/// the same work the obvious way; it is the test oracle: on the generated corpus both must report identical hits.
/// </remarks>
internal abstract class SecretScanningEngine
{
    /// <summary>Vectorised keyword search, regexes matched on spans with a runner per thread, caches: the default.</summary>
    public static SecretScanningEngine Accelerated { get; } = new Acceleration.AcceleratedEngine();

    /// <summary>One <c>Contains</c> per keyword, the plain <c>Match</c> loop, context keys one by one, no caches.</summary>
    public static SecretScanningEngine Plain { get; } = new Plain.PlainEngine();

    /// <summary>Shared by every thread of a detector.</summary>
    public abstract IKeywordFinder CreateKeywordFinder(IReadOnlyList<SecretPattern> patterns);

    /// <summary>Shared by every thread of a detector.</summary>
    public abstract IContextKeyMatcher CreateContextKeyMatcher(IReadOnlyList<SecretPattern> patterns);

    /// <summary>One per thread.</summary>
    public abstract IRegexRunner CreateRegexRunner(IReadOnlyList<SecretPattern> patterns);

    /// <summary>One per walker (so per thread).</summary>
    /// <param name="slotBits">A hint at the size: up to 2^<paramref name="slotBits"/> keys are kept.</param>
    public abstract IUtf8KeyedCache<T> CreateUtf8KeyedCache<T>(int slotBits) where T : class;
}
