using TenantScanner.Rules.Catalog;

namespace TenantScanner.Tests.Engine;

/// <summary>
/// Families are declared once (<see cref="RuleFamilies"/>); the pages that list them must say the same:
/// docs/rules/README.md's families table and README.md's "What it finds" table. (The JSON schema is checked
/// in <see cref="SchemaSyncTests"/>.)
/// </summary>
public sealed class FamilySyncTests
{
    private static List<string> RulesOf(string family) =>
        [.. RuleRun.Catalog.Rules.Where(r => r.Family == family).Select(r => r.Id).Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_shipped_rule_names_a_declared_family()
    {
        Assert.All(RuleRun.Catalog.Rules, r => Assert.NotNull(RuleFamilies.Find(r.Family)));
    }

    [Fact]
    public void Rules_readme_lists_every_family_with_its_label()
    {
        var rows = MarkdownTables.Rows(File.ReadAllText(RepositoryFiles.PathOf("docs/rules/README.md")), "Family");
        Assert.Equal(RuleFamilies.All.Select(f => $"`{f.Id}`"), rows.Select(r => r[0]));
        Assert.All(RuleFamilies.All.Zip(rows), pair => Assert.StartsWith(pair.First.Label, pair.Second[1], StringComparison.Ordinal));
    }

    [Fact]
    public void Rules_readme_names_the_id_prefix_of_each_family()
    {
        var readme = File.ReadAllText(RepositoryFiles.PathOf("docs/rules/README.md"));
        var prefixes = RuleFamilies.All.SelectMany(f => f.IdPrefixes.Select(p => $"`{p}` {f.Id}"));
        Assert.All(prefixes, p => Assert.Contains(p, readme, StringComparison.Ordinal));
    }

    [Fact]
    public void Readme_table_of_what_it_finds_uses_the_family_labels_and_names_only_rules_of_each_family()
    {
        // Not every rule must be named (a new rule is three files, none of them the README), but no row may be wrong.
        var rows = MarkdownTables.Rows(File.ReadAllText(RepositoryFiles.PathOf("README.md")), "Family");
        var shipped = RuleFamilies.All.Where(f => RulesOf(f.Id).Count > 0).ToList();
        Assert.Equal(shipped.Select(f => f.Label).Order(StringComparer.Ordinal), rows.Select(r => r[0]).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var family = RuleFamilies.All.Single(f => f.Label == row[0]);
            Assert.Empty(MarkdownTables.RuleIds(row[1]).Except(RulesOf(family.Id)));
        }
    }
}
