using System.Text;

namespace TenantScanner.Cli.Secrets;

/// <summary>A plain table for people: file, line:col, pointer, type, preview, fingerprint; then errors and a summary.</summary>
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
        builder.Append(result.Findings.Count == 0 ? "No secrets found" : $"{result.Findings.Count} secret(s) found")
            .Append($" in {result.DocumentsScanned} document(s)")
            .AppendLine(result.Errors.Count == 0 ? "." : $"; {result.Errors.Count} could not be scanned.");
        return builder.ToString();
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
