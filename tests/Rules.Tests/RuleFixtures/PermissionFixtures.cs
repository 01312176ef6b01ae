using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.Inventory;
using TenantScanner.Tests.Engine;

namespace TenantScanner.Tests.RuleFixtures;

[RuleFixture("PERM001")]
public sealed class Perm001Fixtures
{
    [Fact]
    public void Passes_read_only_directory_permission() => RuleRun.For("PERM001", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_application_readwrite_all_and_names_the_narrower_option()
    {
        var tenant = TestTenant.KnownGood().With(t => t.AppRoleAssignments.Add(
            TestTenant.Assignment("ara-2", "sp-payroll", "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9", "Application.ReadWrite.All")));
        var finding = RuleRun.For("PERM001", tenant).SingleFinding;
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Contains("Application.ReadWrite.OwnedBy", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recognises_the_permission_by_name_when_the_resource_app_id_is_unknown()
    {
        var tenant = TestTenant.KnownGood().With(t => t.AppRoleAssignments.Add(
            TestTenant.Assignment("ara-2", "sp-payroll", "unknown-role-id", "RoleManagement.ReadWrite.Directory") with { ResourceAppId = null }));
        Assert.Single(RuleRun.For("PERM001", tenant).Findings);
    }

    [Fact]
    public void Is_inconclusive_when_the_holder_is_not_in_the_inventory()
    {
        var tenant = TestTenant.KnownGood().With(t => t.AppRoleAssignments.Add(
            TestTenant.Assignment("ara-9", "sp-missing", "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9", "Application.ReadWrite.All") with { PrincipalType = null }));
        Assert.Contains("sp-missing", RuleRun.For("PERM001", tenant).SingleInconclusive.Reason, StringComparison.Ordinal);
    }
}

[RuleFixture("PERM002")]
public sealed class Perm002Fixtures
{
    [Fact]
    public void Passes_service_principal_holding_only_directory_readers() => RuleRun.For("PERM002", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_global_administrator_held_by_a_service_principal_as_critical()
    {
        var tenant = TestTenant.KnownGood().With(t => t.RoleAssignments.Add(new DirectoryRoleAssignment
        {
            Id = "ra-9", PrincipalId = "sp-payroll", RoleDefinitionId = "62e90394-69f5-4237-9190-012177145e10", DirectoryScopeId = "/",
            Source = TestTenant.Src("/value/9"),
        }));
        var finding = RuleRun.For("PERM002", tenant).SingleFinding;
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Contains("Global Administrator", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_high_for_an_indirect_path_role()
    {
        var tenant = TestTenant.KnownGood().With(t => t.RoleAssignments.Add(new DirectoryRoleAssignment
        {
            Id = "ra-9", PrincipalId = "sp-payroll", RoleDefinitionId = "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", Source = TestTenant.Src("/value/9"),
        }));
        Assert.Equal(Severity.High, RuleRun.For("PERM002", tenant).SingleFinding.Severity);
    }

    [Fact]
    public void Is_inconclusive_when_role_assignments_could_not_be_read()
    {
        var result = RuleRun.For("PERM002", TestTenant.KnownGood().WithGap("graph.roleAssignments"));
        Assert.NotEmpty(result.Inconclusive);
        Assert.Equal(0, result.Summary.Passed);
    }
}

[RuleFixture("PERM003")]
public sealed class Perm003Fixtures
{
    [Fact]
    public void Passes_permission_without_tenant_wide_data_access() => RuleRun.For("PERM003", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_mail_read_and_names_the_narrower_option_from_the_reference()
    {
        var tenant = TestTenant.KnownGood().With(t => t.AppRoleAssignments.Add(
            TestTenant.Assignment("ara-3", "sp-payroll", "810c84a8-4a9e-49e6-bf7d-12d183f40d01", "Mail.Read")));
        var finding = RuleRun.For("PERM003", tenant).SingleFinding;
        Assert.StartsWith("Service principal 'Payroll Sync' holds Mail.Read on Microsoft Graph", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no narrower permission is listed", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_inconclusive_when_app_role_assignments_could_not_be_read()
    {
        var result = RuleRun.For("PERM003", TestTenant.KnownGood().WithGap("graph.appRoleAssignments"));
        Assert.Contains("graph.appRoleAssignments", Assert.Single(result.Inconclusive).Reason, StringComparison.Ordinal);
    }
}

[RuleFixture("PERM004")]
public sealed class Perm004Fixtures
{
    [Fact]
    public void Passes_user_level_consent() => RuleRun.For("PERM004", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_tenant_wide_grant_of_mail_read()
    {
        var tenant = TestTenant.KnownGood().With(t => t.Grants[0] = t.Grants[0] with { ConsentType = "AllPrincipals", PrincipalId = null, Scopes = ["User.Read", "Mail.Read"] });
        Assert.Contains("User.Read, Mail.Read", RuleRun.For("PERM004", tenant).SingleFinding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Passes_tenant_wide_grant_of_narrow_scopes_only()
    {
        var tenant = TestTenant.KnownGood().With(t => t.Grants[0] = t.Grants[0] with { ConsentType = "AllPrincipals", Scopes = ["User.Read", "openid"] });
        RuleRun.For("PERM004", tenant).AssertPassed();
    }

    [Fact]
    public void Is_inconclusive_when_the_client_is_not_in_the_inventory()
    {
        var tenant = TestTenant.KnownGood().With(t => t.Grants[0] = t.Grants[0] with { ClientId = "sp-gone" });
        Assert.Contains("sp-gone", RuleRun.For("PERM004", tenant).SingleInconclusive.Reason, StringComparison.Ordinal);
    }
}

[RuleFixture("PERM005")]
public sealed class Perm005Fixtures
{
    [Fact]
    public void Passes_application_not_registered_as_management_app() => RuleRun.For("PERM005", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_application_registered_as_management_app()
    {
        var tenant = TestTenant.KnownGood().With(t => t.ManagementAppIds.Add("app-payroll"));
        Assert.Equal("sp-payroll", RuleRun.For("PERM005", tenant).SingleFinding.Resource.Id);
    }

    [Fact]
    public void Is_inconclusive_when_management_apps_could_not_be_read()
    {
        var result = RuleRun.For("PERM005", TestTenant.KnownGood().WithGap("powerplatform.managementApps"));
        Assert.NotEmpty(result.Inconclusive);
        Assert.Empty(result.Findings);
        Assert.Equal(0, result.Summary.Passed);
    }
}
