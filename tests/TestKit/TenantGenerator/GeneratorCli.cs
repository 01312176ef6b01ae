using System.CommandLine;
using TenantScanner.TestKit.TenantGenerator.Demo;
using TenantScanner.TestKit.TenantGenerator.Synthetic;

namespace TenantScanner.TestKit.TenantGenerator;

/// <summary>
/// <c>demo --out DIR</c> writes the Contoso Pharma demo snapshot (plus its planted-secrets and
/// expected-outcome files beside the folder); <c>synthetic …</c> streams a large tenant for benchmarks.
/// </summary>
internal static class GeneratorCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Writes tenant snapshots (docs/snapshot-format.md) for the demo and for benchmarks.");
        root.Subcommands.Add(DemoCommand(output, error));
        root.Subcommands.Add(SyntheticCommand(output, error));
        var parse = root.Parse(args);
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static Command DemoCommand(TextWriter output, TextWriter error)
    {
        var outOption = new Option<string>("--out") { Description = "Snapshot folder to write (e.g. samples/demo-tenant)", Required = true };
        var command = new Command("demo", "Write the Contoso Pharma demo tenant.") { outOption };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(outOption)!;
            if (!PrepareFolder(folder, error))
                return BadInput;
            DemoWriteResult written;
            try
            {
                written = DemoWriter.Write(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or TenantScanner.Snapshots.SnapshotOutputException)
            {
                error.WriteLine($"error: cannot write the demo to '{folder}': {ex.Message}");
                return Failure;
            }
            output.WriteLine($"Wrote the demo tenant to {folder}: {written.Summary.Files} files, {written.Summary.Bytes:N0} bytes, " +
                $"{written.Summary.ServicePrincipals} service principals, {written.Summary.Users} users, {written.Summary.Flows} flows.");
            output.WriteLine($"Planted secrets: {written.PlantedSecretsFile}; expected outcomes: {written.ExpectationsFile}");
            return Success;
        });
        return command;
    }

    private static Command SyntheticCommand(TextWriter output, TextWriter error)
    {
        var outOption = new Option<string>("--out") { Description = "Snapshot folder to write", Required = true };
        var sps = new Option<int>("--service-principals") { Description = "Service principals (default 100000)", DefaultValueFactory = _ => 100_000 };
        var flows = new Option<int>("--flows") { Description = "Flows across all environments (default 20000)", DefaultValueFactory = _ => 20_000 };
        var users = new Option<int>("--users") { Description = "Users (default 50000)", DefaultValueFactory = _ => 50_000 };
        var environments = new Option<int>("--environments") { Description = "Power Platform environments, the first is Default (default 20)", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Seed; the same seed and sizes always give the same bytes (default 20261127)", DefaultValueFactory = _ => 20261127 };
        var command = new Command("synthetic", "Write a large synthetic tenant for benchmarks.") { outOption, sps, flows, users, environments, seed };
        command.SetAction(parse =>
        {
            var options = new SyntheticOptions
            {
                ServicePrincipals = parse.GetValue(sps),
                Flows = parse.GetValue(flows),
                Users = parse.GetValue(users),
                Environments = parse.GetValue(environments),
                Seed = parse.GetValue(seed),
            };
            if (options.Validate() is { } problem)
            {
                error.WriteLine($"error: {problem}");
                return BadInput;
            }
            var folder = parse.GetValue(outOption)!;
            if (!PrepareFolder(folder, error))
                return BadInput;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            Output.SnapshotSummary summary;
            try
            {
                summary = SyntheticTenantWriter.Write(options, folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or TenantScanner.Snapshots.SnapshotOutputException)
            {
                error.WriteLine($"error: cannot write the synthetic tenant to '{folder}': {ex.Message}");
                return Failure;
            }
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            output.WriteLine($"Wrote a synthetic tenant to {folder} in {elapsed.TotalSeconds:F1} s: {summary.Files:N0} files, {summary.Bytes / 1024.0 / 1024.0:F1} MiB, " +
                $"{summary.ServicePrincipals:N0} service principals, {summary.Users:N0} users, {summary.Flows:N0} flows.");
            return Success;
        });
        return command;
    }

    /// <summary>
    /// The output folder must be absent, empty or an earlier snapshot (has manifest.json), which is
    /// removed: the snapshot writer creates the folder itself, by renaming its finished partial folder.
    /// Any other folder is refused rather than overwritten.
    /// </summary>
    private static bool PrepareFolder(string folder, TextWriter error)
    {
        if (File.Exists(folder))
        {
            error.WriteLine($"error: --out '{folder}' is a file, not a folder.");
            return false;
        }
        if (!Directory.Exists(folder))
            return true;
        if (Directory.EnumerateFileSystemEntries(folder).Any() && !File.Exists(Path.Combine(folder, TenantScanner.Snapshots.SnapshotManifest.FileName)))
        {
            error.WriteLine($"error: --out '{folder}' is not empty and holds no snapshot (manifest.json); refusing to overwrite it.");
            return false;
        }
        Directory.Delete(folder, recursive: true);
        return true;
    }
}
