using TenantScanner.Cli.Changes.Actions;
using System.CommandLine;
using System.Security.Cryptography;
using TenantScanner.Cli.Changes.Plans;
using TenantScanner.Cli.Output;
using TenantScanner.Cli.Remediation;
using TenantScanner.Cli.Reports;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Commands;

/// <summary>
/// <c>scanner plan --from scan.json [--owners owners.yaml] [--only RULE,...] --out plan.json</c> makes a sealed
/// remediation plan from a saved scan (never talking to the tenant); <c>scanner plan --show plan.json [--format
/// text|md]</c> renders one for review. Exit 0, or 2 for bad input (a missing or invalid file, an edited plan).
/// </summary>
public sealed class PlanCommand : ICliCommand
{
    private readonly TimeProvider _time;

    public PlanCommand() : this(TimeProvider.System) { }

    internal PlanCommand(TimeProvider time) => _time = time;

    private readonly Option<string?> _from = new("--from") { Description = "The scan.json to plan from (written by scanner scan)." };
    private readonly Option<string?> _owners = new("--owners") { Description = "owners.yaml: who becomes an owner of what (docs/remediation.md). Owners are never guessed." };
    private readonly Option<string?> _only = new("--only") { Description = "Comma-separated rule ids to plan for, e.g. SP001,CRED001 (default: every rule with open findings)." };
    private readonly Option<string?> _out = new("--out") { Description = "The plan file to write." };
    private readonly Option<string?> _show = new("--show") { Description = "Render this plan for review instead of making one." };
    private readonly Option<string?> _format = new("--format") { Description = "With --show: text (default) or md (a change-request document)." };

    public Command Build()
    {
        var command = new Command("plan", "Make a remediation plan from a scan result (reads only the files, never the tenant), or show one for review.")
        {
            _from, _owners, _only, _out, _show, _format,
        };
        command.SetAction(parse => Run(parse, new CliConsole(parse.InvocationConfiguration)));
        return command;
    }

    private int Run(ParseResult parse, CliConsole console)
    {
        try
        {
            if (parse.GetValue(_show) is { } show)
            {
                if (parse.GetValue(_from) is not null || parse.GetValue(_out) is not null || parse.GetValue(_owners) is not null || parse.GetValue(_only) is not null)
                    return Fail(console, "--show renders an existing plan; it takes no --from, --out, --owners or --only.");
                var format = parse.GetValue(_format) ?? "text";
                if (!PlanRenderer.Formats.Contains(format))
                    return Fail(console, $"--format: '{format}' is not one of {string.Join(", ", PlanRenderer.Formats)}.");
                console.Out.Write(PlanRenderer.Render(PlanFile.Load(show), format));
                return ExitCodes.Success;
            }
            if (parse.GetValue(_format) is not null)
                return Fail(console, "--format applies to --show only.");
            var from = parse.GetValue(_from);
            var output = parse.GetValue(_out);
            if (from is null || output is null)
                return Fail(console, "plan: give --from scan.json and --out plan.json to make a plan, or --show plan.json to review one.");
            var scan = ScanResultFile.Load(from, "--from");
            var ownersPath = parse.GetValue(_owners);
            var plan = RemediationPlanner.Plan(new PlanRequest
            {
                Scan = scan,
                ScanSha256 = Sha256(from),
                Owners = ownersPath is null ? null : OwnersFile.Load(ownersPath),
                OwnersSha256 = ownersPath is null ? null : Sha256(ownersPath),
                Only = parse.GetValue(_only)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
                CreatedAt = _time.GetUtcNow(),
                Tool = new ToolVersion(ToolIdentity.Name, ToolIdentity.Version),
            });
            var sealedPlan = PlanFile.Save(plan, output);
            var automated = sealedPlan.Actions.Count(a => !a.IsManual);
            console.Out.WriteLine($"Plan written to {output}: {automated} automated change(s), {sealedPlan.Actions.Count - automated} manual action(s), "
                + $"resolving {sealedPlan.Actions.Sum(a => a.Resolves.Count)} finding(s). Seal {sealedPlan.Seal}.");
            console.Out.WriteLine($"Review it with: scanner plan --show {output} --format md; then: scanner apply {output} --tenant {scan.Tenant.Id} (dry run) and --yes to apply.");
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is ScanResultFileException or PlanFileException or OwnersFileException or PlanningException)
        {
            return Fail(console, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(console, ex.Message);
        }
    }

    private static int Fail(CliConsole console, string message)
    {
        console.Fail(message);
        return ExitCodes.BadInput;
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
