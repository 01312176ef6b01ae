using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Detectors;

/// <summary>Every detector rules.yaml may name. One line per detector.</summary>
public static class DetectorRegistry
{
    public static IReadOnlyList<IDetector> All { get; } =
    [
        new CredentialLifetimeDetector(),
        new PermissionRiskDetector(),
        new PrivilegedRoleDetector(),
        new BusinessOwnerDetector(),
        new SecureDataDetector(),
        new OpenHttpTriggerDetector(),
        new EnvironmentVariableSecretDetector(),
        new DirectoryTextSecretDetector(),
    ];

    public static IDetector? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
}
