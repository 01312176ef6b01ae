using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.SecretScanning.Acceleration;

/// <summary><see cref="SecretScanningEngine.Accelerated"/>: what detectors use unless a test asks for the plain engine.</summary>
internal sealed class AcceleratedEngine : SecretScanningEngine
{
    public override IKeywordFinder CreateKeywordFinder(IReadOnlyList<SecretPattern> patterns) => new SimdKeywordFinder(patterns);

    public override IContextKeyMatcher CreateContextKeyMatcher(IReadOnlyList<SecretPattern> patterns) => new CachedContextKeyMatcher(patterns);

    public override IRegexRunner CreateRegexRunner(IReadOnlyList<SecretPattern> patterns) => new SpanRegexRunner(patterns);

    public override IUtf8KeyedCache<T> CreateUtf8KeyedCache<T>(int slotBits) => new Utf8KeyedCache<T>(slotBits);
}
