namespace TenantScanner.Rules.Findings;

/// <summary>Finding severity, lowest first so that comparisons read naturally (<c>High &gt;= Medium</c>).</summary>
public enum Severity { Info = 0, Low = 1, Medium = 2, High = 3, Critical = 4 }

public enum FindingStatus { Open, Suppressed }

/// <summary>The result of one rule on one resource.</summary>
public enum Outcome { Pass, Fail, Inconclusive }

public static class SeverityNames
{
    public static string ToId(this Severity severity) => severity.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out Severity severity) =>
        Enum.TryParse(text, ignoreCase: true, out severity) && Enum.IsDefined(severity);
}
