using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Collect;

/// <summary>
/// Turns a 401/403 into a coverage message that says what to grant rather than just "Forbidden"; the
/// permission of each source is declared in <see cref="SourceTable"/> (and documented in docs/permissions.md).
/// </summary>
public static class PermissionHints
{
    public static string Describe(SourceKind kind, int? status, string error) => status is 401 or 403
        ? $"{error} Missing permission: {SourceTable.Of(kind).Permission}."
        : error;
}

/// <summary>A source that could not be read after retries: the HTTP status (when there is one) and the URL.</summary>
public sealed class SourceReadException : Exception
{
    public SourceReadException(string url, int? status, string message, Exception? inner = null) : base(message, inner)
    {
        Url = url;
        Status = status;
    }

    public SourceReadException() : base("The source could not be read.") => Url = "";
    public SourceReadException(string message) : base(message) => Url = "";
    public SourceReadException(string message, Exception inner) : base(message, inner) => Url = "";

    public string Url { get; }
    public int? Status { get; }
}
