using TenantScanner.Rules.Catalog;
using TenantScanner.Inventory;
using TenantScanner.Tests.RuleFixtures;
using TenantScanner.Rules.Detectors;

namespace TenantScanner.Tests.Engine;

/// <summary>
/// Every rule of the shipped catalog follows the conventions (<see cref="RuleConventions"/>): unique id, docs
/// page that agrees with rules.yaml, fixture, metadata, survives an empty tenant.
/// </summary>
public sealed class CatalogConventionTests
{
    public static TheoryData<string> RuleIds() => [.. RuleRun.Catalog.Rules.Select(r => r.Id)];

    [Fact]
    public void Rule_ids_are_unique()
    {
        var duplicates = RuleRun.Catalog.Rules.GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Fact]
    public void The_shipped_file_and_the_embedded_catalog_are_the_same()
    {
        var path = RepositoryFiles.PathOf("rules.yaml");
        var fromDisk = RuleCatalog.Parse(path, File.ReadAllText(path), DetectorSet.BuiltIn);
        Assert.Equal(RuleRun.Catalog.Version, fromDisk.Version);
        Assert.Equal(RuleRun.Catalog.Rules.Select(r => r.Id), fromDisk.Rules.Select(r => r.Id));
        Assert.Matches(@"^\d{4}\.\d{1,2}\.\d+$", RuleRun.Catalog.Version);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_a_docs_page_that_agrees_with_rules_yaml(string id)
    {
        var problems = RuleConventions.Shipped.DocsProblems(id);
        Assert.True(problems.Count == 0, string.Join("\n", problems)
            + $"\nrules.yaml is the source of the rules.yaml blocks: `{RuleDocPage.UpdateVariable}=1 dotnet test tests/Rules.Tests --filter RuleDocsTests` rewrites them.");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_a_fixture_with_a_pass_a_fail_and_an_inconclusive_case(string id)
    {
        var problems = RuleConventions.Shipped.FixtureProblems(id);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_fixture_data_file_names_a_rule_of_the_catalog()
    {
        var orphans = RuleFixtureDataTests.DataFiles().Select(Path.GetFileNameWithoutExtension).Where(id => RuleRun.Catalog.Find(id!) is null);
        Assert.Empty(orphans);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_metadata_auditors_need(string id)
    {
        var problems = RuleConventions.MetadataProblems(RuleRun.Catalog.Find(id)!);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_rule_survives_an_empty_inventory()
    {
        var empty = new TenantInventory { TenantId = "t", CollectedAt = TestTenant.AsOf };
        var result = RuleRun.Scan(empty);
        Assert.Empty(result.Findings);
        Assert.Empty(result.Inconclusive);
        Assert.Equal(RuleRun.Catalog.Rules.Count, result.Rules.Count);
        Assert.All(result.Rules, r => Assert.Equal((0, 0, 0), (r.Passed, r.Failed, r.Inconclusive)));
    }
}
