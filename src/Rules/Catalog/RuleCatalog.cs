using YamlDotNet.RepresentationModel;
using TenantScanner.Rules.Detectors;
using TenantScanner.Rules.Yaml;

namespace TenantScanner.Rules.Catalog;

/// <summary>
/// The effective rule set: the shipped catalog (or a full catalog file) plus any user overlays that change
/// severity, disable rules, set parameters or add declarative rules. Immutable; overlays return a new catalog.
/// </summary>
public sealed class RuleCatalog
{
    public const string EmbeddedResourceName = "TenantScanner.rules.yaml";

    public static IReadOnlyList<string> CatalogKeys { get; } = ["version", "rules"];
    public static IReadOnlyList<string> OverlayKeys { get; } = ["rules"];
    /// <summary>Keys an overlay entry may use for a rule already in the catalog.</summary>
    public static IReadOnlyList<string> OverlayRuleKeys { get; } = ["id", "enabled", "severity", "parameters", "severityOverrides"];

    private RuleCatalog(string version, IReadOnlyList<RuleDefinition> rules, IReadOnlyList<string> overlays, DetectorSet detectors)
    {
        Version = version;
        Detectors = detectors;
        Rules = rules;
        Overlays = overlays;
    }

    /// <summary>Catalog version from the yaml, e.g. 2026.11.1.</summary>
    public string Version { get; }
    public IReadOnlyList<RuleDefinition> Rules { get; }
    /// <summary>Overlay files applied, in order.</summary>
    public IReadOnlyList<string> Overlays { get; }
    /// <summary>The detectors its rules may name; overlays are compiled against the same set.</summary>
    public DetectorSet Detectors { get; }

    public RuleDefinition? Find(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The shipped rules.yaml, embedded in the assembly.</summary>
    /// <param name="detectors">The detectors its rules may name: <see cref="DetectorSet.BuiltIn"/> for the shipped rules.</param>
    public static RuleCatalog LoadDefault(DetectorSet detectors)
    {
        using var stream = typeof(RuleCatalog).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"The embedded rule catalog {EmbeddedResourceName} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse("rules.yaml", reader.ReadToEnd(), detectors);
    }

    /// <summary>Parses catalog text (a whole catalog in place of the shipped one); <paramref name="name"/> is used in error messages.</summary>
    /// <param name="detectors">The detectors its rules may name.</param>
    public static RuleCatalog Parse(string name, string text, DetectorSet detectors) => FromFile(YamlFile.Parse(name, text), detectors);

    private static RuleCatalog FromFile(YamlFile file, DetectorSet detectors)
    {
        ArgumentNullException.ThrowIfNull(detectors);
        file.CheckKeys(file.Root, CatalogKeys, "the rule catalog");
        var version = file.String(file.Require(file.Root, "version", "the rule catalog"), "'version'");
        var rules = new List<RuleDefinition>();
        foreach (var node in file.Sequence(file.Require(file.Root, "rules", "the rule catalog"), "'rules'").Children)
        {
            var mapping = file.Mapping(node, "a rule");
            var source = RuleReader.Read(file, mapping);
            if (rules.Any(r => string.Equals(r.Id, source.Id, StringComparison.OrdinalIgnoreCase)))
                throw file.Error(YamlFile.Get(mapping, "id")!, $"duplicate rule id '{source.Id}'");
            rules.Add(RuleCompiler.Compile(source, detectors));
        }
        return new RuleCatalog(version, rules, [], detectors);
    }

    /// <summary>
    /// Applies the text of a user overlay (see docs/rules/README.md, "Overlays"); <paramref name="name"/> (the
    /// file it came from) is used in error messages and listed in <see cref="Overlays"/>.
    /// </summary>
    public RuleCatalog WithOverlayText(string name, string text) => ApplyOverlay(YamlFile.Parse(name, text));

    private RuleCatalog ApplyOverlay(YamlFile file)
    {
        file.CheckKeys(file.Root, OverlayKeys, "an overlay file");
        var rules = Rules.ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in file.Sequence(file.Require(file.Root, "rules", "an overlay file"), "'rules'").Children)
        {
            var mapping = file.Mapping(node, "an overlay entry");
            var id = RuleReader.ReadId(file, mapping);
            if (!seen.Add(id))
                throw file.Error(YamlFile.Get(mapping, "id")!, $"rule '{id}' appears twice in the overlay");
            var index = rules.FindIndex(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                rules.Add(RuleCompiler.Compile(RuleReader.Read(file, mapping), Detectors));
                continue;
            }
            foreach (var key in mapping.Children.Keys.OfType<YamlScalarNode>())
                if (!OverlayRuleKeys.Contains(key.Value!))
                    throw file.Error(key, RuleReader.RuleKeys.Contains(key.Value!)
                        ? $"rule {id} is already in the catalog; an overlay may only change: {string.Join(", ", OverlayRuleKeys)} (to replace it, disable it and add a rule with a new id)"
                        : $"unknown key '{key.Value}' in an overlay entry; valid keys: {string.Join(", ", OverlayRuleKeys)}");
            rules[index] = RuleCompiler.Compile(Modify(file, mapping, rules[index].Source), Detectors);
        }
        return new RuleCatalog(Version, rules, [.. Overlays, file.Name], Detectors);
    }

    private static RuleSource Modify(YamlFile file, YamlMappingNode entry, RuleSource source)
    {
        if (YamlFile.Get(entry, "severity") is { } severity)
            source = source with { Severity = RuleReader.ReadSeverity(file, severity) };
        if (YamlFile.Get(entry, "enabled") is { } enabled)
            source = source with { Enabled = file.Boolean(enabled, "'enabled'") };
        if (YamlFile.Get(entry, "severityOverrides") is { } overrides)
            source = source with { SeverityOverrides = (file, file.Sequence(overrides, "'severityOverrides'")) };
        if (YamlFile.Get(entry, "parameters") is { } parameters)
        {
            var values = new Dictionary<string, object?>(source.ParameterValues, StringComparer.Ordinal);
            foreach (var (keyNode, valueNode) in file.Mapping(parameters, "'parameters'").Children)
            {
                var name = file.String(keyNode, "a parameter name");
                var declaration = source.Parameters.FirstOrDefault(p => p.Name == name)
                    ?? throw file.Error(keyNode, $"rule {source.Id} has no parameter '{name}'; its parameters: {(source.Parameters.Count == 0 ? "(none)" : string.Join(", ", source.Parameters.Select(p => p.Name)))}");
                values[name] = RuleReader.ParameterValue(file, valueNode, declaration.Type, name);
            }
            source = source with { ParameterValues = values };
        }
        return source;
    }
}
