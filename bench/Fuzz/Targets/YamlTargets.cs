using TenantScanner.Rules.Detectors;
using TenantScanner.Rules.Yaml;
using System.Text;
using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Suppressions;
using TenantScanner.SecretScanning.Catalog;

namespace TenantScanner.Fuzz.Targets;

/// <summary>A user's rule overlay: <see cref="RuleFileException"/> is the only refusal allowed.</summary>
internal sealed class RuleOverlayTarget : IFuzzTarget
{
    private static readonly string[] Seeds =
    [
        "rules:\n  - { id: SP003, severity: high }\n",
        "rules:\n  - id: CRED002\n    parameters: { days: 14 }\n  - id: FLOW001\n    enabled: false\n",
        "rules:\n  - id: FLOW001\n    severityOverrides:\n      - when: { field: flow.state, equals: Started }\n        severity: critical\n",
    ];

    private readonly RuleCatalog _catalog = RuleCatalog.LoadDefault(DetectorSet.BuiltIn);

    public string Name => "overlay";

    public byte[] Seed(Random random) => Encoding.UTF8.GetBytes(Seeds[random.Next(Seeds.Length)]);

    public void Run(byte[] input) => _catalog.WithOverlayText("overlay.yaml", Encoding.UTF8.GetString(input));

    public bool IsDocumented(Exception exception) => exception is RuleFileException;
}

/// <summary>A suppressions file: <see cref="RuleFileException"/> is the only refusal allowed.</summary>
internal sealed class SuppressionTarget : IFuzzTarget
{
    private static readonly string[] Seeds =
    [
        "suppressions:\n  - { ruleId: SP003, resource: 'Payroll*', justification: Vendor-managed app, approvedBy: ciso@contoso.com, expires: 2026-12-31 }\n",
        "suppressions:\n  - ruleId: FLOW004\n    resource: '*'\n    justification: test tenant\n",
    ];

    public string Name => "suppressions";

    public byte[] Seed(Random random) => Encoding.UTF8.GetBytes(Seeds[random.Next(Seeds.Length)]);

    public void Run(byte[] input) => SuppressionSet.Parse("suppressions.yaml", Encoding.UTF8.GetString(input));

    public bool IsDocumented(Exception exception) => exception is RuleFileException;
}

/// <summary>A <c>--patterns</c> catalog: <see cref="SecretCatalogException"/> is the only refusal allowed.</summary>
internal sealed class SecretPatternsTarget(byte[] shippedCatalog) : IFuzzTarget
{
    public string Name => "patterns";

    public byte[] Seed(Random random) => shippedCatalog;

    public void Run(byte[] input) => SecretPatternCatalog.Parse(Encoding.UTF8.GetString(input), "patterns.yaml");

    public bool IsDocumented(Exception exception) => exception is SecretCatalogException;
}
