using TenantScanner.Rules.Yaml;
using System.Text.RegularExpressions;
using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Findings;
using TenantScanner.Rules.Suppressions;

namespace TenantScanner.Tests.Engine;

/// <summary>
/// Rule, overlay and suppression files written to hurt, and tenant names chosen to hurt them: each is refused
/// with file:line:column, or the one resource it concerns goes inconclusive; the scan itself always finishes.
/// </summary>
public sealed class HostileRuleFileTests
{
    private static RuleCatalog Overlay(string text) => RuleRun.Catalog.WithOverlayText("overlay.yaml", text);

    private static string MatchRule(string pattern) => $$"""
        rules:
          - id: CUSTOM001
            title: Name pattern
            family: custom
            severity: low
            resource: flow
            requires: [flow.flows]
            condition: { field: displayName, match: '{{pattern}}' }
            message: "Flow '{displayName}' matches."
            remediation: r
        """;

    /// <summary>The name that makes <c>^(a+)+$</c> backtrack through 2^40 ways of splitting the a's.</summary>
    private static TestTenant FlowNamed(string name) => TestTenant.KnownGood().With(t => t.Flow = t.Flow with { DisplayName = name });

    [Fact]
    public void A_catastrophic_match_pattern_runs_in_linear_time_and_decides()
    {
        var catalog = Overlay(MatchRule("^(a+)+$"));
        var result = RuleRun.For("CUSTOM001", FlowNamed(new string('a', 40) + "!"), catalog);
        Assert.Empty(result.Findings);
        Assert.Empty(result.Inconclusive);
        Assert.Equal(1, result.Summary.Passed);
        Assert.Single(RuleRun.For("CUSTOM001", FlowNamed(new string('a', 40)), catalog).Findings);
    }

    [Fact]
    public void A_pattern_that_must_backtrack_and_times_out_makes_only_that_flow_inconclusive()
    {
        // The lookahead keeps this pattern on the backtracking engine, where the name takes far longer than the timeout.
        var catalog = Overlay(MatchRule("^(?=a)(a+)+$"));
        var tenant = FlowNamed(new string('a', 40) + "!").With(t => t.ExtraFlows.Add(t.Flow with { Id = "flow-short", DisplayName = "aaa" }));
        var result = RuleRun.For("CUSTOM001", tenant, catalog);
        var undecided = result.SingleInconclusive;
        Assert.Equal("flow-invoices", undecided.Resource.Id);
        Assert.Contains("regular expression did not finish", undecided.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaa", undecided.Reason, StringComparison.Ordinal);
        Assert.Equal("flow-short", result.SingleFinding.Resource.Id);
    }

    [Fact]
    public void A_suppression_glob_against_a_huge_name_finishes_and_applies()
    {
        var name = new string('-', 20_000);
        var tenant = TestTenant.KnownGood().With(t =>
        {
            t.App = t.App with { Owners = [TestTenant.AliceRef], DisplayName = name };
            t.Sp = t.Sp with { DisplayName = name };
        });
        var stars = SuppressionSet.Parse("suppressions.yaml", "suppressions:\n  - { ruleId: SP003, resource: '*-*-*-*-*-*-*-*-*-*x', justification: ok }\n");
        // On the backtracking engine this glob runs into its timeout on the name (and would then merely not apply).
        Assert.True(stars.Items[0].ResourcePattern.Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.Equal(FindingStatus.Open, RuleRun.Scan(tenant.Build(), suppressions: stars).Findings.Single(f => f.RuleId == "SP003").Status);
        var matching = SuppressionSet.Parse("suppressions.yaml", "suppressions:\n  - { ruleId: SP003, resource: '*-*-*-*-*-*-*-*-*-*', justification: ok }\n");
        Assert.Equal(FindingStatus.Suppressed, RuleRun.Scan(tenant.Build(), suppressions: matching).Findings.Single(f => f.RuleId == "SP003").Status);
    }

    [Fact]
    public void Refuses_aliases_so_a_small_alias_bomb_cannot_expand()
    {
        // 30 levels, each naming the previous twice: 2^30 copies of 'x' once walked, from 1.3 KB of text.
        var lines = new List<string> { "a0: &a0 [x, x]" };
        for (var i = 1; i <= 30; i++)
            lines.Add($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]");
        lines.Add("rules: [*a30]");
        var error = Assert.Throws<RuleFileException>(() => Overlay(string.Join('\n', lines)));
        Assert.Equal("overlay.yaml:2:10: aliases (*a0) are not allowed in rule and suppression files; write the value out", error.Message);
    }

    [Fact]
    public void Refuses_nesting_deeper_than_the_limit()
    {
        var depth = GuardedYamlParser.MaxDepth + 1;
        var error = Assert.Throws<RuleFileException>(() => Overlay("rules: " + new string('[', depth) + new string(']', depth)));
        Assert.Equal($"overlay.yaml:1:{7 + GuardedYamlParser.MaxDepth}: mappings and lists are nested more than {GuardedYamlParser.MaxDepth} deep", error.Message);
    }

    [Fact]
    public void Refuses_a_second_yaml_document_instead_of_ignoring_it()
    {
        var error = Assert.Throws<RuleFileException>(() => Overlay("rules:\n  - { id: SP003, severity: high }\n---\nrules:\n  - { id: SP003, enabled: false }\n"));
        Assert.Equal("overlay.yaml:4:1: the file holds more than one YAML document ('---'); put everything in one", error.Message);
    }

    [Theory]
    [InlineData("1e308", 25)]
    [InlineData("Infinity", 25)]
    [InlineData("-Infinity", 25)]
    [InlineData("NaN", 25)]
    [InlineData("1e3", 25)]
    [InlineData("99999999999999999999", 25)]
    [InlineData("14.5", 25)]
    public void Refuses_an_integer_parameter_that_is_not_a_whole_number_a_double_holds(string value, int column)
    {
        var error = Assert.Throws<RuleFileException>(() => Overlay($"rules:\n  - id: CRED002\n    parameters: {{ days: {value} }}\n"));
        Assert.Equal($"overlay.yaml:3:{column}: parameter 'days' must be of type integer, not '{value}'", error.Message);
    }

    [Theory]
    [InlineData("14")]
    [InlineData("+14")]
    [InlineData("9007199254740991")]
    public void Accepts_integer_parameters_written_as_digits(string value) =>
        Assert.IsType<double>(Overlay($"rules:\n  - id: CRED002\n    parameters: {{ days: {value} }}\n").Find("CRED002")!.Parameters.Single().Value);

    [Fact]
    public void Refuses_a_suppression_for_a_rule_the_catalog_does_not_have()
    {
        var suppressions = SuppressionSet.Parse("suppressions.yaml", "suppressions:\n  - { ruleId: SP003, resource: x, justification: ok }\n  - { ruleId: FLOW01, resource: x, justification: ok }\n");
        var error = Assert.Throws<RuleFileException>(() => suppressions.CheckRuleIds(RuleRun.Catalog));
        Assert.Equal("suppressions.yaml:3:15: unknown rule id 'FLOW01': no rule of the catalog has it, so this suppression could never apply (see 'scanner rules list')", error.Message);
    }

    [Fact]
    public void Accepts_a_suppression_for_a_rule_an_overlay_adds()
    {
        var suppressions = SuppressionSet.Parse("suppressions.yaml", "suppressions:\n  - { ruleId: custom001, resource: x, justification: ok }\n");
        suppressions.CheckRuleIds(Overlay(MatchRule("x")));
        Assert.Throws<RuleFileException>(() => suppressions.CheckRuleIds(RuleRun.Catalog));
    }
}
