using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.SecretScanning.Plain;

/// <summary><see cref="SecretScanningEngine.Plain"/>: every part done the obvious way, as the oracle for the accelerated engine.</summary>
internal sealed class PlainEngine : SecretScanningEngine
{
    public override IKeywordFinder CreateKeywordFinder(IReadOnlyList<SecretPattern> patterns) => new PlainKeywordFinder(patterns);

    public override IContextKeyMatcher CreateContextKeyMatcher(IReadOnlyList<SecretPattern> patterns) => new PlainContextKeyMatcher(patterns);

    public override IRegexRunner CreateRegexRunner(IReadOnlyList<SecretPattern> patterns) => new PlainRegexRunner(patterns);

    public override IUtf8KeyedCache<T> CreateUtf8KeyedCache<T>(int slotBits) => new NoUtf8KeyedCache<T>();
}
