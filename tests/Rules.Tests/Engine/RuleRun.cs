using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Scanning;
using TenantScanner.Rules.Suppressions;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Views;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.Inventory;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.Rules.Detectors;

namespace TenantScanner.Tests.Engine;

/// <summary>Runs the shipped catalog (optionally with an overlay) and picks out one rule's results.</summary>
internal static class RuleRun
{
    private static readonly Lazy<RuleCatalog> Default = new(() => RuleCatalog.LoadDefault(DetectorSet.BuiltIn));
    private static readonly Lazy<SecretDetector> BuiltInSecrets = new(() => new SecretDetector(SecretPatternCatalog.LoadDefault()));

    public static RuleCatalog Catalog => Default.Value;

    /// <summary>The detector of the shipped secret-patterns.yaml, shared by the tests (it is thread-safe).</summary>
    public static SecretDetector Secrets => BuiltInSecrets.Value;

    /// <param name="secrets">The secret detector the scan uses; the built-in one when null.</param>
    public static ScanResult Scan(TenantInventory inventory, RuleCatalog? catalog = null, SuppressionSet? suppressions = null,
        DateTimeOffset? asOf = null, SecretDetector? secrets = null) => ScanEngine.Run(new ScanRequest
        {
            Inventory = inventory,
            Catalog = catalog ?? Catalog,
            SecretDetector = secrets ?? Secrets,
            Suppressions = suppressions ?? SuppressionSet.Empty,
            AsOf = asOf ?? TestTenant.AsOf,
            SnapshotSha256 = new string('0', 64),
            Tool = new ToolVersion("scanner", "0.1.0-test"),
            ScannedAt = TestTenant.AsOf.AddHours(1),
        });

    public static RuleResults For(string ruleId, TestTenant tenant, RuleCatalog? catalog = null, SecretDetector? secrets = null) =>
        For(ruleId, Scan(tenant.Build(), catalog, secrets: secrets));

    public static RuleResults For(string ruleId, ScanResult result) => new(
        result.Rules.Single(r => r.Id == ruleId),
        result.Findings.Where(f => f.RuleId == ruleId).ToList(),
        result.Inconclusive.Where(i => i.RuleId == ruleId).ToList());
}

internal sealed record RuleResults(RuleSummary Summary, IReadOnlyList<Finding> Findings, IReadOnlyList<InconclusiveResult> Inconclusive)
{
    public Finding SingleFinding => Assert.Single(Findings);
    public InconclusiveResult SingleInconclusive => Assert.Single(Inconclusive);

    /// <summary>Passes on the known-good tenant: at least one resource passed and nothing failed or was undecided.</summary>
    public void AssertPassed()
    {
        Assert.Empty(Findings);
        Assert.Empty(Inconclusive);
        Assert.True(Summary.Passed > 0, $"{Summary.Id} evaluated no resource, so a pass proves nothing");
    }
}
