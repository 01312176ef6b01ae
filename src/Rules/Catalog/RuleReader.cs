using System.Text.RegularExpressions;
using TenantScanner.Rules.Findings;
using TenantScanner.Snapshots;
using YamlDotNet.RepresentationModel;
using TenantScanner.Rules.Yaml;

namespace TenantScanner.Rules.Catalog;

/// <summary>Reads one rule mapping strictly: every key known, every value of the right type.</summary>
internal static partial class RuleReader
{
    /// <summary>Every key a rule may have. The JSON schema (schemas/rules.schema.json) must list the same.</summary>
    public static IReadOnlyList<string> RuleKeys { get; } =
    [
        "id", "title", "family", "severity", "resource", "requires", "detector", "parameters", "appliesTo", "condition",
        "severityOverrides", "message", "rationale", "remediation", "remediationCommand", "remediationAction", "controls", "docs", "enabled",
    ];

    public static IReadOnlyList<string> RequiredRuleKeys { get; } =
        ["id", "title", "family", "severity", "resource", "requires", "condition", "message", "remediation"];

    public static IReadOnlyList<string> ParameterKeys { get; } = ["type", "default", "description"];
    public static IReadOnlyList<string> ParameterTypes { get; } = ["integer", "number", "string", "boolean", "array"];
    public static IReadOnlyList<string> SeverityOverrideKeys { get; } = ["when", "severity"];

    [GeneratedRegex("^[A-Z]+[0-9]{3,}$")]
    private static partial Regex IdPattern();

    public static string ReadId(YamlFile file, YamlMappingNode rule)
    {
        var node = file.Require(rule, "id", "a rule");
        var id = file.String(node, "'id'");
        if (!IdPattern().IsMatch(id))
            throw file.Error(node, $"rule id '{id}' must be upper-case letters followed by at least three digits, e.g. FLOW001");
        return id;
    }

    public static RuleSource Read(YamlFile file, YamlMappingNode rule)
    {
        file.CheckKeys(rule, RuleKeys, "a rule");
        var id = ReadId(file, rule);
        var what = $"rule {id}";
        foreach (var key in RequiredRuleKeys)
            file.Require(rule, key, what);
        var family = file.String(YamlFile.Get(rule, "family")!, "'family'");
        if (!RuleFamilies.Ids.Contains(family))
            throw file.Error(YamlFile.Get(rule, "family")!, $"unknown family '{family}'; valid families: {string.Join(", ", RuleFamilies.Ids)}");
        var requiresNode = YamlFile.Get(rule, "requires")!;
        var requires = file.Sequence(requiresNode, "'requires'").Children.Select(n =>
        {
            var source = file.String(n, "each item of 'requires'");
            return SourceKindIds.TryParse(source, out _) ? source
                : throw file.Error(n, $"unknown source '{source}'; valid sources: {string.Join(", ", SourceKindIds.All)}");
        }).ToList();
        return new RuleSource
        {
            File = file,
            Node = rule,
            Id = id,
            Title = file.String(YamlFile.Get(rule, "title")!, "'title'"),
            Family = family,
            Severity = ReadSeverity(file, YamlFile.Get(rule, "severity")!),
            ResourceNode = YamlFile.Get(rule, "resource")!,
            Requires = requires,
            RequiresNode = requiresNode,
            DetectorNode = YamlFile.Get(rule, "detector"),
            AppliesTo = YamlFile.Get(rule, "appliesTo"),
            Condition = YamlFile.Get(rule, "condition")!,
            Parameters = YamlFile.Get(rule, "parameters") is { } p ? ReadParameters(file, p) : [],
            SeverityOverrides = YamlFile.Get(rule, "severityOverrides") is { } o ? (file, file.Sequence(o, "'severityOverrides'")) : null,
            MessageNode = YamlFile.Get(rule, "message")!,
            Rationale = YamlFile.Get(rule, "rationale") is { } r ? file.String(r, "'rationale'") : null,
            Remediation = file.String(YamlFile.Get(rule, "remediation")!, "'remediation'"),
            RemediationCommand = YamlFile.Get(rule, "remediationCommand") is { } c ? file.String(c, "'remediationCommand'") : null,
            RemediationAction = YamlFile.Get(rule, "remediationAction") is { } a ? file.String(a, "'remediationAction'") : null,
            Controls = YamlFile.Get(rule, "controls") is { } controls ? file.StringList(controls, "'controls'") : [],
            Docs = YamlFile.Get(rule, "docs") is { } d ? file.String(d, "'docs'") : null,
            Enabled = YamlFile.Get(rule, "enabled") is not { } e || file.Boolean(e, "'enabled'"),
        };
    }

    public static Severity ReadSeverity(YamlFile file, YamlNode node)
    {
        var text = file.String(node, "'severity'");
        return SeverityNames.TryParse(text, out var severity) && text == severity.ToId()
            ? severity
            : throw file.Error(node, $"unknown severity '{text}'; valid severities: info, low, medium, high, critical");
    }

    private static List<ParameterDeclaration> ReadParameters(YamlFile file, YamlNode node)
    {
        var mapping = file.Mapping(node, "'parameters'");
        var result = new List<ParameterDeclaration>();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var name = file.String(keyNode, "a parameter name");
            var declaration = file.Mapping(valueNode, $"parameter '{name}'");
            file.CheckKeys(declaration, ParameterKeys, $"parameter '{name}'");
            var typeNode = file.Require(declaration, "type", $"parameter '{name}'");
            var type = file.String(typeNode, "'type'");
            if (!ParameterTypes.Contains(type))
                throw file.Error(typeNode, $"unknown parameter type '{type}'; valid types: {string.Join(", ", ParameterTypes)}");
            var defaultNode = file.Require(declaration, "default", $"parameter '{name}'");
            result.Add(new ParameterDeclaration(name, type, ParameterValue(file, defaultNode, type, name),
                YamlFile.Get(declaration, "description") is { } d ? file.String(d, "'description'") : null));
        }
        return result;
    }

    /// <summary>Whole numbers a double holds exactly (±2^53): 1e308 is whole too, but no count of days.</summary>
    private const double LargestExactInteger = 9_007_199_254_740_991;

    /// <summary>Written as digits (1e3 is refused: say 1000), and small enough to be held exactly.</summary>
    private static bool IsExactInteger(double value, string text) =>
        Math.Abs(value) <= LargestExactInteger && value == Math.Floor(value) && IntegerText().IsMatch(text);

    [GeneratedRegex(@"^\s*[-+]?[0-9]+\s*$")]
    private static partial Regex IntegerText();

    /// <summary>A parameter value checked against its declared type.</summary>
    public static object? ParameterValue(YamlFile file, YamlNode node, string type, string name)
    {
        if (type == "array")
            return file.Sequence(node, $"parameter '{name}' (array)").Children
                .Select(c => c is YamlScalarNode s ? YamlFile.Literal(s) : throw file.Error(c, $"items of parameter '{name}' must be single values"))
                .ToList();
        if (node is not YamlScalarNode scalar)
            throw file.Error(node, $"parameter '{name}' must be a single {type} value, not {YamlFile.Describe(node)}");
        var literal = YamlFile.Literal(scalar);
        return type switch
        {
            "integer" when literal is double d && IsExactInteger(d, scalar.Value!) => d,
            "number" when literal is double d => d,
            "boolean" when literal is bool b => b,
            "string" when literal is not null => scalar.Value,
            _ => throw file.Error(node, $"parameter '{name}' must be of type {type}, not {YamlFile.Describe(node)}"),
        };
    }
}
