using System.CommandLine;
using System.Globalization;
using TenantScanner.Cli.Collect;
using TenantScanner.Cli.Output;
using TenantScanner.Cli.Reports;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Commands;

/// <summary>
/// <c>scanner scan</c>: load a snapshot (demo, folder or live), evaluate the rules, write reports. With
/// <c>--tenant</c> it first collects the live tenant into a snapshot folder that is kept next to the reports.
/// </summary>
public sealed class ScanCommand : ICliCommand
{
    private readonly CollectRuntime? _runtime;
    private readonly TenantArguments _tenant = new();

    public ScanCommand() { }

    /// <summary>For tests: a fixed credential, clock or environment for the live path.</summary>
    internal ScanCommand(CollectRuntime? runtime) => _runtime = runtime;

    private readonly Option<string?> _snapshotOut = new("--snapshot-out") { Description = "With --tenant: where to keep the collected snapshot (must not exist). Default: <out>/snapshot." };
    private readonly Option<bool> _demo = new("--demo") { Description = "Scan the demo tenant embedded in the scanner (no tenant or files needed)." };
    private readonly Option<DirectoryInfo?> _snapshot = new("--snapshot") { Description = "Scan an offline snapshot folder (see docs/snapshot-format.md)." };
    private readonly Option<string?> _out = new("--out") { Description = "Output folder. Default: reports/<tenant>-<UTC timestamp>/." };
    private readonly Option<FileInfo[]> _rules = new("--rules") { Description = "A rules file overlaid on the shipped catalog: change severity, disable, set parameters, add rules. Repeat to apply several, in order." };
    private readonly Option<FileInfo?> _suppressions = new("--suppressions") { Description = "Accepted risks: rule id + resource + justification (+ optional expiry)." };
    private readonly Option<FileInfo?> _patterns = new("--patterns") { Description = "Judge secrets (FLOW004, CRED006, CRED007) with this detector catalog instead of the built-in secret-patterns.yaml." };
    private readonly Option<string?> _asOf = new("--as-of") { Description = "Evaluate expiry and age rules as of this UTC date/time instead of when the snapshot was collected." };
    private readonly Option<string> _failOn = new("--fail-on") { Description = "Exit with code 1 when open findings at or above this severity exist: info, low, medium, high, critical or none.", DefaultValueFactory = _ => "none" };
    private readonly Option<string> _format = new("--format") { Description = "Comma-separated report formats.", DefaultValueFactory = _ => string.Join(',', ReportWriters.All.Select(w => w.Format)) };
    private readonly Option<FileInfo?> _previous = new("--previous") { Description = "An older scan.json of the same tenant, for the 'what changed' section of the reports." };

    public Command Build()
    {
        var command = new Command("scan", "Scan a live tenant, a tenant snapshot or the embedded demo tenant and write scan.json, findings.csv and report.pdf.")
        {
            _demo, _snapshot, _out, _rules, _suppressions, _patterns, _asOf, _failOn, _format, _previous, _snapshotOut,
        };
        foreach (var option in _tenant.All)
            command.Options.Add(option);
        // Unknown tokens reach the action, so a secret typed as an unknown option is refused without being echoed.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellation) =>
        {
            var console = new CliConsole(parse.InvocationConfiguration);
            if (TenantArguments.Refusal(parse, "scan") is { } refusal)
            {
                console.Fail(refusal);
                return ExitCodes.BadInput;
            }
            if (!TryParse(parse, console, out var options))
                return ExitCodes.BadInput;
            var time = _runtime?.Time ?? TimeProvider.System;
            if (!_tenant.IsGiven(parse))
                return new ScanRunner(console, time).Run(options, cancellation);
            return await ScanLiveAsync(parse, console, options, time, cancellation);
        });
        return command;
    }

    /// <summary>Collects the tenant into the snapshot folder, then scans that folder. A collection that could not start (sign-in, configuration) ends here.</summary>
    private async Task<int> ScanLiveAsync(ParseResult parse, CliConsole console, ScanOptions options, TimeProvider time, CancellationToken cancellation)
    {
        CollectOptions collect;
        try
        {
            var outFolder = options.OutputFolder ?? LiveOutputFolder(_tenant.TenantName(parse), time);
            var snapshotFolder = parse.GetValue(_snapshotOut) ?? Path.Combine(outFolder, "snapshot");
            collect = _tenant.Build(parse, snapshotFolder, _runtime?.Environment ?? Environment.GetEnvironmentVariable);
            options = options with { OutputFolder = outFolder };
        }
        catch (CollectConfigurationException ex)
        {
            console.Fail(ex.Message);
            return ExitCodes.BadInput;
        }
        var runner = new ScanRunner(console, time);
        if (!runner.TryLoadConfiguration(options, out var configuration))
            return ExitCodes.BadInput;
        var collected = await CollectRun.RunAsync(collect, console.Out, console.Error, _runtime, cancellation);
        if (collected.Result is not { } result)
            return collected.ExitCode;
        options = options with { SnapshotFolder = result.SnapshotFolder };
        return runner.Run(new TenantScanner.Snapshots.FolderSnapshotSource(result.SnapshotFolder), options, configuration, cancellation);
    }

    /// <summary>reports/&lt;tenant&gt;-&lt;UTC timestamp&gt;, fixed before collection because the snapshot goes inside it.</summary>
    private static string LiveOutputFolder(string? tenant, TimeProvider time)
    {
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return Path.Combine("reports", $"{FileNames.Slug(tenant ?? "tenant")}-{stamp}");
    }

    private bool TryParse(ParseResult parse, CliConsole console, out ScanOptions options)
    {
        options = null!;
        var demo = parse.GetValue(_demo);
        var snapshot = parse.GetValue(_snapshot);
        var live = _tenant.IsGiven(parse);
        if ((demo ? 1 : 0) + (snapshot is null ? 0 : 1) + (live ? 1 : 0) != 1)
            return console.Fail("scan: give exactly one of --demo, --snapshot DIR or --tenant TENANT (the tenant may also come from --config FILE).");
        if (!live && parse.GetValue(_snapshotOut) is not null)
            return console.Fail("--snapshot-out: only with --tenant (it is where the collected snapshot is kept).");
        if (!live && (parse.GetValue(_tenant.Environments) ?? parse.GetValue(_tenant.KeyVaults) ?? parse.GetValue(_tenant.Auth) ?? parse.GetValue(_tenant.DeadlineMinutes)) is not null)
            return console.Fail("--environments, --key-vaults, --auth and --deadline-minutes apply only to a live scan (--tenant).");

        DateTimeOffset? asOf = null;
        if (parse.GetValue(_asOf) is { } asOfText)
        {
            if (!DateTimeOffset.TryParse(asOfText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                return console.Fail($"--as-of: '{asOfText}' is not a date or date-time (use e.g. 2026-11-27 or 2026-11-27T02:00:00Z).");
            asOf = parsed;
        }

        Severity? failOn = null;
        var failOnText = parse.GetValue(_failOn)!;
        if (!string.Equals(failOnText, "none", StringComparison.OrdinalIgnoreCase))
        {
            if (!SeverityNames.TryParse(failOnText, out var severity))
                return console.Fail($"--fail-on: '{failOnText}' is not one of info, low, medium, high, critical, none.");
            failOn = severity;
        }

        var formats = parse.GetValue(_format)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = formats.Where(f => ReportWriters.Find(f) is null).ToList();
        if (unknown.Count > 0 || formats.Length == 0)
            return console.Fail($"--format: unknown format '{string.Join(", ", unknown)}'; valid formats: {string.Join(", ", ReportWriters.All.Select(w => w.Format))}.");

        var overlays = parse.GetValue(_rules) ?? [];
        foreach (var file in overlays.Append(parse.GetValue(_suppressions)).Append(parse.GetValue(_patterns)).Append(parse.GetValue(_previous)))
        {
            if (file is not null && !file.Exists)
                return console.Fail($"{file.FullName}: file not found.");
        }
        if (snapshot is not null && !snapshot.Exists)
            return console.Fail($"--snapshot: folder '{snapshot.FullName}' not found.");
        // Checked before the scan (or an hour of collection) starts; a folder that cannot be written fails when written.
        if (parse.GetValue(_out) is { } outFolder && OutputFolder.Problem(outFolder) is { } outProblem)
            return console.Fail($"--out: {outProblem}; give a folder for the reports.");

        options = new ScanOptions
        {
            Demo = demo,
            SnapshotFolder = snapshot?.FullName,
            OutputFolder = parse.GetValue(_out),
            RulesOverlayFiles = [.. overlays.Select(f => f.FullName)],
            SuppressionsFile = parse.GetValue(_suppressions)?.FullName,
            PatternsFile = parse.GetValue(_patterns)?.FullName,
            AsOf = asOf,
            FailOn = failOn,
            Formats = formats,
            PreviousResultFile = parse.GetValue(_previous)?.FullName,
        };
        return true;
    }
}
