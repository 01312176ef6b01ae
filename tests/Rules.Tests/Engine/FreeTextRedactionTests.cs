using System.Text.Json;
using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Catalog;

namespace TenantScanner.Tests.Engine;

/// <summary>
/// Text the scanner did not write (display names, keys in pointers, service errors) is judged for secrets before
/// it reaches a result, and so before any report: anyone who can name a flow could otherwise print a secret.
/// </summary>
public sealed class FreeTextRedactionTests
{
    /// <summary>Fake credentials the built-in catalog finds by their keyword.</summary>
    private const string GitHubToken = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
    private const string StripeKey = "sk_live_aBcDeFgHiJkLmNoPqRsTuVwXyZ01";

    private static string Json(ScanResult result) => JsonSerializer.Serialize(result);

    [Fact]
    public void Redacts_only_the_secret_in_a_text_and_keeps_clean_text_as_the_same_instance()
    {
        var redactor = TextRedactor.BuiltIn;
        var redacted = redactor.Redact($"Sync ({GitHubToken}) nightly");
        Assert.Equal($"Sync ([redacted GitHubToken: {SecretRedaction.Preview(GitHubToken)} {SecretRedaction.Fingerprint(GitHubToken)}]) nightly", redacted);
        var clean = "Invoice approval";
        Assert.Same(clean, redactor.Redact(clean));
    }

    [Fact]
    public void Redacts_a_secret_pasted_into_a_flow_display_name_in_the_resource_and_the_message()
    {
        var catalog = RuleRun.Catalog.WithOverlayText("overlay.yaml", """
            rules:
              - id: CUSTOM001
                title: Started flow
                family: custom
                severity: info
                resource: flow
                requires: [flow.flows]
                condition: { field: state, equals: started }
                message: "Flow '{displayName}' is started."
                remediation: r
            """);
        var tenant = TestTenant.KnownGood().With(t => t.Flow = t.Flow with { DisplayName = $"Payroll {GitHubToken}" });
        var result = RuleRun.Scan(tenant.Build(), catalog);
        var finding = RuleRun.For("CUSTOM001", result).SingleFinding;
        Assert.StartsWith("Payroll [redacted GitHubToken: ", finding.Resource.DisplayName, StringComparison.Ordinal);
        Assert.StartsWith("Flow 'Payroll [redacted GitHubToken: ", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GitHubToken, Json(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Redacts_a_secret_used_as_a_key_in_evidence_pointers_and_messages()
    {
        var definition = $$"""
            { "actions": { "{{StripeKey}}": { "type": "Http",
                "inputs": { "method": "GET", "uri": "https://api.contoso.com", "headers": { "Authorization": "token {{GitHubToken}}" } } } } }
            """;
        var tenant = TestTenant.KnownGood().With(t => t.Flow = t.Flow with { Definition = TestTenant.Definition(definition) });
        var result = RuleRun.Scan(tenant.Build());
        var finding = RuleRun.For("FLOW004", result).SingleFinding;
        Assert.Contains(finding.Evidence, e => e.JsonPointer is { } p && p.Contains("/actions/[redacted StripeKey: ", StringComparison.Ordinal));
        Assert.DoesNotContain("sk_live_", Json(result), StringComparison.Ordinal);
        Assert.DoesNotContain(GitHubToken, Json(result), StringComparison.Ordinal);
    }

    [Fact]
    public void The_detector_redacts_a_secret_key_in_the_pointer_of_its_own_hits()
    {
        var detector = new SecretDetector(SecretPatternCatalog.LoadDefault());
        var hit = Assert.Single(detector.ScanJson(System.Text.Encoding.UTF8.GetBytes($$$"""{"{{{StripeKey}}}": {"token": "{{{GitHubToken}}}"}}""")));
        Assert.Equal("GitHubToken", hit.SecretType);
        Assert.StartsWith("/[redacted StripeKey: ", hit.JsonPointer, StringComparison.Ordinal);
        Assert.EndsWith("]/token", hit.JsonPointer, StringComparison.Ordinal);
    }

    [Fact]
    public void Redacts_a_secret_in_coverage_text_and_in_the_inconclusive_reasons_that_quote_it()
    {
        var tenant = TestTenant.KnownGood().With(t => t.Gaps.Add(new TenantScanner.Snapshots.CoverageGap
        {
            Source = "graph.servicePrincipals", Status = 401, Error = $"HTTP 401 token {GitHubToken} expired",
        }));
        var result = RuleRun.Scan(tenant.Build());
        Assert.Contains(result.Coverage, c => c.Error.StartsWith("HTTP 401 token [redacted GitHubToken: ", StringComparison.Ordinal));
        Assert.Contains(result.Inconclusive, i => i.Reason.Contains("[redacted GitHubToken: ", StringComparison.Ordinal));
        Assert.DoesNotContain(GitHubToken, Json(result), StringComparison.Ordinal);
    }
}
