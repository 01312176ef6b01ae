using System.Text;

namespace TenantScanner.Tests.Engine;

/// <summary>
/// rules.yaml is the source of the rule pages' rules.yaml blocks; the rule index in docs/rules/README.md must agree with it.
/// With UPDATE_RULE_DOCS=1 the first test rewrites the blocks of every page instead of checking them.
/// </summary>
public sealed class RuleDocsTests
{
    [Fact]
    public void Rule_pages_repeat_rules_yaml_between_their_markers()
    {
        var conventions = RuleConventions.Shipped;
        var update = Environment.GetEnvironmentVariable(RuleDocPage.UpdateVariable) == "1";
        var problems = new List<string>();
        foreach (var rule in conventions.Catalog.Rules)
        {
            var path = conventions.DocsPath(rule);
            var page = File.ReadAllText(path);
            if (update)
                File.WriteAllText(path, RuleDocPage.Update(rule, page, conventions.ControlTitles), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            else
                problems.AddRange(RuleDocPage.Problems(rule, page, conventions.ControlTitles));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems)
            + $"\nrules.yaml is the source: `{RuleDocPage.UpdateVariable}=1 dotnet test tests/Rules.Tests --filter RuleDocsTests` rewrites the blocks.");
    }

    [Fact]
    public void Rules_readme_index_rows_agree_with_rules_yaml()
    {
        // A new rule need not be indexed (it is three files, none of them this README), but no row may be wrong.
        var rows = MarkdownTables.Rows(File.ReadAllText(RepositoryFiles.PathOf("docs/rules/README.md")), "Id");
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var id = row[0].TrimStart('[').Split(']')[0];
            var rule = RuleRun.Catalog.Find(id);
            Assert.True(rule is not null, $"the index names {id}, which rules.yaml does not have");
            Assert.Equal($"[{id}]({id}.md) | {rule.Title} | {RuleDocPage.SeverityText(rule)} | {rule.ResourceType}", string.Join(" | ", row));
        }
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct().Count());
    }

    [Fact]
    public void Every_control_a_rule_maps_to_has_one_title_and_every_title_is_used()
    {
        var titles = RuleConventions.Shipped.ControlTitles;
        var used = RuleRun.Catalog.Rules.SelectMany(r => r.Controls).ToHashSet(StringComparer.Ordinal);
        var untitled = used.Where(c => !titles.ContainsKey(c)).ToList();
        var unused = titles.Keys.Where(c => !used.Contains(c)).ToList();
        Assert.True(untitled.Count == 0, "controls without a title in docs/rules/README.md: " + string.Join(", ", untitled));
        Assert.True(unused.Count == 0, "titles no rule maps to: " + string.Join(", ", unused));
    }
}
