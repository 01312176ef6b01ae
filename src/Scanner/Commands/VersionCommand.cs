using System.CommandLine;

namespace TenantScanner.Cli.Commands;

/// <summary><c>scanner version</c>: prints the tool version (also recorded in every scan.json).</summary>
public sealed class VersionCommand : ICliCommand
{
    public Command Build()
    {
        var command = new Command("version", "Print the scanner's version.");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine($"{ToolIdentity.Name} {ToolIdentity.Version}");
            return ExitCodes.Success;
        });
        return command;
    }
}
