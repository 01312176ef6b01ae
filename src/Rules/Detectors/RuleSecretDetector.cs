using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Catalog;

namespace TenantScanner.Rules.Detectors;

/// <summary>
/// The secret detector the secret rules share (FLOW004, CRED006, CRED007): the built-in catalog, built once.
/// Tests can put another in its place to make a regex time out, which the built-in patterns never do; the
/// replacement holds for the calling flow only (an <see cref="AsyncLocal{T}"/>), so tests running in parallel
/// keep the built-in detector.
/// </summary>
internal static class RuleSecretDetector
{
    private static readonly Lazy<SecretDetector> BuiltIn = new(() => new SecretDetector(SecretPatternCatalog.LoadDefault()));
    private static readonly AsyncLocal<SecretDetector?> Replacement = new();

    public static SecretDetector Current => Replacement.Value ?? BuiltIn.Value;

    /// <summary>Uses <paramref name="detector"/> in this flow until the result is disposed.</summary>
    public static IDisposable Replace(SecretDetector detector)
    {
        var previous = Replacement.Value;
        Replacement.Value = detector;
        return new Restore(previous);
    }

    private sealed class Restore(SecretDetector? previous) : IDisposable
    {
        public void Dispose() => Replacement.Value = previous;
    }
}
