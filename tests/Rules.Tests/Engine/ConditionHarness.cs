using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Scanning;
using TenantScanner.Rules.Suppressions;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Views;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.Rules.Detectors;

namespace TenantScanner.Tests.Engine;

/// <summary>Evaluates one inline condition (YAML flow style) against the known-good tenant's Payroll Sync service principal.</summary>
internal static class ConditionHarness
{
    public static string Catalog(string condition, string resource = "servicePrincipal", string extra = "") => $$"""
        version: "test"
        rules:
          - id: TEST001
            title: Test rule
            family: custom
            severity: low
            resource: {{resource}}
            requires: []
            parameters:
              days: { type: integer, default: 30 }
              names: { type: array, default: [Payroll Sync, Other] }
              flag: { type: boolean, default: true }
            condition: {{condition}}
            message: "m {displayName}"
            remediation: r
        {{extra}}
        """;

    public static Outcome Evaluate(string condition, TestTenant? tenant = null, string resource = "servicePrincipal")
    {
        var catalog = RuleCatalog.Parse("test.yaml", Catalog(condition, resource), DetectorSet.BuiltIn);
        var result = RuleRun.Scan((tenant ?? TestTenant.KnownGood()).Build(), catalog);
        bool Target(ResourceRef r) => r.Id is "sp-payroll" or "flow-invoices";
        if (result.Findings.Any(f => Target(f.Resource)))
            return Outcome.Fail;
        if (result.Inconclusive.Any(i => Target(i.Resource)))
            return Outcome.Inconclusive;
        return Outcome.Pass;
    }
}
