using TenantScanner.Rules.Facts;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.FlowDefinitions;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.Tests.RuleFixtures;

/// <summary>
/// A detector whose regex gives up on one kind of text, for unjudged values in the library and the rules'
/// inconclusive results: the built-in catalog finishes judging any input, so the secret rules are run with
/// this one in its place (<c>RuleRun.For(..., secrets: TimingOutDetector.Detector)</c>).
/// </summary>
internal static class TimingOutDetector
{
    // A nested quantifier the regex engine cannot simplify: exponential backtracking on words ending with '!'.
    // The keyword is one no text of the test tenant holds, so only the planted value times out.
    private const string Yaml = """
        version: 1
        patterns:
          - id: backtracking
            secretType: Slow
            keywords: ["slowpoke"]
            regex: '(\w+\s?)*$'
            confidence: high
          - id: acme-token
            secretType: AcmeToken
            keywords: ["acme_"]
            regex: 'acme_[a-z0-9]{20}'
            confidence: high
        """;

    /// <summary>Text the <c>backtracking</c> detector times out on.</summary>
    public const string Text = "slowpoke slowpoke slowpoke slowpoke slowpoke slowpoke slowpoke slowpoke slowpoke slowpoke slowpoke slowpoke slowpoke slowpoke slowpoke slowpoke slowpoke slowpoke slowpoke slowpoke!";

    /// <summary>A secret the <c>acme-token</c> detector finds. Fake.</summary>
    public const string Token = "acme_k3j5h7g2f4d6s3a2q4w6";

    /// <summary>The detector, for tests of the library and for scans (<see cref="ScanRequest.SecretDetector"/>).</summary>
    public static readonly SecretDetector Detector = new(SecretPatternCatalog.Parse(Yaml, "timing-out.yaml", TimeSpan.FromMilliseconds(20)));
}
