using TenantScanner.Cli.Commands;
using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Detectors;
using TenantScanner.Rules.Findings;
using TenantScanner.Rules.Yaml;

namespace TenantScanner.Cli.Tests.Cli;

/// <summary>The CLI reads the overlay and suppressions files (the engine takes text) and names the file in every error.</summary>
public sealed class RuleFilesTests
{
    [Fact]
    public void Loads_overlay_and_suppressions_from_files_and_names_the_file_in_errors()
    {
        using var folder = new TempFolder();
        var catalog = RuleCatalog.LoadDefault(DetectorSet.BuiltIn);

        var overlay = folder.Write("overlay.yaml", "rules:\n  - { id: SP003, severity: high }\n");
        var overlaid = catalog.WithOverlayFile(overlay);
        Assert.Equal(Severity.High, overlaid.Find("SP003")!.Severity);
        Assert.Equal([overlay], overlaid.Overlays);

        var suppressions = folder.Write("suppressions.yaml", "suppressions:\n  - { ruleId: SP003, resource: x, justification: ok }\n");
        Assert.Equal($"{suppressions}:2", Assert.Single(RuleFiles.LoadSuppressions(suppressions).Items).Origin);

        var broken = folder.Write("broken.yaml", "rules:\n  - { id: SP003, severity: severe }\n");
        var error = Assert.Throws<RuleFileException>(() => catalog.WithOverlayFile(broken));
        Assert.Equal($"{broken}:2:28: unknown severity 'severe'; valid severities: info, low, medium, high, critical", error.Message);
    }

    [Fact]
    public void Names_the_file_when_it_cannot_be_read()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "missing.yaml");

        var error = Assert.Throws<RuleFileException>(() => RuleFiles.LoadSuppressions(missing));

        Assert.Equal(missing, error.File);
        Assert.StartsWith($"{missing}: cannot read the file", error.Message, StringComparison.Ordinal);
    }
}
