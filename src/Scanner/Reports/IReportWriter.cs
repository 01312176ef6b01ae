using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports;

/// <summary>
/// Renders a <see cref="ScanResult"/> in one format. A reporter is one class behind this interface,
/// registered in <see cref="ReportWriters"/>. Reporters never see secret values: findings are
/// already redacted.
/// </summary>
public interface IReportWriter
{
    /// <summary>The --format name, e.g. <c>json</c>, <c>csv</c>, <c>pdf</c>.</summary>
    string Format { get; }

    /// <summary>Writes the report file(s) into <paramref name="folder"/> (atomically) and returns the paths written.</summary>
    IReadOnlyList<string> Write(ScanResult result, ReportContext context, string folder);
}

/// <summary>What a report may show beyond the result itself.</summary>
/// <param name="Previous">An older result of the same tenant, for the "what changed" section; null when none.</param>
/// <param name="Journal">The journal of <c>scanner apply</c>/<c>undo</c>, for the "Changes applied" section; null when none.</param>
public sealed record ReportContext(ScanResult? Previous = null, IReadOnlyList<Changes.Journal.JournalEntry>? Journal = null);
