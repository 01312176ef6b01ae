using System.Text;

namespace TenantScanner.SecretScanning.Walking;

/// <summary>RFC 6901 JSON pointers.</summary>
public static class JsonPointer
{
    public static string Escape(string segment) =>
        segment.Contains('~') || segment.Contains('/') ? segment.Replace("~", "~0").Replace("/", "~1") : segment;

    public static string Append(string pointer, string segment) => pointer + "/" + Escape(segment);

    internal static void AppendTo(StringBuilder builder, string segment) => builder.Append('/').Append(Escape(segment));

    /// <summary><see cref="AppendTo(StringBuilder, string)"/> of a segment that is not a string of its own.</summary>
    internal static void AppendTo(StringBuilder builder, ReadOnlySpan<char> segment)
    {
        builder.Append('/');
        int special;
        while ((special = segment.IndexOfAny('~', '/')) >= 0)
        {
            builder.Append(segment[..special]).Append(segment[special] == '~' ? "~0" : "~1");
            segment = segment[(special + 1)..];
        }
        builder.Append(segment);
    }
}
