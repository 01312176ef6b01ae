using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Scanning;
using TenantScanner.Rules.Suppressions;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Views;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.Inventory;
using TenantScanner.Rules.Yaml;
using TenantScanner.Rules.Detectors;

namespace TenantScanner.Tests.Engine;

public sealed class OverlayTests
{
    private static RuleCatalog Overlay(string text) => RuleRun.Catalog.WithOverlayText("overlay.yaml", text);

    private static TestTenant SingleOwner() => TestTenant.KnownGood().With(t => t.App = t.App with { Owners = [TestTenant.AliceRef] });

    [Fact]
    public void Changes_a_rule_severity()
    {
        var catalog = Overlay("rules:\n  - { id: SP003, severity: high }\n");
        Assert.Equal(Severity.High, RuleRun.For("SP003", SingleOwner(), catalog).SingleFinding.Severity);
        Assert.Equal(Severity.Low, RuleRun.Catalog.Find("SP003")!.Severity);
    }

    [Fact]
    public void Disables_a_rule_and_reports_it_as_disabled()
    {
        var catalog = Overlay("rules:\n  - { id: SP003, enabled: false }\n");
        var result = RuleRun.For("SP003", SingleOwner(), catalog);
        Assert.Empty(result.Findings);
        Assert.False(result.Summary.Enabled);
        Assert.Equal(0, result.Summary.Passed);
    }

    [Fact]
    public void Sets_a_parameter_that_reaches_the_condition()
    {
        var tenant = TestTenant.KnownGood().With(t => t.App = t.App with
        {
            PasswordCredentials = [new PasswordCredentialInfo("k", "s", null, TestTenant.AsOf.AddDays(-10), TestTenant.AsOf.AddDays(20), TestTenant.Src("/x"))],
        });
        Assert.Single(RuleRun.For("CRED002", tenant).Findings);
        var catalog = Overlay("rules:\n  - id: CRED002\n    parameters: { days: 14 }\n");
        Assert.Empty(RuleRun.For("CRED002", tenant, catalog).Findings);
        Assert.Equal(14d, catalog.Find("CRED002")!.Parameters.Single().Value);
    }

    [Fact]
    public void Adds_a_custom_declarative_rule()
    {
        var catalog = Overlay("""
            rules:
              - id: CUSTOM001
                title: Stopped flow
                family: custom
                severity: info
                resource: flow
                requires: [flow.flows]
                condition: { field: state, equals: stopped }
                message: "Flow '{displayName}' is stopped."
                remediation: Delete it or start it.
            """);
        var tenant = TestTenant.KnownGood().With(t => t.Flow = t.Flow with { State = FlowState.Stopped });
        Assert.Equal("Flow 'Invoice approval' is stopped.", RuleRun.For("CUSTOM001", tenant, catalog).SingleFinding.Message);
        Assert.Equal(["overlay.yaml"], catalog.Overlays);
    }

    [Fact]
    public void Rejects_a_parameter_the_rule_does_not_have()
    {
        var error = Assert.Throws<RuleFileException>(() => Overlay("rules:\n  - id: CRED002\n    parameters: { dayz: 14 }\n"));
        Assert.Equal("overlay.yaml:3:19: rule CRED002 has no parameter 'dayz'; its parameters: days", error.Message);
    }

    [Fact]
    public void Rejects_a_parameter_value_of_the_wrong_type()
    {
        var error = Assert.Throws<RuleFileException>(() => Overlay("rules:\n  - id: CRED002\n    parameters: { days: soon }\n"));
        Assert.Equal("overlay.yaml:3:25: parameter 'days' must be of type integer, not 'soon'", error.Message);
    }

    [Fact]
    public void Rejects_changing_the_condition_of_a_shipped_rule()
    {
        var error = Assert.Throws<RuleFileException>(() => Overlay("rules:\n  - id: SP003\n    condition: { field: id, exists: true }\n"));
        Assert.Equal(3, error.Line);
        Assert.Contains("an overlay may only change: id, enabled, severity, parameters, severityOverrides", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Replaces_severity_overrides()
    {
        var catalog = Overlay("rules:\n  - id: FLOW001\n    severityOverrides: []\n");
        Assert.Empty(catalog.Find("FLOW001")!.SeverityOverrides);
        Assert.Equal(2, RuleRun.Catalog.Find("FLOW001")!.SeverityOverrides.Count);
    }
}

public sealed class SuppressionTests
{
    private static TestTenant SingleOwner() => TestTenant.KnownGood().With(t => t.App = t.App with { Owners = [TestTenant.AliceRef] });

    private static SuppressionSet Suppressions(string entry) => SuppressionSet.Parse("suppressions.yaml", "suppressions:\n" + entry);

    [Fact]
    public void Marks_a_matching_finding_suppressed_and_keeps_it_in_the_output()
    {
        var suppressions = Suppressions("  - { ruleId: SP003, resource: 'Payroll*', justification: Vendor-managed app, approvedBy: ciso@contoso.com, expires: 2026-12-31 }\n");
        var result = RuleRun.Scan(SingleOwner().Build(), suppressions: suppressions);
        var finding = Assert.Single(result.Findings, f => f.RuleId == "SP003");
        Assert.Equal(FindingStatus.Suppressed, finding.Status);
        Assert.Equal("Vendor-managed app", finding.Suppression!.Justification);
        Assert.Equal("suppressions.yaml:2", finding.Suppression.Source);
        Assert.Empty(result.ExpiredSuppressions);
    }

    [Fact]
    public void Matches_by_resource_id_too()
    {
        var suppressions = Suppressions("  - { ruleId: SP003, resource: sp-payroll, justification: ok }\n");
        Assert.Equal(FindingStatus.Suppressed, RuleRun.Scan(SingleOwner().Build(), suppressions: suppressions).Findings.Single(f => f.RuleId == "SP003").Status);
    }

    [Fact]
    public void Does_not_apply_an_expired_suppression_and_reports_it()
    {
        var suppressions = Suppressions("  - { ruleId: SP003, resource: Payroll Sync, justification: ok, expires: 2026-10-31 }\n");
        var result = RuleRun.Scan(SingleOwner().Build(), suppressions: suppressions);
        Assert.Equal(FindingStatus.Open, result.Findings.Single(f => f.RuleId == "SP003").Status);
        var expired = Assert.Single(result.ExpiredSuppressions);
        Assert.True(expired.Expired);
        Assert.Equal(new DateOnly(2026, 10, 31), expired.Expires);
    }

    [Fact]
    public void Judges_expiry_against_as_of_not_the_clock()
    {
        var suppressions = Suppressions("  - { ruleId: SP003, resource: Payroll Sync, justification: ok, expires: 2026-11-01 }\n");
        var onLastDay = RuleRun.Scan(SingleOwner().Build(), suppressions: suppressions, asOf: TestTenant.AsOf.AddHours(23));
        Assert.Empty(onLastDay.ExpiredSuppressions);
        var dayAfter = RuleRun.Scan(SingleOwner().Build(), suppressions: suppressions, asOf: TestTenant.AsOf.AddDays(1));
        Assert.Single(dayAfter.ExpiredSuppressions);
    }

    [Fact]
    public void Respects_the_environment_filter()
    {
        var tenant = TestTenant.KnownGood().With(t => t.Flow = t.Flow with
        {
            Owners = [new FlowOwner(TestTenant.AliceRef, "Owner", TestTenant.Src("/value/0"))],
        });
        var other = Suppressions("  - { ruleId: FLOW002, resource: '*', environmentId: env-dev, justification: ok }\n");
        Assert.Equal(FindingStatus.Open, RuleRun.Scan(tenant.Build(), suppressions: other).Findings.Single(f => f.RuleId == "FLOW002").Status);
        var same = Suppressions("  - { ruleId: FLOW002, resource: '*', environmentId: env-prod, justification: ok }\n");
        Assert.Equal(FindingStatus.Suppressed, RuleRun.Scan(tenant.Build(), suppressions: same).Findings.Single(f => f.RuleId == "FLOW002").Status);
    }

    [Fact]
    public void Requires_a_justification()
    {
        var error = Assert.Throws<RuleFileException>(() => Suppressions("  - { ruleId: SP003, resource: x }\n"));
        Assert.Equal("suppressions.yaml:2:5: a suppression needs a 'justification': say why the risk is accepted", error.Message);
        var empty = Assert.Throws<RuleFileException>(() => Suppressions("  - { ruleId: SP003, resource: x, justification: '' }\n"));
        Assert.Contains("'justification' must not be empty", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_badly_written_expiry_date()
    {
        var error = Assert.Throws<RuleFileException>(() => Suppressions("  - { ruleId: SP003, resource: x, justification: y, expires: 31/12/2026 }\n"));
        Assert.Equal("suppressions.yaml:2:62: 'expires' must be a date written yyyy-MM-dd, not '31/12/2026'", error.Message);
    }

    [Fact]
    public void Rejects_unknown_keys()
    {
        var error = Assert.Throws<RuleFileException>(() => Suppressions("  - { ruleId: SP003, resource: x, justification: y, reason: z }\n"));
        Assert.Contains("unknown key 'reason' in a suppression; valid keys: ruleId, resource", error.Message, StringComparison.Ordinal);
    }
}

public sealed class FullCatalogTests
{
    [Fact]
    public void Parses_a_full_catalog_and_names_the_origin_of_each_rule()
    {
        var catalog = RuleCatalog.Parse("catalog.yaml", ConditionHarness.Catalog("{field: displayName, exists: true}"), DetectorSet.BuiltIn);
        Assert.Equal("test", catalog.Version);
        Assert.Equal("catalog.yaml:3", Assert.Single(catalog.Rules).Origin);
    }
}
