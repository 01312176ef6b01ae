using TenantScanner.Rules.Catalog;
using TenantScanner.Tests.Engine;
using TenantScanner.Tests.RuleFixtures.Runner;

namespace TenantScanner.Tests.RuleFixtures;

/// <summary>
/// Proves the path docs/rules/README.md promises: a new declarative rule is three data files (its rules.yaml
/// entry, its docs page, its fixture cases) and nothing else. The example rule TEST900 lives in
/// RuleFixtures/Example; it goes through the same convention checks and the same generic fixture runner as
/// the shipped rules.
/// </summary>
public sealed class ThreeFileRuleExampleTests
{
    private const string Id = "TEST900";
    private static readonly string ExampleRoot = RepositoryFiles.PathOf("tests/Rules.Tests/RuleFixtures/Example");

    private static RuleConventions ConventionsAt(string root) => new(
        RuleRun.Catalog.WithOverlayText("rules.yaml", File.ReadAllText(Path.Combine(root, "rules.yaml"))), root, Path.Combine(root, "Data"), RuleConventions.Shipped.ControlTitles);

    [Fact]
    public void A_rule_added_by_three_files_meets_every_convention()
    {
        var conventions = ConventionsAt(ExampleRoot);
        var rule = conventions.Rule(Id);
        var problems = conventions.DocsProblems(Id).Concat(conventions.FixtureProblems(Id)).Concat(RuleConventions.MetadataProblems(rule)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_case_of_the_added_rule_passes_the_generic_fixture_runner()
    {
        var conventions = ConventionsAt(ExampleRoot);
        var file = FixtureFileReader.Read(Path.Combine(ExampleRoot, "Data", Id + ".yaml"));
        Assert.Equal(3, file.Cases.Count);
        var problems = file.Cases.SelectMany(c => FixtureRunner.Problems(Id, c, conventions.Catalog).Select(p => $"{c.Name}: {p}")).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_checks_catch_a_page_that_strays_from_rules_yaml_and_a_fixture_without_a_failing_case()
    {
        var copy = CopyOfExample();
        try
        {
            var page = Path.Combine(copy, "docs", "rules", Id + ".md");
            File.WriteAllText(page, File.ReadAllText(page).Replace("because the flow never runs", "because it never runs", StringComparison.Ordinal));
            var fixture = Path.Combine(copy, "Data", Id + ".yaml");
            var cases = File.ReadAllText(fixture);
            var failing = cases.IndexOf("  - name: Flags a stopped flow", StringComparison.Ordinal);
            var next = cases.IndexOf("  - name: Is inconclusive", StringComparison.Ordinal);
            File.WriteAllText(fixture, cases[..failing] + cases[next..]);

            var conventions = ConventionsAt(copy);

            var docs = Assert.Single(conventions.DocsProblems(Id));
            Assert.StartsWith("TEST900 why: the page differs from rules.yaml", docs, StringComparison.Ordinal);
            Assert.Contains("- A stopped flow still holds", docs, StringComparison.Ordinal);
            Assert.Contains("because it never runs", docs, StringComparison.Ordinal);
            Assert.Contains("+ A stopped flow still holds", docs, StringComparison.Ordinal);
            Assert.Equal("TEST900: TEST900.yaml has no case with expect: fail", Assert.Single(conventions.FixtureProblems(Id)));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void The_runner_reports_a_case_whose_expectation_the_rule_does_not_meet()
    {
        var conventions = ConventionsAt(ExampleRoot);
        var file = FixtureFileReader.Read(Path.Combine(ExampleRoot, "Data", Id + ".yaml"));
        var failing = file.Case("Flags a stopped flow");
        var wrong = failing with { Findings = [failing.Findings[0] with { Severity = Rules.Findings.Severity.High, Resource = "flow-other" }] };

        var problems = FixtureRunner.Problems(Id, wrong, conventions.Catalog);

        Assert.Contains("expected a finding on 'flow-other'", problems);
        Assert.Contains("unexpected finding on 'flow-invoices'", problems);
    }

    private static string CopyOfExample()
    {
        var copy = Path.Combine(Path.GetTempPath(), "rule-fixture-example", Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(ExampleRoot, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(ExampleRoot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }
}
