using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports;

/// <summary>
/// Evidence as one line of text: where (file and JSON pointer, or source URL), what, and the value.
/// The value is shown as the scan recorded it, which for a secret is already a redacted preview.
/// </summary>
public static class EvidenceText
{
    public static string Location(Evidence evidence)
    {
        var where = evidence.File is null ? null
            : evidence.JsonPointer is null ? evidence.File : $"{evidence.File}#{evidence.JsonPointer}";
        return where ?? evidence.SourceUrl ?? evidence.JsonPointer ?? string.Empty;
    }

    public static string OneLine(Evidence evidence)
    {
        var parts = new List<string>(3);
        var location = Location(evidence);
        if (location.Length > 0) parts.Add(location);
        if (!string.IsNullOrEmpty(evidence.Description)) parts.Add(evidence.Description);
        if (evidence.Value is not null) parts.Add($"value: {evidence.Value}{(evidence.Redacted ? " (redacted)" : string.Empty)}");
        return string.Join(" — ", parts);
    }
}
