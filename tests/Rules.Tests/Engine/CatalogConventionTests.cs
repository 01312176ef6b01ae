using System.Reflection;
using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Scanning;
using TenantScanner.Rules.Suppressions;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Views;
using TenantScanner.Inventory;
using TenantScanner.Tests.RuleFixtures;
using TenantScanner.Rules.Detectors;

namespace TenantScanner.Tests.Engine;

/// <summary>Every rule of the shipped catalog follows the conventions: unique id, docs page, fixture, survives an empty tenant.</summary>
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
    public void Rule_has_a_docs_page_with_the_standard_headings(string id)
    {
        var rule = RuleRun.Catalog.Find(id)!;
        Assert.Equal($"docs/rules/{id}.md", rule.Docs);
        var path = RepositoryFiles.PathOf(rule.Docs!);
        Assert.True(File.Exists(path), $"{path} is missing");
        var text = File.ReadAllText(path);
        foreach (var heading in new[] { "## What it checks", "## Why it matters", "## How to fix", "## How to suppress" })
            Assert.Contains(heading, text, StringComparison.Ordinal);
        Assert.Contains($"ruleId: {id}", text, StringComparison.Ordinal);
        foreach (var control in rule.Controls)
            Assert.Contains(control, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_a_fixture_class(string id)
    {
        var fixtures = typeof(CatalogConventionTests).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<RuleFixtureAttribute>()?.RuleId == id).ToList();
        var fixture = Assert.Single(fixtures);
        var tests = fixture.GetMethods().Where(m => m.GetCustomAttribute<FactAttribute>() is not null).Select(m => m.Name).ToList();
        Assert.Contains(tests, n => n.StartsWith("Passes_", StringComparison.Ordinal));
        Assert.Contains(tests, n => n.StartsWith("Flags_", StringComparison.Ordinal));
        Assert.Contains(tests, n => n.StartsWith("Is_inconclusive_", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_metadata_auditors_need(string id)
    {
        var rule = RuleRun.Catalog.Find(id)!;
        Assert.False(string.IsNullOrWhiteSpace(rule.Rationale));
        Assert.False(string.IsNullOrWhiteSpace(rule.Remediation));
        Assert.NotEmpty(rule.Controls);
        Assert.NotEmpty(rule.Requires);
        Assert.All(rule.Controls, c => Assert.Matches(@"^(ISO27001:A\.\d+\.\d+|SOC2:CC\d\.\d|NIST:[A-Z]{2}-\d+(\(\d+\))?|CIS:.+)$", c));
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
