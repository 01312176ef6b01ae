using System.CommandLine;

namespace TenantScanner.Cli.Commands;

/// <summary>
/// One CLI verb. Each command is a small class that builds its System.CommandLine <see cref="Command"/>;
/// registration is one line in <see cref="CommandCatalog"/>.
/// </summary>
public interface ICliCommand
{
    Command Build();
}
