using TenantScanner.Rules.Detectors;
using TenantScanner.Rules.Conditions;
using TenantScanner.Rules.Findings;
using TenantScanner.Snapshots;
using YamlDotNet.RepresentationModel;
using TenantScanner.Rules.Views;
using TenantScanner.Rules.Yaml;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Catalog;

/// <summary>Binds a <see cref="RuleSource"/> to its resource view, detector and effective parameters.</summary>
internal static class RuleCompiler
{
    /// <param name="detectors">The detectors a rule may name.</param>
    public static RuleDefinition Compile(RuleSource source, DetectorSet detectors)
    {
        var file = source.File;
        var resourceName = file.String(source.ResourceNode, "'resource'");
        var resource = ResourceTypes.Find(resourceName)
            ?? throw file.Error(source.ResourceNode, $"unknown resource '{resourceName}'; valid resources: {string.Join(", ", ResourceTypes.All.Select(r => r.Name))}");

        IDetector? detector = null;
        var schema = resource.Schema;
        if (source.DetectorNode is { } detectorNode)
        {
            var name = file.String(detectorNode, "'detector'");
            detector = detectors.Find(name)
                ?? throw file.Error(detectorNode, $"unknown detector '{name}'; valid detectors: {string.Join(", ", detectors.All.Select(d => d.Name))}");
            if (detector.ResourceType != resource.Name)
                throw file.Error(detectorNode, $"detector '{name}' analyses {detector.ResourceType} resources, not {resource.Name}");
            schema = schema.Extend(detector.Fields.Select(WrapDetectorField));
        }

        var parameters = source.Parameters.ToDictionary(p => p.Name,
            p => source.ParameterValues.TryGetValue(p.Name, out var v) ? v : p.Default, StringComparer.Ordinal);
        if (detector is not null)
        {
            var missing = detector.RequiredParameters.Where(p => !parameters.ContainsKey(p)).ToList();
            if (missing.Count > 0)
                throw file.Error(source.Node, $"detector '{detector.Name}' needs the parameters: {string.Join(", ", missing)}");
        }

        var compiler = new ConditionCompiler(file, resource, schema, parameters);
        var overrides = new List<(Condition, Severity)>();
        var overrideTexts = new List<SeverityOverride>();
        if (source.SeverityOverrides is var (overrideFile, overrideList))
        {
            var overrideCompiler = new ConditionCompiler(overrideFile, resource, schema, parameters);
            foreach (var item in overrideList.Children)
            {
                var mapping = overrideFile.Mapping(item, "a severity override");
                overrideFile.CheckKeys(mapping, RuleReader.SeverityOverrideKeys, "a severity override");
                var severity = RuleReader.ReadSeverity(overrideFile, overrideFile.Require(mapping, "severity", "a severity override"));
                var when = overrideFile.Require(mapping, "when", "a severity override");
                overrides.Add((overrideCompiler.Compile(when), severity));
                overrideTexts.Add(new SeverityOverride(severity, Describe(when)));
            }
        }

        var compiled = new CompiledRule(
            resource,
            detector,
            source.AppliesTo is { } applies ? compiler.Compile(applies) : null,
            compiler.Compile(source.Condition),
            overrides,
            MessageTemplate.Compile(file, source.MessageNode, compiler, parameters),
            source.Requires.Select(r => SourceKindIds.TryParse(r, out var kind) ? kind : throw new InvalidOperationException(r)).ToList(),
            parameters);
        return new RuleDefinition(compiled, source)
        {
            Id = source.Id,
            Title = source.Title,
            Family = source.Family,
            Severity = source.Severity,
            ResourceType = resource.Name,
            Requires = source.Requires,
            Detector = detector?.Name,
            Parameters = source.Parameters.Select(p => new RuleParameter(p.Name, p.Type, parameters[p.Name], p.Default, p.Description)).ToList(),
            SeverityOverrides = overrideTexts,
            Message = file.String(source.MessageNode, "'message'"),
            Rationale = source.Rationale,
            Remediation = source.Remediation,
            RemediationCommand = source.RemediationCommand,
            RemediationAction = source.RemediationAction,
            Controls = source.Controls,
            Docs = source.Docs,
            Enabled = source.Enabled,
            Origin = $"{file.Name}:{YamlFile.Line(source.Node)}",
        };
    }

    /// <summary>A detector field as a field of the resource: it reads the detector's output for that resource.</summary>
    private static FieldDefinition WrapDetectorField(FieldDefinition field) => new()
    {
        Name = field.Name, Type = field.Type, Description = field.Description, Shape = field.Shape, Element = field.Element,
        IsSecret = field.IsSecret, Get = (_, scope) => field.Get(scope.DetectorOutput, scope),
    };

    /// <summary>A compact one-line rendering of a condition node, for reports and docs.</summary>
    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? string.Empty,
        YamlSequenceNode seq => "[" + string.Join(", ", seq.Children.Select(Describe)) + "]",
        YamlMappingNode map => "{" + string.Join(", ", map.Children.Select(p => $"{Describe(p.Key)}: {Describe(p.Value)}")) + "}",
        _ => node.ToString(),
    };
}
