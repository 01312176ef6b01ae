using System.CommandLine;
using Spectre.Console;
using TenantScanner.Cli.Output;
using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Findings;
using TenantScanner.Rules.Yaml;
using TenantScanner.Rules.Detectors;

namespace TenantScanner.Cli.Commands;

/// <summary><c>scanner rules list</c> and <c>scanner rules show ID</c>: the effective rule catalog.</summary>
public sealed class RulesCommand : ICliCommand
{
    private readonly Option<FileInfo?> _rules = new("--rules") { Description = "A rules overlay file, to see the catalog as a scan with it would." };
    private readonly Argument<string> _id = new("id") { Description = "The rule id, e.g. SP001." };

    public Command Build()
    {
        var list = new Command("list", "List every rule: id, severity, family, title, and whether it is enabled.") { _rules };
        list.SetAction(parse => WithCatalog(parse, (console, catalog) => List(console, catalog)));

        var show = new Command("show", "Show one rule: what it checks, parameters, remediation, controls and docs.") { _id, _rules };
        show.SetAction(parse => WithCatalog(parse, (console, catalog) => Show(console, catalog, parse.GetValue(_id)!)));

        return new Command("rules", "Inspect the rule catalog (rules.yaml plus any overlay).") { list, show };
    }

    private int WithCatalog(ParseResult parse, Func<CliConsole, RuleCatalog, int> action)
    {
        var console = new CliConsole(parse.InvocationConfiguration);
        try
        {
            var catalog = RuleCatalog.LoadDefault(DetectorSet.BuiltIn);
            if (parse.GetValue(_rules) is { } overlay)
            {
                if (!overlay.Exists)
                {
                    console.Fail($"{overlay.FullName}: file not found.");
                    return ExitCodes.BadInput;
                }
                catalog = catalog.WithOverlayFile(overlay.FullName);
            }
            return action(console, catalog);
        }
        catch (RuleFileException ex)
        {
            console.Fail(ex.Message);
            return ExitCodes.BadInput;
        }
    }

    private static int List(CliConsole console, RuleCatalog catalog)
    {
        var ansi = AnsiFor(console.Out);
        var table = new Table().Title($"Rule catalog {Markup.Escape(catalog.Version)}").AddColumns("Id", "Severity", "Family", "Resource", "Title", "Enabled");
        foreach (var rule in catalog.Rules)
        {
            table.AddRow(Markup.Escape(rule.Id), rule.Severity.ToId(), Markup.Escape(rule.Family), Markup.Escape(rule.ResourceType),
                Markup.Escape(rule.Title), rule.Enabled ? "yes" : "[yellow]disabled[/]");
        }
        ansi.Write(table);
        return ExitCodes.Success;
    }

    private static int Show(CliConsole console, RuleCatalog catalog, string id)
    {
        if (catalog.Find(id) is not { } rule)
        {
            console.Fail($"rules show: no rule '{id}'. Known ids: {string.Join(", ", catalog.Rules.Select(r => r.Id))}.");
            return ExitCodes.BadInput;
        }
        var o = console.Out;
        o.WriteLine($"{rule.Id}  {rule.Title}");
        o.WriteLine($"  severity: {rule.Severity.ToId()}{(rule.Enabled ? string.Empty : " (disabled)")}");
        o.WriteLine($"  family: {rule.Family}   resource: {rule.ResourceType}");
        o.WriteLine($"  needs sources: {string.Join(", ", rule.Requires)}");
        if (rule.Detector is { } detector)
            o.WriteLine($"  detector: {detector}");
        foreach (var over in rule.SeverityOverrides)
            o.WriteLine($"  severity {over.Severity.ToId()} when {over.When}");
        foreach (var parameter in rule.Parameters)
            o.WriteLine($"  parameter {parameter.Name} ({parameter.Type}) = {Format(parameter.Value)}{(Equals(Format(parameter.Value), Format(parameter.DefaultValue)) ? string.Empty : $" (default {Format(parameter.DefaultValue)})")}");
        if (rule.Rationale is { } rationale)
            o.WriteLine($"\nWhy it matters\n  {rationale}");
        o.WriteLine($"\nHow to fix\n  {rule.Remediation}");
        if (rule.RemediationCommand is { } command)
            o.WriteLine($"  scanner: {command}");
        o.WriteLine($"  change action: {rule.RemediationAction ?? "none (scanner plan lists it as a manual action)"}");
        o.WriteLine($"\nControls: {string.Join(", ", rule.Controls)}");
        if (rule.Docs is { } docs)
            o.WriteLine($"Docs: {docs}");
        o.WriteLine($"Defined in: {rule.Origin}");
        return ExitCodes.Success;
    }

    private static string Format(object? value) => value switch
    {
        null => "(none)",
        string text => text,
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Format)) + "]",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static IAnsiConsole AnsiFor(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Interactive = InteractionSupport.No,
    });
}
