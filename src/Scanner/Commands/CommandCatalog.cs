using System.CommandLine;

namespace TenantScanner.Cli.Commands;

/// <summary>Every CLI verb. Adding a verb = one class implementing <see cref="ICliCommand"/> + one line here.</summary>
public static class CommandCatalog
{
    private static IEnumerable<ICliCommand> Commands()
    {
        yield return new VersionCommand();
        yield return new SecretsCommand();
    }

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Tenant governance scanner: finds Power Automate flows on personal accounts, ownerless apps, hardcoded secrets, weak credentials and over-broad permissions.");
        foreach (var command in Commands())
            root.Subcommands.Add(command.Build());
        return root;
    }
}
