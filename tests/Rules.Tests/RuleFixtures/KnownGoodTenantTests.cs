using TenantScanner.Inventory.Loading;
using TenantScanner.Inventory;
using TenantScanner.Snapshots;
using TenantScanner.Tests.Engine;
using TenantScanner.Tests.RuleFixtures.Runner;

namespace TenantScanner.Tests.RuleFixtures;

/// <summary>The tenant the data fixtures patch: a real snapshot on which every shipped rule passes.</summary>
public sealed class KnownGoodTenantTests
{
    [Fact]
    public void Is_a_valid_snapshot_that_reads_every_required_source()
    {
        var loaded = InventoryLoader.Load(new FolderSnapshotSource(FixtureRunner.KnownGoodFolder));
        Assert.Empty(loaded.Inventory.Coverage.Gaps);
        Assert.Equal(TestTenant.AsOf, loaded.Inventory.CollectedAt);
    }

    [Fact]
    public void Every_shipped_rule_passes_on_it()
    {
        var loaded = InventoryLoader.Load(PatchedSnapshot.Build(FixtureRunner.KnownGoodFolder, []));
        var result = RuleRun.Scan(loaded.Inventory, asOf: loaded.Inventory.CollectedAt);
        Assert.Empty(result.Findings.Select(f => $"{f.RuleId} {f.Resource.Id}: {f.Message}"));
        Assert.Empty(result.Inconclusive.Select(i => $"{i.RuleId} {i.Resource.Id}: {i.Reason}"));
        var unexercised = result.Rules.Where(r => r.Passed == 0).Select(r => r.Id);
        Assert.Empty(unexercised);
    }
}
