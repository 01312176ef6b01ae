using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.Inventory;
using TenantScanner.Tests.Engine;

namespace TenantScanner.Tests.RuleFixtures;

[RuleFixture("SP001")]
public sealed class Sp001Fixtures
{
    [Fact]
    public void Passes_application_whose_registration_has_owners() => RuleRun.For("SP001", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_application_without_owners_on_registration_or_service_principal()
    {
        var tenant = TestTenant.KnownGood().With(t => t.App = t.App with { Owners = [] });
        var finding = RuleRun.For("SP001", tenant).SingleFinding;
        Assert.Equal("servicePrincipal", finding.Resource.Type);
        Assert.Equal("sp-payroll", finding.Resource.Id);
        Assert.Equal("Application 'Payroll Sync' has no owner on its app registration or its service principal.", finding.Message);
    }

    [Fact]
    public void Skips_managed_identities_and_microsoft_first_party_apps()
    {
        var tenant = TestTenant.KnownGood().With(t => t.ExtraServicePrincipals.Add(t.Sp with
        {
            Id = "sp-mi", AppId = "app-mi", DisplayName = "vm-identity", Classification = ServicePrincipalClass.ManagedIdentity, Tags = [],
        }));
        var result = RuleRun.For("SP001", tenant);
        Assert.Empty(result.Findings);
        Assert.Equal(1, result.Summary.Passed);
    }

    [Fact]
    public void Is_inconclusive_when_application_owners_are_unknown()
    {
        var tenant = TestTenant.KnownGood().With(t => t.App = t.App with { OwnersKnown = false, Owners = [] });
        Assert.Contains("graph.applicationOwners", RuleRun.For("SP001", tenant).SingleInconclusive.Reason, StringComparison.Ordinal);
    }
}

[RuleFixture("SP002")]
public sealed class Sp002Fixtures
{
    [Fact]
    public void Passes_application_with_active_owners() => RuleRun.For("SP002", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_application_whose_owners_are_all_disabled_or_deleted()
    {
        var tenant = TestTenant.KnownGood().With(t =>
        {
            t.Alice = t.Alice with { AccountEnabled = false };
            t.Bob = t.Bob with { IsDeleted = true };
        });
        var finding = RuleRun.For("SP002", tenant).SingleFinding;
        Assert.Equal(Severity.High, finding.Severity);
    }

    [Fact]
    public void Names_a_deleted_owner_by_his_upn_without_the_deleted_object_prefix()
    {
        const string bobId = "93f77e08-f000-4555-b8d5-371b38e5d4ab";
        const string prefixedUpn = "93f77e08f0004555b8d5371b38e5d4abbob@contoso.com";
        var tenant = TestTenant.KnownGood().With(t =>
        {
            t.Alice = t.Alice with { AccountEnabled = false };
            t.Bob = t.Bob with { Id = bobId, IsDeleted = true, AccountEnabled = null, UserPrincipalName = prefixedUpn };
            // As $expand=owners returns a deleted owner: with the prefixed UPN.
            t.App = t.App with { Owners = [TestTenant.AliceRef, new PrincipalRef(bobId, PrincipalType.User, "Bob Brown", prefixedUpn)] };
        });

        var finding = RuleRun.For("SP002", tenant).SingleFinding;

        Assert.Contains("alice@contoso.com, bob@contoso.com", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(prefixedUpn, finding.Message + finding.Resource.Owner, StringComparison.Ordinal);
    }

    [Fact]
    public void Passes_when_one_owner_is_still_active_even_if_another_is_unknown()
    {
        var tenant = TestTenant.KnownGood().With(t => t.Bob = t.Bob with { AccountEnabled = null });
        RuleRun.For("SP002", tenant).AssertPassed();
    }

    [Fact]
    public void Is_inconclusive_when_the_only_other_owner_state_is_unknown()
    {
        var tenant = TestTenant.KnownGood().With(t =>
        {
            t.Alice = t.Alice with { AccountEnabled = false };
            t.Bob = t.Bob with { AccountEnabled = null };
        });
        Assert.Contains("bob@contoso.com", RuleRun.For("SP002", tenant).SingleInconclusive.Reason, StringComparison.Ordinal);
    }
}

[RuleFixture("SP003")]
public sealed class Sp003Fixtures
{
    [Fact]
    public void Passes_application_with_two_owners() => RuleRun.For("SP003", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_application_with_a_single_owner()
    {
        var tenant = TestTenant.KnownGood().With(t => t.App = t.App with { Owners = [TestTenant.AliceRef] });
        Assert.Equal("Application 'Payroll Sync' has fewer than 2 owners (Alice Adams).", RuleRun.For("SP003", tenant).SingleFinding.Message);
    }

    [Fact]
    public void Counts_an_owner_of_both_registration_and_service_principal_once()
    {
        var tenant = TestTenant.KnownGood().With(t =>
        {
            t.App = t.App with { Owners = [TestTenant.AliceRef] };
            t.Sp = t.Sp with { Owners = [TestTenant.AliceRef] };
        });
        Assert.Single(RuleRun.For("SP003", tenant).Findings);
    }

    [Fact]
    public void Is_inconclusive_when_service_principal_owners_could_not_be_read()
    {
        var result = RuleRun.For("SP003", TestTenant.KnownGood().WithGap("graph.servicePrincipalOwners"));
        Assert.Contains("graph.servicePrincipalOwners", result.SingleInconclusive.Reason, StringComparison.Ordinal);
    }
}

[RuleFixture("SP004")]
public sealed class Sp004Fixtures
{
    [Fact]
    public void Passes_application_tagged_with_its_business_owner() => RuleRun.For("SP004", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Passes_application_whose_notes_name_the_business_owner()
    {
        var tenant = TestTenant.KnownGood().With(t => t.Sp = t.Sp with { Tags = [], Notes = "Business owner: Jane Doe (Finance)" });
        RuleRun.For("SP004", tenant).AssertPassed();
    }

    [Fact]
    public void Flags_application_without_owner_tag_or_notes()
    {
        var tenant = TestTenant.KnownGood().With(t => t.Sp = t.Sp with { Tags = ["WindowsAzureActiveDirectoryIntegratedApp"] });
        Assert.Equal(Severity.Low, RuleRun.For("SP004", tenant).SingleFinding.Severity);
    }

    [Fact]
    public void Is_inconclusive_when_app_registrations_could_not_be_read()
    {
        var result = RuleRun.For("SP004", TestTenant.KnownGood().WithGap("graph.applications"));
        Assert.Contains("graph.applications", result.SingleInconclusive.Reason, StringComparison.Ordinal);
    }
}
