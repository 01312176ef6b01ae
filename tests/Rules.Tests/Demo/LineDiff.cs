using System.Text;

namespace TenantScanner.Tests.Demo;

/// <summary>
/// A readable difference between two sorted line lists: lines only in the golden file (-) and lines only in
/// the new result (+). Both sides are sorted, so a set difference is the whole story.
/// </summary>
internal static class LineDiff
{
    private const int MaxLinesShown = 60;

    public static string Describe(string expected, string actual)
    {
        var expectedLines = Lines(expected);
        var actualLines = Lines(actual);
        var removed = expectedLines.Except(actualLines, StringComparer.Ordinal).ToList();
        var added = actualLines.Except(expectedLines, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.Append(removed.Count).Append(" line(s) only in the golden file, ").Append(added.Count).Append(" only in this scan:\n");
        foreach (var line in removed.Select(l => "- " + l).Concat(added.Select(l => "+ " + l)).Take(MaxLinesShown))
            text.Append(line).Append('\n');
        if (removed.Count + added.Count > MaxLinesShown)
            text.Append("… ").Append(removed.Count + added.Count - MaxLinesShown).Append(" more\n");
        return text.ToString();
    }

    private static List<string> Lines(string text) =>
        text.Split('\n').Where(l => l.Length > 0).ToList();
}
