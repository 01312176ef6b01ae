using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Scanning;
using TenantScanner.Rules.Suppressions;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Views;

namespace TenantScanner.Tests.Engine;

public sealed class CatalogSmokeTests
{
    [Fact]
    public void Known_good_tenant_passes_every_shipped_rule()
    {
        var result = RuleRun.Scan(TestTenant.KnownGood().Build());
        Assert.Empty(result.Findings);
        Assert.Empty(result.Inconclusive);
        Assert.False(result.Incomplete);
        Assert.Equal(RuleRun.Catalog.Rules.Count, result.Rules.Count);
    }
}
