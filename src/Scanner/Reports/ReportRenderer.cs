using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports;

/// <summary>
/// Renders a scan result in several formats into one folder: what <c>scanner scan</c> and
/// <c>scanner report</c> both call. Format names are validated before anything is written, so a typo
/// never leaves half the reports behind.
/// </summary>
public static class ReportRenderer
{
    public static IReadOnlyList<string> ValidFormats => ReportWriters.All.Select(w => w.Format).ToList();

    /// <summary>Parses a comma-separated list such as <c>pdf,csv</c>.</summary>
    /// <exception cref="ArgumentException">A name is not a known format; the message lists the valid ones.</exception>
    public static IReadOnlyList<IReportWriter> ParseFormats(IEnumerable<string> formats)
    {
        var writers = new List<IReportWriter>();
        foreach (var name in formats.SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var writer = ReportWriters.Find(name)
                ?? throw new ArgumentException($"Unknown report format '{name}'. Valid formats: {string.Join(", ", ValidFormats)}.");
            if (!writers.Contains(writer))
                writers.Add(writer);
        }
        if (writers.Count == 0)
            throw new ArgumentException($"No report format given. Valid formats: {string.Join(", ", ValidFormats)}.");
        return writers;
    }

    /// <summary>Writes every format into <paramref name="folder"/> (created when missing); returns the paths written, in format order.</summary>
    public static IReadOnlyList<string> Render(ScanResult result, ReportContext context, IEnumerable<string> formats, string folder)
    {
        ArgumentNullException.ThrowIfNull(result);
        var writers = ParseFormats(formats);
        Directory.CreateDirectory(folder);
        return writers.SelectMany(w => w.Write(result, context, folder)).ToList();
    }
}
