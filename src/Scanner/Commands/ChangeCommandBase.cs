using System.CommandLine;
using TenantScanner.Cli.Changes;
using TenantScanner.Cli.Changes.Journal;
using TenantScanner.Cli.Changes.Plans;
using TenantScanner.Cli.Collect;
using TenantScanner.Cli.Output;

namespace TenantScanner.Cli.Commands;

/// <summary>
/// What <c>apply</c> and <c>undo</c> share: the connection options (--tenant, --auth, --config), --yes, the refusal
/// of secrets on the command line, and turning every expected failure into exit 2 with a clear message.
/// </summary>
public abstract class ChangeCommandBase : ICliCommand
{
    private protected readonly CollectRuntime? Runtime;
    private protected readonly TenantArguments Tenant = new();
    private protected readonly Option<bool> Yes = new("--yes") { Description = "Send the changes. Without it the command prints exactly what it would send and changes nothing." };

    private protected ChangeCommandBase(CollectRuntime? runtime) => Runtime = runtime;

    public abstract Command Build();

    private protected Command Create(string name, string description, Argument<string> file, params Option[] options)
    {
        var command = new Command(name, description);
        command.Arguments.Add(file);
        foreach (var option in Tenant.ConnectionOptions.Concat(options).Append(Yes))
            command.Options.Add(option);
        // Unknown tokens reach the action, so a secret typed as an unknown option is refused without being echoed.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellation) =>
        {
            var console = new CliConsole(parse.InvocationConfiguration);
            if (TenantArguments.Refusal(parse, name) is { } refusal)
                return Fail(console, refusal);
            try
            {
                var connection = Tenant.BuildConnection(parse, Runtime?.Environment ?? Environment.GetEnvironmentVariable);
                return await RunAsync(parse, connection, console, Runtime ?? new CollectRuntime(), cancellation);
            }
            catch (Exception ex) when (ex is PlanFileException or JournalFileException or CollectConfigurationException)
            {
                return Fail(console, ex.Message);
            }
            catch (Azure.Identity.AuthenticationFailedException ex)
            {
                return Fail(console, $"Sign-in failed ({ex.GetType().Name}): {ex.Message.Split('\n', 2)[0]}");
            }
        });
        return command;
    }

    private protected abstract Task<int> RunAsync(ParseResult parse, Changes.Http.TenantConnection connection, CliConsole console, CollectRuntime runtime, CancellationToken cancellation);

    private static int Fail(CliConsole console, string message)
    {
        console.Fail(message);
        return ExitCodes.BadInput;
    }
}
