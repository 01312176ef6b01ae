using System.CommandLine;
using TenantScanner.Cli.Changes;
using TenantScanner.Cli.Collect;
using TenantScanner.Cli.Output;

namespace TenantScanner.Cli.Commands;

/// <summary>
/// <c>scanner undo journal.jsonl --tenant T [--auth M] [--config F] [--yes]</c>: reverses the applied changes in reverse
/// order. Exit 0 when everything was undone, 4 when something could not be (drifted, failed, not reversible), 2 for bad input.
/// </summary>
public sealed class UndoCommand : ChangeCommandBase
{
    private readonly Argument<string> _journal = new("journal") { Description = "The journal written by scanner apply." };

    public UndoCommand() : base(null) { }

    internal UndoCommand(CollectRuntime? runtime) : base(runtime) { }

    public override Command Build() =>
        Create("undo", "Undo what apply changed, from its journal, newest first, with the same drift checks. Dry run unless --yes.", _journal);

    private protected override Task<int> RunAsync(ParseResult parse, Changes.Http.TenantConnection connection, CliConsole console, CollectRuntime runtime, CancellationToken cancellation) =>
        new UndoRunner(console.Out, runtime).RunAsync(new UndoOptions(parse.GetValue(_journal)!, parse.GetValue(Yes), connection), cancellation);
}
