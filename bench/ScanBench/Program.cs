using TenantScanner.Inventory.Loading;
using System.Diagnostics;
using System.Runtime.CompilerServices;
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

// Measures what a 3 a.m. pipeline pays for a large tenant: loading a snapshot into the inventory and
// evaluating the whole rule catalog, with peak memory. Usage:
//   dotnet run -c Release --project bench/ScanBench -- <snapshot-folder> [repetitions] [--per-rule]
// --per-rule then times each rule alone, in catalog order, on one fresh inventory: per-flow analyses (secret
// detection) are cached per inventory, so the first rule that needs a flow definition pays for reading it.
var perRule = args.Contains("--per-rule");
args = [.. args.Where(a => a != "--per-rule")];
if (args.Length is < 1 or > 2 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: scan-bench <snapshot-folder> [repetitions] [--per-rule]");
    return 2;
}
var folder = args[0];
var repetitions = args.Length == 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
var rawBytes = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
var catalog = RuleCatalog.LoadDefault(DetectorSet.BuiltIn);
var secrets = new SecretDetector(SecretPatternCatalog.LoadDefault());

Console.WriteLine($"snapshot: {folder} ({rawBytes / 1048576.0:F1} MiB raw), {catalog.Rules.Count} rules, {Environment.ProcessorCount} cores");
Console.WriteLine("run | load s (CPU s) | evaluate s (CPU s) | flows | service principals | findings | managed heap after load MiB | peak working set after load MiB | peak working set MiB");
for (var run = 1; run <= repetitions; run++)
    Console.WriteLine(BenchRun.Measure(run, folder, catalog, secrets));
if (perRule)
    BenchRun.PerRule(folder, catalog, secrets);
return 0;

internal static class BenchRun
{
    /// <summary>
    /// Times each rule alone, in catalog order, on one fresh inventory. Per-flow analyses (secret detection) are
    /// cached per scan, so every rule that needs a flow definition pays for reading it.
    /// </summary>
    public static void PerRule(string folder, RuleCatalog catalog, SecretDetector secrets)
    {
        var fresh = InventoryLoader.Load(new FolderSnapshotSource(folder));
        Console.WriteLine("rule | evaluate s | findings");
        foreach (var rule in catalog.Rules)
        {
            var others = string.Join("\n", catalog.Rules.Where(r => r.Id != rule.Id).Select(r => $"  - {{ id: {r.Id}, enabled: false }}"));
            var single = catalog.WithOverlayText("per-rule", "rules:\n" + others + "\n");
            var timer = Stopwatch.StartNew();
            var alone = ScanEngine.Run(new ScanRequest
            {
                Inventory = fresh.Inventory, Catalog = single, SecretDetector = secrets, Suppressions = SuppressionSet.Empty, AsOf = fresh.Inventory.CollectedAt,
                SnapshotSha256 = fresh.ManifestSha256, Tool = new ToolVersion("scan-bench", "0"), ScannedAt = fresh.Inventory.CollectedAt,
            });
            timer.Stop();
            Console.WriteLine($"{rule.Id} | {timer.Elapsed.TotalSeconds:F2} | {alone.Findings.Count}");
        }
    }

    /// <summary>
    /// One repetition in its own frame: the Main loop's locals would otherwise keep the previous run's
    /// inventory reachable (the JIT reports untracked locals as live), doubling the heap of later runs.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string Measure(int run, string folder, RuleCatalog catalog, SecretDetector secrets)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        // CPU time next to wall time: the bench machine is shared, and CPU seconds suffer less from that.
        var process = Process.GetCurrentProcess();
        var cpuBeforeLoad = process.TotalProcessorTime;
        var load = Stopwatch.StartNew();
        var snapshot = InventoryLoader.Load(new FolderSnapshotSource(folder));
        load.Stop();
        process.Refresh();
        var loadCpu = process.TotalProcessorTime - cpuBeforeLoad;
        // Only meaningful for the first run: the peak is process-wide and never goes down.
        var peakAfterLoad = process.PeakWorkingSet64;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heapAfterLoad = GC.GetTotalMemory(forceFullCollection: false);

        process.Refresh();
        var cpuBeforeEvaluate = process.TotalProcessorTime;
        var evaluate = Stopwatch.StartNew();
        var result = ScanEngine.Run(new ScanRequest
        {
            Inventory = snapshot.Inventory,
            Catalog = catalog,
            SecretDetector = secrets,
            Suppressions = SuppressionSet.Empty,
            AsOf = snapshot.Inventory.CollectedAt,
            SnapshotSha256 = snapshot.ManifestSha256,
            Tool = new ToolVersion("scan-bench", "0"),
            ScannedAt = snapshot.Inventory.CollectedAt,
        });
        evaluate.Stop();
        process.Refresh();
        var evaluateCpu = process.TotalProcessorTime - cpuBeforeEvaluate;

        process.Refresh();
        var peak = process.PeakWorkingSet64;
        return $"{run} | {load.Elapsed.TotalSeconds:F2} ({loadCpu.TotalSeconds:F2}) | {evaluate.Elapsed.TotalSeconds:F2} ({evaluateCpu.TotalSeconds:F2}) | {snapshot.Inventory.Flows.Count} | {snapshot.Inventory.ServicePrincipals.Count} | {result.Findings.Count} | {heapAfterLoad / 1048576.0:F0} | {peakAfterLoad / 1048576.0:F0} | {peak / 1048576.0:F0}";
    }
}
