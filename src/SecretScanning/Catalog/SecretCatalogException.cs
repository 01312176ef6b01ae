namespace TenantScanner.SecretScanning.Catalog;

/// <summary>A pattern catalog that cannot be used; the message names the file, line and column.</summary>
public sealed class SecretCatalogException : Exception
{
    public SecretCatalogException(string source, long line, long column, string problem)
        : base($"{source}:{line}:{column}: {problem}")
    {
        Source = source;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public new string Source { get; }
    public long Line { get; }
    public long Column { get; }
    public string Problem { get; }
}
