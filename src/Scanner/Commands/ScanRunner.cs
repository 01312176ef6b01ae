using TenantScanner.Inventory.Loading;
using TenantScanner.Cli.Output;
using TenantScanner.Cli.Reports;
using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Scanning;
using TenantScanner.Rules.Suppressions;
using TenantScanner.Rules.Findings;
using TenantScanner.Inventory;
using TenantScanner.Snapshots;
using TenantScanner.Rules.Yaml;
using TenantScanner.SecretScanning;
using TenantScanner.Rules.Detectors;

namespace TenantScanner.Cli.Commands;

/// <summary>Runs one scan from parsed options: load, evaluate, write reports, summarise, choose the exit code.</summary>
public sealed class ScanRunner(CliConsole console, TimeProvider time)
{
    public int Run(ScanOptions options, CancellationToken cancellation)
    {
        try
        {
            var source = options.Demo ? DemoTenant.Source : new FolderSnapshotSource(options.SnapshotFolder!);
            return Run(source, options, cancellation);
        }
        catch (SnapshotFormatException ex)
        {
            console.Fail($"snapshot {ex.Message}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>Scans an already chosen snapshot source (the live path hands in the folder it just collected).</summary>
    public int Run(ISnapshotSource source, ScanOptions options, CancellationToken cancellation) =>
        TryLoadConfiguration(options, out var configuration) ? Run(source, options, configuration, cancellation) : ExitCodes.BadInput;

    /// <summary>
    /// Reads the rule overlays, suppressions, secret patterns and previous result, reporting the first problem. The
    /// live path calls this before collecting, so a typo in an overlay fails in a second, not after an hour of collection.
    /// </summary>
    public bool TryLoadConfiguration(ScanOptions options, out ScanConfiguration configuration)
    {
        configuration = null!;
        try
        {
            var catalog = RuleCatalog.LoadDefault(DetectorSet.BuiltIn);
            foreach (var overlay in options.RulesOverlayFiles)
                catalog = catalog.WithOverlayFile(overlay);
            var suppressions = options.SuppressionsFile is { } file ? RuleFiles.LoadSuppressions(file) : SuppressionSet.Empty;
            suppressions.CheckRuleIds(catalog);
            var previous = options.PreviousResultFile is { } previousFile ? ScanResultFile.Load(previousFile, "--previous") : null;
            if (!SecretPatternFiles.TryLoad(options.PatternsFile, out var patterns, out var patternsError))
                return console.Fail(patternsError);
            var secrets = new SecretDetector(patterns);
            configuration = new ScanConfiguration(catalog, suppressions, secrets, previous);
            return true;
        }
        catch (RuleFileException ex)
        {
            return console.Fail(ex.Message);
        }
        catch (ScanResultFileException ex)
        {
            return console.Fail(ex.Message);
        }
    }

    public int Run(ISnapshotSource source, ScanOptions options, ScanConfiguration configuration, CancellationToken cancellation)
    {
        try
        {
            var snapshot = InventoryLoader.Load(source, cancellation);
            var result = ScanEngine.Run(new ScanRequest
            {
                Inventory = snapshot.Inventory,
                Catalog = configuration.Catalog,
                SecretDetector = configuration.SecretDetector,
                Suppressions = configuration.Suppressions,
                AsOf = options.AsOf ?? snapshot.Inventory.CollectedAt,
                SnapshotSha256 = snapshot.ManifestSha256,
                Tool = new ToolVersion(ToolIdentity.Name, ToolIdentity.Version),
                ScannedAt = time.GetUtcNow(),
            });

            var folder = options.OutputFolder ?? DefaultOutputFolder(result);
            var context = new ReportContext(configuration.Previous);
            var written = OutputFolder.Write(folder, options.OutputFolder is null ? "output folder" : "--out", () => options.Formats
                .SelectMany(format => ReportWriters.Find(format)!.Write(result, context, folder))
                .ToList());

            ConsoleSummary.Write(console.Out, result, written);
            return ExitCodeFor(result, options.FailOn);
        }
        catch (SnapshotFormatException ex)
        {
            console.Fail($"snapshot {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (OutputFolderException ex)
        {
            console.Fail(ex.Message);
            return ExitCodes.BadInput;
        }
    }

    /// <summary>Findings over the threshold win over an incomplete scan: both are non-zero, the first is what pipelines gate on.</summary>
    public static int ExitCodeFor(ScanResult result, Severity? failOn)
    {
        if (failOn is { } threshold && result.Findings.Any(f => f.Status == FindingStatus.Open && f.Severity >= threshold))
            return ExitCodes.FindingsAtOrAboveThreshold;
        return result.Incomplete ? ExitCodes.Incomplete : ExitCodes.Success;
    }

    private static string DefaultOutputFolder(ScanResult result)
    {
        var tenant = FileNames.Slug(result.Tenant.DisplayName ?? result.Tenant.Id);
        var stamp = result.ScannedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return Path.Combine("reports", $"{tenant}-{stamp}");
    }
}

/// <summary>
/// What a scan reads besides the snapshot: the effective rule catalog, accepted risks, the secret detector
/// (built from the secret pattern catalog) and an older result.
/// </summary>
public sealed record ScanConfiguration(RuleCatalog Catalog, SuppressionSet Suppressions, SecretDetector SecretDetector, ScanResult? Previous);
