using TenantScanner.Cli.Commands;

namespace TenantScanner.Cli.Tests;

/// <summary>Runs the real CLI in-process, exactly as <c>Program</c> does, and captures what a user would see.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Invoke(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CommandCatalog.InvokeAsync(args, output, error).GetAwaiter().GetResult();
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
