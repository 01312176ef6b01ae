namespace TenantScanner.SecretScanning.Walking;

/// <summary>
/// A document that is not valid JSON. Carries the position only: the parser's own message can quote the
/// document's bytes, and the document may hold a secret.
/// </summary>
public sealed class MalformedJsonException(int line, int column)
    : Exception($"malformed JSON at line {line}, column {column}")
{
    public int Line { get; } = line;
    /// <summary>1-based byte position in the line, as the JSON reader reports it.</summary>
    public int Column { get; } = column;
}
