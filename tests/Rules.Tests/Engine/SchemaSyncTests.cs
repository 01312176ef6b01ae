using System.Text.Json;
using TenantScanner.Rules.Detectors;
using TenantScanner.Rules.Facts;
using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Scanning;
using TenantScanner.Rules.Suppressions;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Views;
using TenantScanner.Rules.Conditions;
using TenantScanner.Snapshots;
using YamlDotNet.RepresentationModel;

namespace TenantScanner.Tests.Engine;

/// <summary>The JSON schema editors use and the loader must accept the same keys and values.</summary>
public sealed class SchemaSyncTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("schemas/rules.schema.json"))).RootElement;

    private static JsonElement Def(string name) => Schema.GetProperty("$defs").GetProperty(name);

    private static HashSet<string> Properties(JsonElement element) =>
        [.. element.GetProperty("properties").EnumerateObject().Select(p => p.Name)];

    private static HashSet<string> Enum(JsonElement element) => [.. element.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public void Schema_is_draft_2020_12_and_rules_yaml_references_it()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema.GetProperty("$schema").GetString());
        Assert.StartsWith("# yaml-language-server: $schema=./schemas/rules.schema.json", File.ReadAllText(RepositoryFiles.PathOf("rules.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_lists_exactly_the_keys_the_loader_accepts()
    {
        Assert.Equal(RuleCatalog.CatalogKeys.ToHashSet(), Properties(Schema));
        Assert.Equal(RuleReader.RuleKeys.ToHashSet(), Properties(Def("rule")));
        Assert.Equal(RuleReader.SeverityOverrideKeys.ToHashSet(), Properties(Def("severityOverride")));
        Assert.Equal(ConditionCompiler.CountKeys.ToHashSet(), Properties(Def("count")));
        Assert.Equal(ConditionCompiler.LogicalKeys.Concat(ConditionCompiler.OperandKeys).Concat(Operator.Names).ToHashSet(), Properties(Def("condition")));
        var parameterDeclaration = Def("parameter").GetProperty("oneOf")[0];
        Assert.Equal(RuleReader.ParameterKeys.ToHashSet(), Properties(parameterDeclaration));
        Assert.Equal(RuleReader.ParameterTypes.ToHashSet(), Enum(parameterDeclaration.GetProperty("properties").GetProperty("type")));
        Assert.All(RuleCatalog.OverlayRuleKeys, k => Assert.Contains(k, Properties(Def("rule"))));
    }

    [Fact]
    public void Schema_enumerations_match_the_code()
    {
        var rule = Def("rule").GetProperty("properties");
        Assert.Equal(RuleFamilies.Ids.ToHashSet(), Enum(rule.GetProperty("family")));
        Assert.Equal(ResourceTypes.All.Select(r => r.Name).ToHashSet(), Enum(rule.GetProperty("resource")));
        Assert.Equal(DetectorSet.BuiltIn.All.Select(d => d.Name).ToHashSet(), Enum(rule.GetProperty("detector")));
        Assert.Equal(SourceKindIds.All.ToHashSet(), Enum(rule.GetProperty("requires").GetProperty("items")));
        Assert.Equal(new HashSet<string> { "info", "low", "medium", "high", "critical" }, Enum(Def("severity")));
        var required = Def("rule").GetProperty("dependentRequired").GetProperty("condition").EnumerateArray().Select(e => e.GetString()!).Append("id").Append("condition");
        Assert.Equal(RuleReader.RequiredRuleKeys.ToHashSet(), required.ToHashSet());
    }

    [Fact]
    public void Every_rule_in_rules_yaml_uses_only_schema_keys()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(RepositoryFiles.PathOf("rules.yaml"))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var allowed = Properties(Def("rule"));
        foreach (var ruleNode in ((YamlSequenceNode)root.Children[new YamlScalarNode("rules")]).Children.Cast<YamlMappingNode>())
            Assert.All(ruleNode.Children.Keys.Cast<YamlScalarNode>(), key => Assert.Contains(key.Value!, allowed));
    }
}
