using System.Text;

namespace TenantScanner.Cli.Secrets;

/// <summary>
/// A plain table for people: file, line:col, pointer, type, preview, fingerprint; then errors, values that were
/// not fully judged, what was skipped and why, and a summary. Names are escaped where they are collected
/// (<see cref="DisplayText"/>), so nothing here can send a control sequence to the terminal.
/// </summary>
public static class ConsoleSecretWriter
{
    private static readonly string[] Headers = ["FILE", "LINE:COL", "POINTER", "TYPE", "PREVIEW", "FINGERPRINT"];

    public static string Render(SecretScanResult result)
    {
        var rows = result.Findings.Select(f => new[]
        {
            f.Input.DisplayPath,
            f.Hit.Line is null ? "-" : $"{f.Hit.Line}:{f.Hit.Column}",
            f.Hit.JsonPointer,
            f.Hit.SecretType,
            f.Hit.Preview,
            f.Hit.Fingerprint,
        }).ToList();
        var builder = new StringBuilder();
        if (rows.Count > 0)
        {
            var widths = Headers.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
            AppendRow(builder, Headers, widths);
            foreach (var row in rows)
                AppendRow(builder, row, widths);
            builder.AppendLine();
        }
        foreach (var error in result.Errors)
            builder.Append("error: ").AppendLine(error.ToString());
        foreach (var unjudged in result.Unjudged)
            builder.Append("warning: ").AppendLine(unjudged.ToString());
        foreach (var skip in result.Skipped)
            builder.Append("skipped: ").AppendLine(skip.ToString());
        return builder.AppendLine(Summary(result)).ToString();
    }

    /// <summary>One line: what was found, and what keeps the scan from being complete.</summary>
    private static string Summary(SecretScanResult result)
    {
        var summary = new StringBuilder(result.Findings.Count == 0 ? "No secrets found" : $"{result.Findings.Count} secret(s) found")
            .Append($" in {result.DocumentsScanned} document(s)");
        if (result.Errors.Count > 0)
            summary.Append($"; {result.Errors.Count} error(s)");
        if (result.Unjudged.Count > 0)
            summary.Append($"; {result.Unjudged.Count} value(s) not fully judged");
        if (result.Skipped.Count > 0)
            summary.Append($"; {result.Skipped.Count} skipped");
        return summary.Append('.').ToString();
    }

    private static void AppendRow(StringBuilder builder, IReadOnlyList<string> cells, int[] widths)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            builder.Append(i == cells.Count - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }
        builder.AppendLine();
    }
}
