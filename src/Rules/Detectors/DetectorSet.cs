using System.Collections.Frozen;
using System.Collections.Immutable;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Detectors;

/// <summary>
/// The detectors a rule catalog may name in <c>detector:</c>. Immutable: the caller hands a set to the catalog
/// (<see cref="BuiltIn"/>, or another for tests), and the engine never looks one up anywhere else.
/// </summary>
public sealed class DetectorSet
{
    /// <summary>Every detector the scanner ships. One line per detector.</summary>
    public static DetectorSet BuiltIn { get; } = new(
    [
        new CredentialLifetimeDetector(),
        new PermissionRiskDetector(),
        new PrivilegedRoleDetector(),
        new BusinessOwnerDetector(),
        new SecureDataDetector(),
        new OpenHttpTriggerDetector(),
        new EnvironmentVariableSecretDetector(),
        new DirectoryTextSecretDetector(),
    ]);

    private readonly FrozenDictionary<string, IDetector> _byName;

    /// <exception cref="ArgumentException">Two detectors share a name.</exception>
    public DetectorSet(IEnumerable<IDetector> detectors)
    {
        ArgumentNullException.ThrowIfNull(detectors);
        All = [.. detectors];
        var duplicate = All.GroupBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Two detectors are named '{duplicate.Key}'.", nameof(detectors));
        _byName = All.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);
    }

    /// <summary>In the order given (the field reference documents them in this order).</summary>
    public ImmutableArray<IDetector> All { get; }

    public IDetector? Find(string name) => _byName.GetValueOrDefault(name);
}
