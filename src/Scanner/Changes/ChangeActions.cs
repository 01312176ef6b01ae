using TenantScanner.Cli.Changes.Actions;

namespace TenantScanner.Cli.Changes;

/// <summary>Every change action, registered once. Adding an action = one class in Actions/ + one line here (+ docs/remediation.md).</summary>
public static class ChangeActions
{
    public static IReadOnlyList<IChangeAction> All { get; } =
    [
        new AddOwnersAction(),
        new RemovePasswordAction(),
        new RemoveAppRoleAssignmentAction(),
        new RemoveDirectoryRoleAssignmentAction(),
        new RemoveDelegatedGrantAction(),
        new ManualAction(),
    ];

    public static IChangeAction? Find(string name) => All.FirstOrDefault(a => a.Name.Equals(name, StringComparison.Ordinal));

    public static IEnumerable<string> Names => All.Select(a => a.Name);
}
