using System.Text;

namespace TenantScanner.Secrets;

/// <summary>RFC 6901 JSON pointers.</summary>
public static class JsonPointer
{
    public static string Escape(string segment) =>
        segment.Contains('~') || segment.Contains('/') ? segment.Replace("~", "~0").Replace("/", "~1") : segment;

    public static string Append(string pointer, string segment) => pointer + "/" + Escape(segment);

    internal static void AppendTo(StringBuilder builder, string segment) => builder.Append('/').Append(Escape(segment));
}
