using System.Text.RegularExpressions;

namespace TenantScanner.Tests.Engine;

/// <summary>Reads the rows of a Markdown table from the doc pages that tests keep in step with the code.</summary>
internal static partial class MarkdownTables
{
    /// <summary>The body rows (cells trimmed) of the first table whose header row starts with <paramref name="firstHeader"/>.</summary>
    public static List<string[]> Rows(string markdown, string firstHeader)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var header = Array.FindIndex(lines, l => Cells(l) is { Length: > 0 } cells && cells[0] == firstHeader);
        if (header < 0)
            throw new InvalidOperationException($"no table whose first column is '{firstHeader}'");
        return lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(Cells).ToList();
    }

    private static string[] Cells(string line) =>
        line.StartsWith('|') ? [.. line.Trim().Trim('|').Split('|').Select(c => c.Trim())] : [];

    /// <summary>Rule ids written as "FLOW001–FLOW003, FLOW007" (an en dash or a hyphen for a range).</summary>
    public static List<string> RuleIds(string text)
    {
        var ids = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var range = RangePattern().Match(part);
            if (!range.Success)
                throw new FormatException($"'{part}' is neither a rule id nor a range of rule ids");
            var prefix = range.Groups["prefix"].Value;
            var first = int.Parse(range.Groups["first"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var last = range.Groups["last"].Success
                ? int.Parse(range.Groups["last"].Value, System.Globalization.CultureInfo.InvariantCulture)
                : first;
            if (range.Groups["lastPrefix"].Success && range.Groups["lastPrefix"].Value != prefix)
                throw new FormatException($"'{part}' spans two id prefixes");
            for (var n = first; n <= last; n++)
                ids.Add($"{prefix}{n.ToString(new string('0', range.Groups["first"].Value.Length), System.Globalization.CultureInfo.InvariantCulture)}");
        }
        return ids;
    }

    [GeneratedRegex(@"^(?<prefix>[A-Z]+)(?<first>\d{3,})(\s*[–-]\s*(?<lastPrefix>[A-Z]+)?(?<last>\d{3,}))?$")]
    private static partial Regex RangePattern();
}
