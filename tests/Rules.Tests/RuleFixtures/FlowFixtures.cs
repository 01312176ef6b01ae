using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.Inventory;
using TenantScanner.Tests.Engine;

namespace TenantScanner.Tests.RuleFixtures;

[RuleFixture("FLOW001")]
public sealed class Flow001Fixtures
{
    private static TestTenant WithPersonalConnection(TestTenant t, string environmentId = "env-prod") => t.With(x =>
    {
        x.ExtraConnections.Add(TestTenant.PersonalConnection("shared-o365-alice", "alice@contoso.com", environmentId));
        x.Flow = x.Flow with
        {
            EnvironmentId = environmentId,
            Connections = [.. x.Flow.Connections, new FlowConnectionUse("shared_office365", "shared_office365", "shared-o365-alice", null)],
        };
    });

    [Fact]
    public void Passes_flow_whose_connections_sign_in_as_a_service_principal() =>
        RuleRun.For("FLOW001", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_scheduled_production_flow_using_a_personal_connection_as_critical()
    {
        var finding = RuleRun.For("FLOW001", WithPersonalConnection(TestTenant.KnownGood())).SingleFinding;
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal("flow-invoices", finding.Resource.Id);
        Assert.Contains("alice@contoso.com", finding.Message, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, e => e.File == "flow/flows.json" && e.JsonPointer == "/value/0");
        // The evidence shows how many connections matched, not only how many the flow has.
        Assert.Contains(finding.Evidence, e => e.Description == "elements of connections[*] that match the rule" && e.Value == "1 of 2");
    }

    [Fact]
    public void Lowers_severity_to_medium_for_a_manual_flow_outside_production()
    {
        var tenant = WithPersonalConnection(TestTenant.KnownGood(), "env-dev")
            .With(t => t.Flow = t.Flow with { Triggers = [new FlowTrigger("manual", "Request", "Button", TriggerKind.Manual)] });
        Assert.Equal(Severity.Medium, RuleRun.For("FLOW001", tenant).SingleFinding.Severity);
    }

    [Fact]
    public void Keeps_high_for_a_scheduled_flow_in_the_default_environment()
    {
        // The default environment holds everyone's personal automation: critical is kept for
        // Production-type environments so it does not bury the Tier-0 findings.
        var tenant = WithPersonalConnection(TestTenant.KnownGood())
            .With(t => t.Production = t.Production with { Type = EnvironmentType.Default, IsDefault = true });
        Assert.Equal(Severity.High, RuleRun.For("FLOW001", tenant).SingleFinding.Severity);
    }

    [Fact]
    public void Keeps_default_high_for_a_manual_flow_in_production()
    {
        var tenant = WithPersonalConnection(TestTenant.KnownGood())
            .With(t => t.Flow = t.Flow with { Triggers = [new FlowTrigger("manual", "Request", "Button", TriggerKind.Manual)] });
        Assert.Equal(Severity.High, RuleRun.For("FLOW001", tenant).SingleFinding.Severity);
    }

    [Fact]
    public void Is_inconclusive_when_the_connection_is_not_in_the_inventory()
    {
        var tenant = TestTenant.KnownGood().With(t => t.Flow = t.Flow with
        {
            Connections = [new FlowConnectionUse("shared_office365", "shared_office365", "gone-connection", null)],
        });
        var result = RuleRun.For("FLOW001", tenant);
        Assert.Empty(result.Findings);
        Assert.Contains("gone-connection", result.SingleInconclusive.Reason, StringComparison.Ordinal);
        Assert.Contains("powerapps.connections", result.SingleInconclusive.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_inconclusive_for_flows_of_an_environment_whose_connections_could_not_be_read()
    {
        var result = RuleRun.For("FLOW001", TestTenant.KnownGood().WithGap("powerapps.connections", "env-prod"));
        Assert.Contains("powerapps.connections", result.SingleInconclusive.Reason, StringComparison.Ordinal);
        Assert.Equal(0, result.Summary.Passed);
    }
}

[RuleFixture("FLOW002")]
public sealed class Flow002Fixtures
{
    [Fact]
    public void Passes_flow_co_owned_by_a_group() => RuleRun.For("FLOW002", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_flow_owned_only_by_people()
    {
        var tenant = TestTenant.KnownGood().With(t => t.Flow = t.Flow with
        {
            Owners = [new FlowOwner(TestTenant.AliceRef, "Owner", TestTenant.Src("/value/0")), new FlowOwner(TestTenant.BobRef, "CanEdit", TestTenant.Src("/value/1"))],
        });
        var finding = RuleRun.For("FLOW002", tenant).SingleFinding;
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Contains("alice@contoso.com, bob@contoso.com", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_that_can_only_view_does_not_count_as_an_owner()
    {
        var tenant = TestTenant.KnownGood().With(t => t.Flow = t.Flow with
        {
            Owners = [new FlowOwner(TestTenant.AliceRef, "Owner", TestTenant.Src("/value/0")), new FlowOwner(TestTenant.FinanceGroupRef, "CanView", TestTenant.Src("/value/1"))],
        });
        Assert.Single(RuleRun.For("FLOW002", tenant).Findings);
    }

    [Fact]
    public void Is_inconclusive_when_owners_are_unknown()
    {
        var tenant = TestTenant.KnownGood().With(t => t.Flow = t.Flow with { OwnersKnown = false, Owners = [] });
        Assert.Contains("flow.owners", RuleRun.For("FLOW002", tenant).SingleInconclusive.Reason, StringComparison.Ordinal);
    }
}

[RuleFixture("FLOW003")]
public sealed class Flow003Fixtures
{
    [Fact]
    public void Passes_flow_whose_owners_and_identities_are_active() => RuleRun.For("FLOW003", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_flow_whose_only_connection_belongs_to_a_disabled_user()
    {
        var tenant = TestTenant.KnownGood().With(t =>
        {
            t.Bob = t.Bob with { AccountEnabled = false };
            t.ExtraConnections.Add(TestTenant.PersonalConnection("shared-o365-bob", "bob@contoso.com"));
            t.Flow = t.Flow with { Connections = [new FlowConnectionUse("shared_office365", "shared_office365", "shared-o365-bob", null)] };
        });
        var finding = RuleRun.For("FLOW003", tenant).SingleFinding;
        Assert.Contains("bob@contoso.com", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_flow_with_a_deleted_owner()
    {
        var tenant = TestTenant.KnownGood().With(t => t.Alice = t.Alice with { IsDeleted = true, AccountEnabled = null });
        Assert.Contains("alice@contoso.com", RuleRun.For("FLOW003", tenant).SingleFinding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_flow_whose_connection_names_a_deleted_user_by_the_upn_he_had_before_deletion()
    {
        // Entra prefixes a deleted user's UPN with his object id; his old connections keep the original UPN.
        const string bobId = "93f77e08-f000-4555-b8d5-371b38e5d4ab";
        var tenant = TestTenant.KnownGood().With(t =>
        {
            t.Bob = t.Bob with { Id = bobId, IsDeleted = true, AccountEnabled = null, UserPrincipalName = "93f77e08f0004555b8d5371b38e5d4abbob@contoso.com" };
            t.ExtraConnections.Add(TestTenant.PersonalConnection("shared-o365-bob", "bob@contoso.com"));
            t.Flow = t.Flow with { Connections = [new FlowConnectionUse("shared_office365", "shared_office365", "shared-o365-bob", null)] };
        });

        var finding = RuleRun.For("FLOW003", tenant).SingleFinding;

        Assert.Contains("bob@contoso.com (deleted; connection 'Office 365 (bob@contoso.com)')", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("93f77e08f000", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_an_account_that_is_both_owner_and_connection_once_with_both_roles()
    {
        var tenant = TestTenant.KnownGood().With(t =>
        {
            t.Alice = t.Alice with { AccountEnabled = false };
            t.ExtraConnections.Add(TestTenant.PersonalConnection("shared-o365-alice", "alice@contoso.com"));
            t.Flow = t.Flow with { Connections = [new FlowConnectionUse("shared_office365", "shared_office365", "shared-o365-alice", null)] };
        });

        var message = RuleRun.For("FLOW003", tenant).SingleFinding.Message;

        Assert.Contains("alice@contoso.com (disabled; owner, connection 'Office 365 (alice@contoso.com)')", message, StringComparison.Ordinal);
        Assert.Equal(2, message.Split("alice@contoso.com").Length - 1);
    }

    [Fact]
    public void Is_inconclusive_when_an_owner_account_state_is_unknown()
    {
        var tenant = TestTenant.KnownGood().With(t => t.Alice = t.Alice with { AccountEnabled = null });
        var result = RuleRun.For("FLOW003", tenant);
        Assert.Empty(result.Findings);
        Assert.Contains("alice@contoso.com", result.SingleInconclusive.Reason, StringComparison.Ordinal);
    }
}

[RuleFixture("FLOW007")]
public sealed class Flow007Fixtures
{
    [Fact]
    public void Passes_flow_whose_connections_are_connected() => RuleRun.For("FLOW007", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_flow_using_a_connection_in_error()
    {
        var tenant = TestTenant.KnownGood().With(t => t.ServiceConnection = t.ServiceConnection with { Statuses = ["Error"], ErrorCode = "Unauthorized" });
        Assert.Contains("SQL (payroll SP)", RuleRun.For("FLOW007", tenant).SingleFinding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_inconclusive_when_flow_details_could_not_be_read()
    {
        var result = RuleRun.For("FLOW007", TestTenant.KnownGood().WithGap("flow.flowDetails", "env-prod"));
        Assert.Contains("flow.flowDetails", result.SingleInconclusive.Reason, StringComparison.Ordinal);
    }
}

/// <summary>Owners that are Dataverse application users resolve through the systemuser record and the service principal.</summary>
public sealed class ApplicationUserOwnerTests
{
    private static TestTenant OwnedByApplicationUser(bool disabled) => TestTenant.KnownGood().With(t =>
    {
        t.Flow = t.Flow with { Owners = [new FlowOwner(new PrincipalRef("app-payroll", PrincipalType.ApplicationUser, "Payroll Sync"), "Owner", TestTenant.Src("/value/0"))] };
        t.ApplicationUsers.Add(new ApplicationUser
        {
            SystemUserId = "su-1", EnvironmentId = "env-prod", ApplicationId = "app-payroll", IsDisabled = disabled, Source = TestTenant.Src("/value/0", "dataverse/systemusers.json"),
        });
    });

    [Fact]
    public void Flow_owned_by_an_application_user_is_not_owned_only_by_people() =>
        RuleRun.For("FLOW002", OwnedByApplicationUser(disabled: false)).AssertPassed();

    [Fact]
    public void Flags_flow_owned_by_a_disabled_application_user() =>
        Assert.Single(RuleRun.For("FLOW003", OwnedByApplicationUser(disabled: true)).Findings);
}
