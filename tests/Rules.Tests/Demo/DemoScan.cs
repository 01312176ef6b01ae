using TenantScanner.Inventory.Loading;
using System.Globalization;
using System.Text;
using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Scanning;
using TenantScanner.Rules.Suppressions;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Views;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.Inventory;
using TenantScanner.Snapshots;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.Rules.Detectors;

namespace TenantScanner.Tests.Demo;

/// <summary>
/// Scans the committed demo tenant (samples/demo-tenant) with the default catalog, as of the snapshot's
/// collectedAt, once per test run, and renders the result as the golden text the tests compare.
/// </summary>
internal static class DemoScan
{
    private static readonly Lazy<(LoadedSnapshot Snapshot, ScanResult Result)> Scan = new(Run);

    public static LoadedSnapshot Snapshot => Scan.Value.Snapshot;

    public static ScanResult Result => Scan.Value.Result;

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Scanner.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Scanner.sln not found above " + AppContext.BaseDirectory);
    }

    public static string GoldenPath => Path.Combine(RepositoryRoot(), "tests", "Rules.Tests", "Demo", "demo-findings.golden.txt");

    /// <summary>
    /// One line per finding, <c>severity ruleId resourceType "display name" [environment] status fingerprint</c>,
    /// sorted ordinally, then one line per rule with its passed/failed/inconclusive counts, then each finding's
    /// message by fingerprint. With <paramref name="rules"/>, only those rules' lines.
    /// </summary>
    public static string Render(ScanResult result, IReadOnlySet<string>? rules = null)
    {
        if (rules is not null)
        {
            result = result with
            {
                Findings = [.. result.Findings.Where(f => rules.Contains(f.RuleId))],
                Rules = [.. result.Rules.Where(r => rules.Contains(r.Id))],
            };
        }
        var text = new StringBuilder();
        text.Append("# Findings of the demo tenant (samples/demo-tenant) with the default catalog ").Append(result.RuleCatalogVersion)
            .Append(", as of ").Append(result.AsOf.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append('\n');
        text.Append("# severity ruleId resourceType \"resource display name\" [environment] status fingerprint\n");
        var lines = result.Findings.Select(f =>
            $"{f.Severity.ToId()} {f.RuleId} {f.Resource.Type} \"{f.Resource.DisplayName}\" [{f.Resource.EnvironmentName ?? ""}] {f.Status.ToString().ToLowerInvariant()} {f.Fingerprint}");
        foreach (var line in lines.Order(StringComparer.Ordinal))
            text.Append(line).Append('\n');
        text.Append("\n# ruleId passed failed inconclusive\n");
        foreach (var rule in result.Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
            text.Append(CultureInfo.InvariantCulture, $"{rule.Id} {rule.Passed} {rule.Failed} {rule.Inconclusive}\n");
        // Messages are what an auditor reads; pinning them keeps a wording regression from slipping through.
        text.Append("\n# fingerprint message\n");
        foreach (var finding in result.Findings.OrderBy(f => f.Fingerprint, StringComparer.Ordinal))
            text.Append(finding.Fingerprint).Append(' ').Append(finding.Message).Append('\n');
        return text.ToString();
    }

    private static (LoadedSnapshot, ScanResult) Run()
    {
        var snapshot = InventoryLoader.Load(new FolderSnapshotSource(Path.Combine(RepositoryRoot(), "samples", "demo-tenant")));
        var result = ScanEngine.Run(new ScanRequest
        {
            Inventory = snapshot.Inventory,
            Catalog = RuleCatalog.LoadDefault(DetectorSet.BuiltIn),
            SecretDetector = new SecretDetector(SecretPatternCatalog.LoadDefault()),
            AsOf = snapshot.Inventory.CollectedAt,
            SnapshotSha256 = snapshot.ManifestSha256,
            Tool = new ToolVersion("rules-tests", "0"),
            ScannedAt = snapshot.Inventory.CollectedAt,
        });
        return (snapshot, result);
    }
}
