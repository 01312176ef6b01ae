using System.Text;
using System.Text.Json;
using TenantScanner.TestKit.SecretCorpus;

namespace TenantScanner.Tests.Secrets;

/// <summary>Texts for the tests that compare two ways of finding the same secrets: corpus strings, crowded values, escaped documents.</summary>
internal static class SecretSamples
{
    /// <summary>Every string of a generated corpus: planted secrets of every type, in every position, and hard decoys.</summary>
    public static IEnumerable<string> CorpusStrings(int seed, int count)
    {
        foreach (var file in new CorpusGenerator(seed).Generate(count))
        {
            foreach (var text in Strings(file.Content))
                yield return text;
        }
    }

    /// <summary>The strings of a JSON document (values only, not property names).</summary>
    public static List<string> Strings(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var strings = new List<string>();
        Collect(document.RootElement);
        return strings;

        void Collect(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    strings.Add(element.GetString()!);
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                        Collect(property.Value);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                        Collect(item);
                    break;
            }
        }
    }

    /// <summary>Several secrets in one value, back to back and between separators: where a match starts matters.</summary>
    public static IEnumerable<string> Crowded(IEnumerable<string> strings)
    {
        var picked = strings.Where(s => s.Length is > 20 and < 400).Take(400).ToList();
        for (var i = 0; i + 2 < picked.Count; i += 3)
        {
            yield return picked[i] + picked[i + 1] + picked[i + 2];
            yield return picked[i] + ";" + picked[i + 1] + "&sig=" + picked[i + 2];
        }
    }

    /// <summary>Re-writes every string and property name with escapes, keeping the document's meaning.</summary>
    public static string EscapeEveryString(string json)
    {
        var builder = new StringBuilder();
        using var document = JsonDocument.Parse(json);
        Write(document.RootElement, builder);
        return builder.ToString();

        static void Write(JsonElement element, StringBuilder builder)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    builder.Append('{');
                    var first = true;
                    foreach (var property in element.EnumerateObject())
                    {
                        builder.Append(first ? "" : ",");
                        first = false;
                        WriteString(property.Name, builder);
                        builder.Append(':');
                        Write(property.Value, builder);
                    }
                    builder.Append('}');
                    break;
                case JsonValueKind.Array:
                    builder.Append('[');
                    var i = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        builder.Append(i++ == 0 ? "" : ",");
                        Write(item, builder);
                    }
                    builder.Append(']');
                    break;
                case JsonValueKind.String:
                    WriteString(element.GetString()!, builder);
                    break;
                default:
                    builder.Append(element.GetRawText());
                    break;
            }
        }

        static void WriteString(string text, StringBuilder builder)
        {
            builder.Append('"');
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (i == 0 || c > 0x7e || c < 0x20 || c is '"' or '\\')
                    builder.Append($"\\u{(int)c:x4}");
                else if (c == '/')
                    builder.Append("\\/");
                else
                    builder.Append(c);
            }
            builder.Append('"');
        }
    }
}
