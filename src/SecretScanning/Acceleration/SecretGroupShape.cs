namespace TenantScanner.SecretScanning.Acceleration;

/// <summary>
/// Reads a catalog regex's text to tell whether its <c>secret</c> group is always the whole match: the group stands
/// alone at the top level, with only zero-width assertions around it (anchors, lookarounds, inline options), as in
/// <c>(?&lt;![A-Za-z0-9])(?&lt;secret&gt;SK[0-9a-f]{32})(?![A-Za-z0-9])</c>. Such a pattern can be matched on a span,
/// which keeps neither the value nor a match object; any other shape, or one this reader is unsure of, answers false
/// and keeps the capture path.
/// </summary>
internal static class SecretGroupShape
{
    private const string SecretGroup = "(?<secret>";
    private static readonly System.Buffers.SearchValues<char> InlineOptionLetters = System.Buffers.SearchValues.Create("imnsx-");

    public static bool IsWholeMatch(string regexText)
    {
        // Whitespace-insensitive mode changes what every character means; two secret groups make "the group" ambiguous.
        var first = regexText.IndexOf(SecretGroup, StringComparison.Ordinal);
        if (first < 0 || regexText.IndexOf(SecretGroup, first + 1, StringComparison.Ordinal) >= 0
            || regexText.Contains("(?x", StringComparison.Ordinal) || regexText.Contains("'secret'", StringComparison.Ordinal))
            return false;
        var secretGroups = 0;
        var position = 0;
        while (position < regexText.Length)
        {
            if (regexText.AsSpan(position).StartsWith(SecretGroup, StringComparison.Ordinal))
            {
                secretGroups++;
                position = AfterGroup(regexText, position);
            }
            else if (IsZeroWidthGroupAt(regexText, position))
            {
                position = AfterGroup(regexText, position);
            }
            else if (regexText[position] is '^' or '$')
            {
                position++;
            }
            else if (regexText[position] == '\\' && position + 1 < regexText.Length && regexText[position + 1] is 'A' or 'z' or 'Z' or 'G' or 'b' or 'B')
            {
                position += 2;
            }
            else
            {
                return false; // something that consumes text outside the group, or an alternation
            }
            // A quantified item (an optional or repeated group) no longer stands for exactly the text it matched.
            if (position < 0 || position < regexText.Length && regexText[position] is '?' or '*' or '+' or '{')
                return false;
        }
        return secretGroups == 1;
    }

    /// <summary>A lookaround, or inline options without a colon such as <c>(?i)</c>.</summary>
    private static bool IsZeroWidthGroupAt(string text, int position)
    {
        var rest = text.AsSpan(position);
        if (rest.StartsWith("(?=") || rest.StartsWith("(?!") || rest.StartsWith("(?<=") || rest.StartsWith("(?<!"))
            return true;
        if (!rest.StartsWith("(?"))
            return false;
        var options = rest[2..];
        var end = options.IndexOf(')');
        return end > 0 && !options[..end].ContainsAnyExcept(InlineOptionLetters);
    }

    /// <summary>The index just past the parenthesis that closes the group opening at <paramref name="open"/>; -1 when it is not closed.</summary>
    private static int AfterGroup(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    i = EndOfClass(text, i);
                    if (i < 0)
                        return -1;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth == 0)
                        return i + 1;
                    break;
            }
        }
        return -1;
    }

    /// <summary>The index of the <c>]</c> closing the character class at <paramref name="open"/> (a <c>]</c> first in the class is a literal).</summary>
    private static int EndOfClass(string text, int open)
    {
        var i = open + 1;
        if (i < text.Length && text[i] == '^')
            i++;
        if (i < text.Length && text[i] == ']')
            i++;
        for (; i < text.Length; i++)
        {
            if (text[i] == '\\')
                i++;
            else if (text[i] == ']')
                return i;
        }
        return -1;
    }
}
