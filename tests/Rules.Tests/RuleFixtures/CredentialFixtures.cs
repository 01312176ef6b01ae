using TenantScanner.Inventory;
using TenantScanner.Tests.Engine;

namespace TenantScanner.Tests.RuleFixtures;

internal static class Credentials
{
    public static PasswordCredentialInfo Secret(string keyId, int startDays, int endDays) => new(keyId, "ci secret", "abc",
        startDays == int.MinValue ? null : TestTenant.AsOf.AddDays(startDays), endDays == int.MinValue ? null : TestTenant.AsOf.AddDays(endDays),
        TestTenant.Src("/value/0/passwordCredentials/0", "graph/applications.json"));
}

[RuleFixture("CRED001")]
public sealed class Cred001Fixtures
{
    [Fact]
    public void Passes_credential_that_has_not_expired() => RuleRun.For("CRED001", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_expired_secret_with_its_key_and_age()
    {
        var tenant = TestTenant.KnownGood().With(t => t.App = t.App with { PasswordCredentials = [Credentials.Secret("key-old", -100, -10)] });
        var finding = RuleRun.For("CRED001", tenant).SingleFinding;
        Assert.Equal("application", finding.Resource.Type);
        Assert.Contains("key key-old", finding.Message, StringComparison.Ordinal);
        Assert.Contains("expired on 2026-10-22, 10 days ago", finding.Message, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, e => e.JsonPointer == "/value/0/passwordCredentials/0");
    }

    [Fact]
    public void Is_inconclusive_for_a_credential_without_end_date()
    {
        var tenant = TestTenant.KnownGood().With(t => t.App = t.App with { PasswordCredentials = [Credentials.Secret("key-x", -1, int.MinValue)] });
        Assert.Contains("has no end date", RuleRun.For("CRED001", tenant).SingleInconclusive.Reason, StringComparison.Ordinal);
    }
}

[RuleFixture("CRED002")]
public sealed class Cred002Fixtures
{
    [Fact]
    public void Passes_credential_expiring_after_the_warning_window() => RuleRun.For("CRED002", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_credential_expiring_within_thirty_days()
    {
        var tenant = TestTenant.KnownGood().With(t => t.App = t.App with { PasswordCredentials = [Credentials.Secret("key-soon", -60, 12)] });
        Assert.Contains("in 12 days", RuleRun.For("CRED002", tenant).SingleFinding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_inconclusive_when_applications_could_not_be_read()
    {
        var result = RuleRun.For("CRED002", TestTenant.KnownGood().WithGap("graph.applications"));
        Assert.Contains("graph.applications", Assert.Single(result.Inconclusive).Reason, StringComparison.Ordinal);
    }
}

[RuleFixture("CRED003")]
public sealed class Cred003Fixtures
{
    [Fact]
    public void Passes_certificate_valid_for_less_than_a_year() => RuleRun.For("CRED003", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_secret_valid_for_two_years()
    {
        var tenant = TestTenant.KnownGood().With(t => t.App = t.App with { PasswordCredentials = [Credentials.Secret("key-long", -30, 700)] });
        Assert.Contains("valid for 730 days", RuleRun.For("CRED003", tenant).SingleFinding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Passes_secret_of_one_hundred_and_eighty_days()
    {
        var tenant = TestTenant.KnownGood().With(t => t.App = t.App with { PasswordCredentials = [Credentials.Secret("key-ok", -30, 150)] });
        Assert.Empty(RuleRun.For("CRED003", tenant).Findings);
    }

    [Fact]
    public void Is_inconclusive_for_a_credential_without_start_date()
    {
        var tenant = TestTenant.KnownGood().With(t => t.App = t.App with { PasswordCredentials = [Credentials.Secret("key-x", int.MinValue, 100)] });
        Assert.Contains("has no start date", RuleRun.For("CRED003", tenant).SingleInconclusive.Reason, StringComparison.Ordinal);
    }
}

[RuleFixture("CRED004")]
public sealed class Cred004Fixtures
{
    [Fact]
    public void Passes_credentials_registered_on_the_app_registration() => RuleRun.For("CRED004", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_secret_added_on_a_first_party_service_principal()
    {
        var tenant = TestTenant.KnownGood().With(t => t.GraphSp = t.GraphSp with { PasswordCredentials = [Credentials.Secret("key-backdoor", -1, 300)] });
        var finding = RuleRun.For("CRED004", tenant).SingleFinding;
        Assert.Equal("Microsoft Graph", finding.Resource.DisplayName);
    }

    [Fact]
    public void Is_inconclusive_when_service_principals_could_not_be_read()
    {
        var result = RuleRun.For("CRED004", TestTenant.KnownGood().WithGap("graph.servicePrincipals"));
        Assert.NotEmpty(result.Inconclusive);
        Assert.All(result.Inconclusive, i => Assert.Contains("graph.servicePrincipals", i.Reason, StringComparison.Ordinal));
    }
}

[RuleFixture("CRED005")]
public sealed class Cred005Fixtures
{
    [Fact]
    public void Passes_application_using_a_federated_credential() => RuleRun.For("CRED005", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_application_with_a_secret_and_no_federated_credential()
    {
        var tenant = TestTenant.KnownGood().With(t => t.App = t.App with
        {
            FederatedCredentials = [], PasswordCredentials = [Credentials.Secret("key-1", -10, 100)],
        });
        Assert.Equal("Application 'Payroll Sync' authenticates with client secrets and has no federated credential.",
            RuleRun.For("CRED005", tenant).SingleFinding.Message);
    }

    [Fact]
    public void Is_inconclusive_when_federated_credentials_are_unknown()
    {
        var tenant = TestTenant.KnownGood().With(t => t.App = t.App with
        {
            FederatedCredentialsKnown = false, FederatedCredentials = [], PasswordCredentials = [Credentials.Secret("key-1", -10, 100)],
        });
        Assert.Contains("graph.federatedIdentityCredentials", RuleRun.For("CRED005", tenant).SingleInconclusive.Reason, StringComparison.Ordinal);
    }
}
