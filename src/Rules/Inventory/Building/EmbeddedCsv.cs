using System.Text;

namespace TenantScanner.Inventory.Building;

/// <summary>Reads the small reference CSV files embedded from src/Rules/Data (header row skipped).</summary>
internal static class EmbeddedCsv
{
    public static IReadOnlyList<string[]> Read(string fileName)
    {
        var name = "TenantScanner.Data." + fileName;
        using var stream = typeof(EmbeddedCsv).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {typeof(EmbeddedCsv).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = new List<string[]>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
                rows.Add(SplitLine(line));
        }
        return rows;
    }

    /// <summary>RFC 4180 fields on one line: commas inside double quotes, "" for a quote.</summary>
    public static string[] SplitLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}
