using TenantScanner.Rules.Findings;
using YamlDotNet.RepresentationModel;
using TenantScanner.Rules.Yaml;

namespace TenantScanner.Rules.Catalog;

/// <summary>A declared parameter, with the node it came from (for error positions).</summary>
internal sealed record ParameterDeclaration(string Name, string Type, object? Default, string? Description);

/// <summary>
/// A rule as read from YAML, before compilation. Overlays produce modified copies (severity, enabled,
/// parameter values, severity overrides) that are compiled again, so parameters reach the conditions.
/// </summary>
internal sealed record RuleSource
{
    public required YamlFile File { get; init; }
    public required YamlMappingNode Node { get; init; }
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Family { get; init; }
    public required Severity Severity { get; init; }
    public required YamlNode ResourceNode { get; init; }
    public required IReadOnlyList<string> Requires { get; init; }
    public YamlNode? RequiresNode { get; init; }
    public YamlNode? DetectorNode { get; init; }
    public YamlNode? AppliesTo { get; init; }
    public required YamlNode Condition { get; init; }
    public required IReadOnlyList<ParameterDeclaration> Parameters { get; init; }
    /// <summary>Values set by overlays, by parameter name.</summary>
    public IReadOnlyDictionary<string, object?> ParameterValues { get; init; } = new Dictionary<string, object?>();
    /// <summary>The severityOverrides list and the file it came from (an overlay may replace it).</summary>
    public (YamlFile File, YamlSequenceNode Node)? SeverityOverrides { get; init; }
    public required YamlNode MessageNode { get; init; }
    public string? Rationale { get; init; }
    public required string Remediation { get; init; }
    public string? RemediationCommand { get; init; }
    public string? RemediationAction { get; init; }
    public required IReadOnlyList<string> Controls { get; init; }
    public string? Docs { get; init; }
    public bool Enabled { get; init; } = true;
}
