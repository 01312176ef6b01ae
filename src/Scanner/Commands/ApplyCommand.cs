using System.CommandLine;
using TenantScanner.Cli.Changes;
using TenantScanner.Cli.Collect;
using TenantScanner.Cli.Output;

namespace TenantScanner.Cli.Commands;

/// <summary>
/// <c>scanner apply plan.json --tenant T [--auth M] [--config F] [--journal journal.jsonl] [--yes]</c>. Exit 0 when every
/// automated action is in place, 4 when some were skipped as drifted or failed (see the journal), 2 for bad input.
/// </summary>
public sealed class ApplyCommand : ChangeCommandBase
{
    private readonly Argument<string> _plan = new("plan") { Description = "The sealed plan.json made by scanner plan." };
    private readonly Option<string?> _journal = new("--journal") { Description = "The journal to append to (default: <plan>.journal.jsonl next to the plan). Re-running with the same journal continues where a run stopped." };

    public ApplyCommand() : base(null) { }

    internal ApplyCommand(CollectRuntime? runtime) : base(runtime) { }

    public override Command Build() =>
        Create("apply", "Apply a reviewed plan to the tenant: re-checks every target first, journals every change. Dry run unless --yes.", _plan, _journal);

    private protected override Task<int> RunAsync(ParseResult parse, Changes.Http.TenantConnection connection, CliConsole console, CollectRuntime runtime, CancellationToken cancellation)
    {
        var plan = parse.GetValue(_plan)!;
        var journal = parse.GetValue(_journal) ?? DefaultJournal(plan);
        return new ApplyRunner(console.Out, runtime).RunAsync(new ApplyOptions(plan, journal, parse.GetValue(Yes), connection), cancellation);
    }

    /// <summary>plan.json → plan.journal.jsonl in the same folder.</summary>
    public static string DefaultJournal(string planPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(planPath))!, Path.GetFileNameWithoutExtension(planPath) + ".journal.jsonl");
}
