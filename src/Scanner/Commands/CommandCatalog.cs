using System.CommandLine;
using TenantScanner.Cli.Collect;

namespace TenantScanner.Cli.Commands;

/// <summary>Every CLI verb. Adding a verb = one class implementing <see cref="ICliCommand"/> + one line here.</summary>
public static class CommandCatalog
{
    /// <param name="runtime">Null in production; tests hand the live commands a fixed credential, clock or environment.</param>
    private static IEnumerable<ICliCommand> Commands(CollectRuntime? runtime)
    {
        yield return new ScanCommand(runtime);
        yield return new RulesCommand();
        yield return new VersionCommand();
        yield return new ReportCommand();
        yield return new CollectCommand(runtime);
        yield return new SecretsCommand();
        yield return new PlanCommand();
        yield return new ApplyCommand(runtime);
        yield return new UndoCommand(runtime);
    }

    public static RootCommand BuildRoot() => BuildRoot(null);

    internal static RootCommand BuildRoot(CollectRuntime? runtime)
    {
        var root = new RootCommand("Tenant governance scanner: finds Power Automate flows on personal accounts, ownerless apps, hardcoded secrets, weak credentials and over-broad permissions.");
        foreach (var command in Commands(runtime))
            root.Subcommands.Add(command.Build());
        return root;
    }

    /// <summary>
    /// Parses and runs a command line. Parse errors exit with <see cref="ExitCodes.BadInput"/> (System.CommandLine
    /// would use 1, which pipelines read as "findings"), and an unexpected exception exits with
    /// <see cref="ExitCodes.InternalError"/> after printing only its type and message.
    /// </summary>
    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default) =>
        InvokeAsync(args, output, error, null, cancellation);

    /// <summary>As <see cref="InvokeAsync(string[], TextWriter, TextWriter, CancellationToken)"/>, with the live commands' runtime replaced (tests).</summary>
    internal static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CollectRuntime? runtime, CancellationToken cancellation = default)
    {
        var parse = BuildRoot(runtime).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
                await error.WriteLineAsync($"error: {parseError.Message}");
            await error.WriteLineAsync("Run 'scanner --help' (or 'scanner <command> --help') for usage.");
            return ExitCodes.BadInput;
        }
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(configuration, cancellation);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("error: cancelled.");
            return ExitCodes.InternalError;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Exception messages of our own types never carry secret values; the stack trace is left out
            // because it helps nobody at 3 a.m. and can be long. Set SCANNER_DEBUG=1 to see it.
            await error.WriteLineAsync($"error: unexpected {ex.GetType().Name}: {ex.Message}");
            if (Environment.GetEnvironmentVariable("SCANNER_DEBUG") == "1")
                await error.WriteLineAsync(ex.ToString());
            return ExitCodes.InternalError;
        }
    }
}
