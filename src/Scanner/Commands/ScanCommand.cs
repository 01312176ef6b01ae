using System.CommandLine;
using System.Globalization;
using TenantScanner.Cli.Output;
using TenantScanner.Cli.Reports;
using TenantScanner.Findings;

namespace TenantScanner.Cli.Commands;

/// <summary><c>scanner scan</c>: load a snapshot (demo, folder or live), evaluate the rules, write reports.</summary>
public sealed class ScanCommand : ICliCommand
{
    private readonly Option<bool> _demo = new("--demo") { Description = "Scan the demo tenant embedded in the scanner (no tenant or files needed)." };
    private readonly Option<DirectoryInfo?> _snapshot = new("--snapshot") { Description = "Scan an offline snapshot folder (see docs/snapshot-format.md)." };
    private readonly Option<string?> _out = new("--out") { Description = "Output folder. Default: reports/<tenant>-<UTC timestamp>/." };
    private readonly Option<FileInfo[]> _rules = new("--rules") { Description = "A rules file overlaid on the shipped catalog: change severity, disable, set parameters, add rules. Repeat to apply several, in order." };
    private readonly Option<FileInfo?> _suppressions = new("--suppressions") { Description = "Accepted risks: rule id + resource + justification (+ optional expiry)." };
    private readonly Option<string?> _asOf = new("--as-of") { Description = "Evaluate expiry and age rules as of this UTC date/time instead of when the snapshot was collected." };
    private readonly Option<string> _failOn = new("--fail-on") { Description = "Exit with code 1 when open findings at or above this severity exist: info, low, medium, high, critical or none.", DefaultValueFactory = _ => "none" };
    private readonly Option<string> _format = new("--format") { Description = "Comma-separated report formats.", DefaultValueFactory = _ => string.Join(',', ReportWriters.All.Select(w => w.Format)) };
    private readonly Option<FileInfo?> _previous = new("--previous") { Description = "An older scan.json of the same tenant, for the 'what changed' section of the reports." };

    public Command Build()
    {
        var command = new Command("scan", "Scan a tenant snapshot (or the embedded demo tenant) and write scan.json, findings.csv and report.pdf.")
        {
            _demo, _snapshot, _out, _rules, _suppressions, _asOf, _failOn, _format, _previous,
        };
        command.SetAction((parse, cancellation) =>
        {
            var console = new CliConsole(parse.InvocationConfiguration);
            if (!TryParse(parse, console, out var options))
                return Task.FromResult(ExitCodes.BadInput);
            return Task.FromResult(new ScanRunner(console, TimeProvider.System).Run(options, cancellation));
        });
        return command;
    }

    private bool TryParse(ParseResult parse, CliConsole console, out ScanOptions options)
    {
        options = null!;
        var demo = parse.GetValue(_demo);
        var snapshot = parse.GetValue(_snapshot);
        if (demo == (snapshot is not null))
            return console.Fail("scan: give exactly one of --demo or --snapshot DIR.");

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
        foreach (var file in overlays.Append(parse.GetValue(_suppressions)).Append(parse.GetValue(_previous)))
        {
            if (file is not null && !file.Exists)
                return console.Fail($"{file.FullName}: file not found.");
        }
        if (snapshot is not null && !snapshot.Exists)
            return console.Fail($"--snapshot: folder '{snapshot.FullName}' not found.");

        options = new ScanOptions
        {
            Demo = demo,
            SnapshotFolder = snapshot?.FullName,
            OutputFolder = parse.GetValue(_out),
            RulesOverlayFiles = [.. overlays.Select(f => f.FullName)],
            SuppressionsFile = parse.GetValue(_suppressions)?.FullName,
            AsOf = asOf,
            FailOn = failOn,
            Formats = formats,
            PreviousResultFile = parse.GetValue(_previous)?.FullName,
        };
        return true;
    }
}
