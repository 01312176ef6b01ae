namespace TenantScanner.Rules.Yaml;

/// <summary>A rules, overlay or suppressions file that cannot be used. The message reads <c>file:line:column: reason</c>.</summary>
public sealed class RuleFileException : Exception
{
    public RuleFileException(string file, int? line, int? column, string reason)
        : base(Format(file, line, column, reason))
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    public string File { get; }
    public int? Line { get; }
    public int? Column { get; }
    /// <summary>The message without the location prefix.</summary>
    public string Reason { get; }

    private static string Format(string file, int? line, int? column, string reason) =>
        line is null ? $"{file}: {reason}" : $"{file}:{line}:{column ?? 1}: {reason}";
}
