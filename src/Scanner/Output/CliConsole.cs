using System.CommandLine;

namespace TenantScanner.Cli.Output;

/// <summary>
/// The two text streams a command writes to, taken from the invocation so tests can capture them.
/// Errors go to stderr, results to stdout.
/// </summary>
public sealed class CliConsole(TextWriter output, TextWriter error)
{
    public CliConsole(InvocationConfiguration configuration) : this(configuration.Output, configuration.Error) { }

    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>Writes an error line and returns false, so argument checks read as <c>return console.Fail(...)</c>.</summary>
    public bool Fail(string message)
    {
        Error.WriteLine($"error: {message}");
        return false;
    }
}
