using Spectre.Console;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Output;

/// <summary>
/// The console summary of a scan: counts by severity, the top open findings, coverage gaps and the
/// files written. Findings are already redacted, so nothing here can print a secret.
/// </summary>
public static class ConsoleSummary
{
    private const int TopFindings = 10;
    private const int MinimumWidth = 140;

    public static void Write(TextWriter writer, ScanResult result, IReadOnlyList<string> filesWritten)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        // Pipelines redirect stdout and Spectre then assumes 80 columns, which folds every finding over
        // five lines; logs are read wide, so use at least 140.
        console.Profile.Width = Math.Max(console.Profile.Width, MinimumWidth);

        var tenant = result.Tenant.DisplayName is { } name ? $"{name} ({result.Tenant.Id})" : result.Tenant.Id;
        console.MarkupLine($"[bold]Tenant[/] {Markup.Escape(tenant)}");
        console.MarkupLine($"Evidence collected {Stamp(result.CollectedAt)}, rules evaluated as of {Stamp(result.AsOf)}, catalog {Markup.Escape(result.RuleCatalogVersion)}");

        WriteSeverityCounts(console, result);
        WriteTopFindings(console, result);
        WriteCoverage(console, result);

        if (result.ExpiredSuppressions.Count > 0)
            console.MarkupLine($"[yellow]{result.ExpiredSuppressions.Count} suppression(s) have expired and no longer apply.[/]");
        foreach (var file in filesWritten)
            console.MarkupLine($"Wrote {Markup.Escape(file)}");
    }

    private static void WriteSeverityCounts(IAnsiConsole console, ScanResult result)
    {
        var table = new Table().Title("Open findings by severity").AddColumns("Severity", "Open", "Suppressed");
        foreach (var severity in Enum.GetValues<Severity>().Reverse())
        {
            var open = result.Findings.Count(f => f.Severity == severity && f.Status == FindingStatus.Open);
            var suppressed = result.Findings.Count(f => f.Severity == severity && f.Status == FindingStatus.Suppressed);
            table.AddRow(Colour(severity), open.ToString(), suppressed.ToString());
        }
        console.Write(table);
        // A caption would be folded to the narrow table's width; the totals read better on one line.
        console.MarkupLine($"{result.Rules.Count(r => r.Enabled)} rules: {result.Rules.Sum(r => r.Passed)} passed, {result.Rules.Sum(r => r.Failed)} failed, {result.Rules.Sum(r => r.Inconclusive)} inconclusive checks");
    }

    private static void WriteTopFindings(IAnsiConsole console, ScanResult result)
    {
        var top = result.Findings.Where(f => f.Status == FindingStatus.Open)
            .OrderByDescending(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .Take(TopFindings).ToList();
        if (top.Count == 0)
        {
            console.MarkupLine("[green]No open findings.[/]");
            return;
        }
        var table = new Table().Title($"Top {top.Count} open findings").AddColumns("Severity", "Rule", "Resource", "Finding");
        foreach (var finding in top)
            table.AddRow(Colour(finding.Severity), Markup.Escape(finding.RuleId), Markup.Escape(finding.Resource.DisplayName), Markup.Escape(finding.Message));
        console.Write(table);
    }

    private static void WriteCoverage(IAnsiConsole console, ScanResult result)
    {
        if (result.Coverage.Count == 0)
        {
            console.MarkupLine("Coverage: every source was read.");
            return;
        }
        console.MarkupLine($"[yellow]Coverage gaps ({result.Coverage.Count}): results for the rules below are inconclusive, not clean.[/]");
        foreach (var gap in result.Coverage)
        {
            var where = gap.EnvironmentId is null ? string.Empty : $" in environment {gap.EnvironmentId}";
            var status = gap.Status is { } code ? $" (HTTP {code})" : string.Empty;
            var rules = gap.AffectedRules.Count == 0 ? "no rule" : string.Join(", ", gap.AffectedRules);
            console.MarkupLine(Markup.Escape($"  - {gap.Source}{where}{status}: {gap.Error} → affects {rules}"));
        }
    }

    private static string Colour(Severity severity) => severity switch
    {
        Severity.Critical => "[bold red]critical[/]",
        Severity.High => "[red]high[/]",
        Severity.Medium => "[yellow]medium[/]",
        Severity.Low => "[blue]low[/]",
        _ => "info",
    };

    private static string Stamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
