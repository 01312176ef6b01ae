using TenantScanner.Cli;
using TenantScanner.Cli.Commands;
using TenantScanner.Rules.Detectors;

namespace TenantScanner.Cli.Tests.Cli;

public sealed class RulesCommandTests
{
    [Fact]
    public void Rules_list_shows_every_shipped_rule()
    {
        var run = CliRun.Invoke("rules", "list");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var id in Rules.Catalog.RuleCatalog.LoadDefault(DetectorSet.BuiltIn).Rules.Select(r => r.Id))
            Assert.Contains(id, run.Output);
    }

    [Fact]
    public void Rules_show_prints_remediation_controls_and_docs()
    {
        var run = CliRun.Invoke("rules", "show", "SP001");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("SP001", run.Output);
        Assert.Contains("How to fix", run.Output);
        Assert.Contains("Controls:", run.Output);
        Assert.Contains("docs/rules/SP001.md", run.Output);
    }

    [Fact]
    public void Rules_show_of_an_unknown_id_lists_the_known_ones()
    {
        var run = CliRun.Invoke("rules", "show", "NOPE999");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("FLOW001", run.Error);
    }

    [Fact]
    public void Rules_list_with_an_overlay_shows_the_changed_severity_and_disabled_rules()
    {
        using var temp = new TempFolder();
        var overlay = temp.Write("overlay.yaml", "rules:\n  - id: SP003\n    enabled: false\n");

        var run = CliRun.Invoke("rules", "list", "--rules", overlay);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("disabled", run.Output);
    }
}
