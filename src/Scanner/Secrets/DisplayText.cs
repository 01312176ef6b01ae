using System.Globalization;
using System.Text;

namespace TenantScanner.Cli.Secrets;

/// <summary>
/// File names and zip entry names come from whoever made the file: a name can hold terminal escape sequences
/// (<c>ESC [ 2 J</c> clears the screen, OSC 8 forges a link) or bidirectional overrides that make a report line
/// read differently from what it says. Every name is escaped before it reaches a report or the terminal:
/// control characters as <c>\x1b</c>, format characters that reorder text as <c>\u202e</c>.
/// </summary>
public static class DisplayText
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfUnsafe(text);
        if (first < 0)
            return text;
        var builder = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                builder.Append(c).Append(text[++i]);
            else if (!IsUnsafe(c))
                builder.Append(c);
            else if (c <= '\u00FF')
                builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (IsUnsafe(text[i]))
                return i;
        }
        return -1;
    }

    /// <summary>C0 and C1 controls, DEL, the bidirectional marks, embeddings, overrides and isolates, and lone surrogates.</summary>
    private static bool IsUnsafe(char c) =>
        char.IsControl(c)
        || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
        || char.IsSurrogate(c);
}
