using System.CommandLine;
using TenantScanner.Cli.Collect;

namespace TenantScanner.Cli.Commands;

/// <summary>
/// <c>scanner collect</c>: reads a live tenant (Graph, Power Platform, Dataverse, Key Vault) into a
/// snapshot folder. Exit 0 when complete, 3 when some source could not be read (see the manifest's
/// coverage), 2 for bad arguments or configuration.
/// </summary>
public sealed class CollectCommand : ICliCommand
{
    private readonly CollectRuntime? _runtime;
    private readonly TenantArguments _tenant = new();
    private readonly Option<string?> _out = new("--out") { Description = "Snapshot folder to create (must not exist)." };

    public CollectCommand() { }

    /// <summary>For tests: a fixed credential, clock or environment instead of the process's.</summary>
    internal CollectCommand(CollectRuntime? runtime) => _runtime = runtime;

    public Command Build()
    {
        var command = new Command("collect", "Collect a live tenant into a snapshot folder (read-only).");
        foreach (var option in _tenant.All.Append(_out))
            command.Options.Add(option);
        // Unknown tokens reach the action, so a secret typed as an unknown option is refused without being echoed.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (TenantArguments.Refusal(parse, "collect") is { } refusal)
            {
                await error.WriteLineAsync(refusal);
                return ExitCodes.BadInput;
            }
            CollectOptions options;
            try
            {
                var outFolder = parse.GetValue(_out) ?? throw new CollectConfigurationException("--out is required: the snapshot folder to create.");
                options = _tenant.Build(parse, outFolder, _runtime?.Environment ?? Environment.GetEnvironmentVariable);
            }
            catch (CollectConfigurationException ex)
            {
                await error.WriteLineAsync(ex.Message);
                return ExitCodes.BadInput;
            }
            return (await CollectRun.RunAsync(options, output, error, _runtime, cancellationToken)).ExitCode;
        });
        return command;
    }
}
