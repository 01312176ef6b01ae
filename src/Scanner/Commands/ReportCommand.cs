using System.CommandLine;
using TenantScanner.Cli.Output;
using TenantScanner.Cli.Changes.Journal;
using TenantScanner.Cli.Reports;

namespace TenantScanner.Cli.Commands;

/// <summary>
/// <c>scanner report --from scan.json</c>: re-renders a saved result (PDF, CSV, JSON) without rescanning,
/// optionally comparing with an older result for the "what changed" section.
/// </summary>
public sealed class ReportCommand : ICliCommand
{
    public const string DefaultFormats = "pdf,csv";

    public Command Build()
    {
        var from = new Option<string>("--from") { Description = "The scan.json to render.", Required = true };
        var format = new Option<string>("--format") { Description = $"Comma-separated formats: {string.Join(", ", ReportRenderer.ValidFormats)}.", DefaultValueFactory = _ => DefaultFormats };
        var output = new Option<string?>("--out") { Description = "Folder for the reports (default: the folder of --from)." };
        var previous = new Option<string?>("--previous") { Description = "An older scan.json of the same tenant, for new / resolved / still open." };
        var journal = new Option<string?>("--journal") { Description = "The journal of scanner apply/undo: adds a 'Changes applied' section (PDF) and changes-applied.csv." };

        var command = new Command("report", "Re-render a saved scan result as PDF, CSV or JSON without rescanning.") { from, format, output, previous, journal };
        command.SetAction(parse =>
        {
            var options = new ReportOptions(parse.GetValue(from)!, parse.GetValue(format) ?? DefaultFormats, parse.GetValue(output), parse.GetValue(previous), parse.GetValue(journal));
            return Run(options, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>The parsed options, immutable before any work starts.</summary>
    public sealed record ReportOptions(string From, string Formats, string? Out, string? Previous, string? Journal = null);

    public static int Run(ReportOptions options, TextWriter output, TextWriter error)
    {
        try
        {
            var writers = ReportRenderer.ParseFormats([options.Formats]);
            var result = ScanResultFile.Load(options.From, "--from");
            var previous = options.Previous is null ? null : ScanResultFile.Load(options.Previous, "--previous");
            // Fingerprints only mean "the same finding" within one tenant; comparing two tenants would report nonsense.
            if (previous is not null && !string.Equals(previous.Tenant.Id, result.Tenant.Id, StringComparison.OrdinalIgnoreCase))
                throw new ScanResultFileException($"--previous: '{options.Previous}' is a scan of tenant {previous.Tenant.Id}, not of {result.Tenant.Id}.");
            var journal = options.Journal is null ? null : JournalFile.Read(options.Journal);
            // A journal of another tenant's changes would put them in this tenant's audit report.
            if (journal?.FirstOrDefault(e => e.Tenant is not null && !string.Equals(e.Tenant, result.Tenant.Id, StringComparison.OrdinalIgnoreCase)) is { } foreign)
                throw new ScanResultFileException($"--journal: '{options.Journal}' records changes to tenant {foreign.Tenant}, not to {result.Tenant.Id}.");
            var folder = options.Out ?? Path.GetDirectoryName(Path.GetFullPath(options.From))!;
            var written = OutputFolder.Write(folder, options.Out is null ? "--from's folder" : "--out",
                () => ReportRenderer.Render(result, new ReportContext(previous, journal), writers.Select(w => w.Format), folder));
            foreach (var path in written)
                output.WriteLine(path);
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is ArgumentException or ScanResultFileException or OutputFolderException or JournalFileException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
