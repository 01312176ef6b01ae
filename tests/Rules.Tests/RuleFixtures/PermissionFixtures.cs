using TenantScanner.Tests.Engine;

namespace TenantScanner.Tests.RuleFixtures;

/// <summary>
/// PERM001 behaviour the data fixture (Data/PERM001.yaml) cannot reach: from a snapshot, an assignment whose
/// resource is unknown also has no permission name, so only the in-memory tenant can pose the question.
/// </summary>
public sealed class Perm001ByNameTests
{
    [Fact]
    public void Recognises_the_permission_by_name_when_the_resource_app_id_is_unknown()
    {
        var tenant = TestTenant.KnownGood().With(t => t.AppRoleAssignments.Add(
            TestTenant.Assignment("ara-2", "sp-payroll", "unknown-role-id", "RoleManagement.ReadWrite.Directory") with { ResourceAppId = null }));
        Assert.Single(RuleRun.For("PERM001", tenant).Findings);
    }
}
