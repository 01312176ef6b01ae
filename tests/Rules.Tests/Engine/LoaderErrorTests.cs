using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Scanning;
using TenantScanner.Rules.Suppressions;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Views;
using TenantScanner.Rules.Yaml;
using TenantScanner.Rules.Detectors;

namespace TenantScanner.Tests.Engine;

/// <summary>A broken rules file fails at load time with file:line:column and a reason a person can act on.</summary>
public sealed class LoaderErrorTests
{
    private const string Header = "version: \"1\"\nrules:\n";

    /// <summary>A valid rule with one line replaced; the rule's keys start at line 3, column 5.</summary>
    private static string Rule(string conditionLine = "    condition: { field: displayName, equals: x }", string extra = "") => Header + $"""
          - id: TEST001
            title: Test
            family: custom
            severity: low
            resource: servicePrincipal
            requires: [graph.servicePrincipals]
        {conditionLine}
            message: "m"
            remediation: r
        {extra}
        """;

    private static RuleFileException LoadError(string text) =>
        Assert.Throws<RuleFileException>(() => RuleCatalog.Parse("rules.yaml", text, DetectorSet.BuiltIn));

    private static void AssertAt(RuleFileException error, int line, int column, string reasonPart)
    {
        Assert.Equal("rules.yaml", error.File);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(reasonPart, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"rules.yaml:{line}:{column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_the_valid_base_rule() => Assert.Single(RuleCatalog.Parse("rules.yaml", Rule(), DetectorSet.BuiltIn).Rules);

    [Fact]
    public void Rejects_an_unknown_key_and_lists_the_valid_ones()
    {
        var error = LoadError(Rule(extra: "    colour: red"));
        AssertAt(error, 12, 5, "unknown key 'colour' in a rule; valid keys: id, title, family");
    }

    [Fact]
    public void Rejects_a_value_of_the_wrong_type()
    {
        var error = LoadError(Rule(extra: "    controls: ISO27001:A.5.15"));
        AssertAt(error, 12, 15, "'controls' must be a list");
    }

    [Fact]
    public void Rejects_an_unknown_operator()
    {
        var error = LoadError(Rule("    condition: { field: displayName, equalz: x }"));
        AssertAt(error, 9, 38, "unknown key 'equalz' in a condition; valid keys: field, value, count, equals");
    }

    [Fact]
    public void Rejects_a_bad_regex_with_the_dotnet_reason()
    {
        var error = LoadError(Rule("    condition: { field: displayName, match: '(unclosed' }"));
        AssertAt(error, 9, 45, "invalid regular expression '(unclosed'");
        Assert.Contains("Not enough )'s", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_unknown_field_and_lists_the_fields_of_the_resource()
    {
        var error = LoadError(Rule("    condition: { field: displayNam, equals: x }"));
        AssertAt(error, 9, 25, "unknown field 'displayNam' in 'displayNam'; valid fields of servicePrincipal: id, appId, displayName");
    }

    [Fact]
    public void Rejects_an_unknown_nested_field_naming_the_array_it_looked_in()
    {
        var error = LoadError(Rule("    condition: { field: 'owners[*].enabled', equals: true }"));
        AssertAt(error, 9, 25, "valid fields of servicePrincipal.owners[*]: id, type, displayName");
    }

    [Fact]
    public void Rejects_star_on_a_field_that_is_not_an_array()
    {
        var error = LoadError(Rule("    condition: { field: 'displayName[*]', equals: x }"));
        AssertAt(error, 9, 25, "'displayName' is not an array");
    }

    [Fact]
    public void Rejects_duplicate_ids()
    {
        var twice = Rule() + Rule()[Header.Length..];
        AssertAt(LoadError(twice), 12, 9, "duplicate rule id 'TEST001'");
    }

    [Fact]
    public void Rejects_an_unknown_detector_and_lists_the_registered_ones()
    {
        var error = LoadError(Rule(extra: "    detector: secretScanner"));
        AssertAt(error, 12, 15, "unknown detector 'secretScanner'; valid detectors: credentialLifetime, permissionRisk");
    }

    [Fact]
    public void Knows_only_the_detectors_it_is_given()
    {
        var rule = Rule(extra: "    detector: directoryTextSecret");

        Assert.Single(RuleCatalog.Parse("rules.yaml", rule, DetectorSet.BuiltIn).Rules);
        var error = Assert.Throws<RuleFileException>(() => RuleCatalog.Parse("rules.yaml", rule, new DetectorSet([new PrivilegedRoleDetector()])));
        AssertAt(error, 12, 15, "unknown detector 'directoryTextSecret'; valid detectors: privilegedRole");
    }

    [Fact]
    public void Rejects_a_detector_for_another_resource_type()
    {
        var error = LoadError(Rule(extra: "    detector: credentialLifetime"));
        AssertAt(error, 12, 15, "detector 'credentialLifetime' analyses credential resources, not servicePrincipal");
    }

    [Fact]
    public void Rejects_an_unknown_severity()
    {
        var error = LoadError(Rule().Replace("severity: low", "severity: severe", StringComparison.Ordinal));
        AssertAt(error, 6, 15, "unknown severity 'severe'; valid severities: info, low, medium, high, critical");
    }

    [Fact]
    public void Rejects_an_unknown_source_in_requires()
    {
        var error = LoadError(Rule().Replace("[graph.servicePrincipals]", "[graph.servicePrincipalz]", StringComparison.Ordinal));
        AssertAt(error, 8, 16, "unknown source 'graph.servicePrincipalz'; valid sources: graph.organization");
    }

    [Fact]
    public void Rejects_an_unknown_parameter_reference()
    {
        var error = LoadError(Rule("    condition: { field: displayName, equals: \"[parameters('nope')]\" }"));
        AssertAt(error, 9, 46, "unknown parameter 'nope'; this rule's parameters: (none)");
    }

    [Fact]
    public void Rejects_an_unknown_message_placeholder()
    {
        var error = LoadError(Rule().Replace("message: \"m\"", "message: \"{field:nope}\"", StringComparison.Ordinal));
        AssertAt(error, 10, 14, "unknown field 'nope'");
    }

    [Fact]
    public void Rejects_a_missing_required_key()
    {
        var error = LoadError(Rule().Replace("    remediation: r\n", string.Empty, StringComparison.Ordinal));
        AssertAt(error, 3, 5, "rule TEST001 is missing the required key 'remediation'");
    }

    [Fact]
    public void Reports_yaml_syntax_errors_with_their_position()
    {
        var error = LoadError(Header + "  - id: [unclosed\n");
        Assert.Equal("rules.yaml", error.File);
        Assert.NotNull(error.Line);
        Assert.Contains("invalid YAML", error.Reason, StringComparison.Ordinal);
    }
}
