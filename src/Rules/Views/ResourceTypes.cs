namespace TenantScanner.Rules.Views;

/// <summary>The resource types rules can target. Adding one = one class + one line here + its docs in docs/rules/README.md.</summary>
public static class ResourceTypes
{
    public static IReadOnlyList<ResourceType> All { get; } =
    [
        new FlowView(),
        new FlowSecretView(),
        new ConnectionView(),
        new EnvironmentView(),
        new ServicePrincipalView(),
        new ApplicationView(),
        new CredentialView(),
        new AppRoleAssignmentView(),
        new DelegatedGrantView(),
        new DirectoryRoleAssignmentView(),
        new EnvironmentVariableView(),
        new KeyVaultSecretView(),
    ];

    public static ResourceType? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
