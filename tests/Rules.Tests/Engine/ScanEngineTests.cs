using System.Text.Json;
using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Scanning;
using TenantScanner.Rules.Suppressions;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Views;
using TenantScanner.Rules.Conditions;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.Inventory;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Tests.Engine;

public sealed class ScanEngineTests
{
    private static TestTenant Problems() => TestTenant.KnownGood().With(t =>
    {
        t.App = t.App with { Owners = [TestTenant.AliceRef] };                                   // SP003 low
        t.ManagementAppIds.Add("app-payroll");                                                   // PERM005 high
        t.AppRoleAssignments.Add(TestTenant.Assignment("ara-2", "sp-payroll", "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9", "Application.ReadWrite.All")); // PERM001 critical
        t.ExtraServicePrincipals.Add(t.Sp with { Id = "sp-a", AppId = "app-a", DisplayName = "A-app", Owners = [TestTenant.BobRef] });  // SP003 low
    });

    [Fact]
    public void Sorts_findings_by_severity_then_rule_then_resource()
    {
        var findings = RuleRun.Scan(Problems().Build()).Findings;
        Assert.Equal(findings.OrderByDescending(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Resource.DisplayName, StringComparer.OrdinalIgnoreCase), findings);
        Assert.Equal(Severity.Critical, findings[0].Severity);
        var sp003 = findings.Where(f => f.RuleId == "SP003").Select(f => f.Resource.DisplayName).ToList();
        Assert.Equal(["A-app", "Payroll Sync"], sp003);
    }

    [Fact]
    public void Counts_passes_failures_and_inconclusive_results_per_rule()
    {
        var result = RuleRun.Scan(Problems().Build());
        var sp003 = result.Rules.Single(r => r.Id == "SP003");
        Assert.Equal((0, 2, 0), (sp003.Passed, sp003.Failed, sp003.Inconclusive));
        var perm001 = result.Rules.Single(r => r.Id == "PERM001");
        Assert.Equal((1, 1), (perm001.Passed, perm001.Failed));
    }

    [Fact]
    public void Fingerprints_are_stable_across_scans_and_differ_per_item()
    {
        var first = RuleRun.Scan(Problems().Build());
        var second = RuleRun.Scan(Problems().With(t => t.Flow = t.Flow with { DisplayName = "renamed" }).Build(), asOf: TestTenant.AsOf.AddDays(3));
        Assert.Equal(first.Findings.Select(f => f.Fingerprint).Order(), second.Findings.Select(f => f.Fingerprint).Order());
        Assert.Equal(first.Findings.Count, first.Findings.Select(f => f.Fingerprint).Distinct().Count());
        Assert.All(first.Findings, f => Assert.Matches("^[0-9a-f]{32}$", f.Fingerprint));
    }

    [Fact]
    public void Records_coverage_gaps_with_the_rules_they_affect_and_marks_the_scan_incomplete()
    {
        var result = RuleRun.Scan(TestTenant.KnownGood().WithGap("flow.owners", "env-dev").Build());
        Assert.True(result.Incomplete);
        var entry = Assert.Single(result.Coverage);
        Assert.Equal(("flow.owners", "env-dev", 403), (entry.Source, entry.EnvironmentId, entry.Status));
        Assert.Equal(["FLOW002", "FLOW003"], entry.AffectedRules);
        // No flow of env-dev was listed, but the rules still say they could not judge that environment.
        var flow002 = Assert.Single(result.Inconclusive, i => i.RuleId == "FLOW002");
        Assert.Equal("all flow resources in environment Contoso Dev", flow002.Resource.DisplayName);
        Assert.Equal("source flow.owners could not be read for environment env-dev (HTTP 403): Forbidden", flow002.Reason);
    }

    [Fact]
    public void Fills_the_header_from_the_request_and_the_inventory()
    {
        var result = RuleRun.Scan(TestTenant.KnownGood().Build());
        Assert.Equal((TestTenant.TenantId, "Contoso"), (result.Tenant.Id, result.Tenant.DisplayName));
        Assert.Equal("2026.11.2", result.RuleCatalogVersion);
        Assert.Equal(TestTenant.AsOf, result.AsOf);
        Assert.Equal(2, result.Scope.Environments.Count);
        Assert.Equal("production", result.Scope.Environments[0].Type);
        Assert.Contains("graph.servicePrincipals", result.Scope.Sources);
    }

    [Fact]
    public void Gives_the_same_result_for_the_same_request()
    {
        var inventory = Problems().Build();
        var a = JsonSerializer.Serialize(RuleRun.Scan(inventory));
        var b = JsonSerializer.Serialize(RuleRun.Scan(inventory));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Evidence_points_at_the_snapshot_and_carries_the_values_the_condition_read()
    {
        var finding = RuleRun.Scan(Problems().Build()).Findings.First(f => f.RuleId == "PERM005");
        Assert.Contains(finding.Evidence, e => e.File == "graph/servicePrincipals.json" && e.JsonPointer == "/value/0" && e.SourceUrl is not null);
        Assert.Contains(finding.Evidence, e => e.Description == "isPowerPlatformManagementApp" && e.Value == "true");
    }

    [Fact]
    public void Secret_fields_are_rendered_only_redacted()
    {
        const string secret = "7Q~abcdefghijklmnopqrstuvwxyz0123456789AB";
        var field = new FieldDefinition { Name = "value", Type = "string", Description = "d", IsSecret = true, Get = (_, _) => secret };
        var path = new FieldPath("value", -1, [new PathStep(field, false)]);
        var scope = new EvaluationScope(new ScanServices(TestTenant.KnownGood().Build(), RuleRun.Secrets), TestTenant.AsOf, new object(), null, new Dictionary<string, object?>());
        var rendered = MessageTemplate.Render(path, new EvaluationFrame(scope));
        Assert.DoesNotContain(secret, rendered, StringComparison.Ordinal);
        Assert.Equal(SecretRedaction.Preview(secret), rendered);
    }

    [Fact]
    public void Uses_as_of_not_the_clock_for_date_rules()
    {
        var tenant = TestTenant.KnownGood().With(t => t.App = t.App with
        {
            PasswordCredentials = [new PasswordCredentialInfo("k", "s", null, TestTenant.AsOf.AddDays(-10), TestTenant.AsOf.AddDays(40), TestTenant.Src("/x"))],
        });
        Assert.DoesNotContain(RuleRun.Scan(tenant.Build()).Findings, f => f.RuleId == "CRED002");
        Assert.Single(RuleRun.Scan(tenant.Build(), asOf: TestTenant.AsOf.AddDays(15)).Findings, f => f.RuleId == "CRED002");
        Assert.Single(RuleRun.Scan(tenant.Build(), asOf: TestTenant.AsOf.AddDays(45)).Findings, f => f.RuleId == "CRED001");
    }
}
