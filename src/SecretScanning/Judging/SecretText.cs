using System.Buffers;

namespace TenantScanner.SecretScanning.Judging;

/// <summary>Facts about a text value used to tell a credential from an expression, a reference or a placeholder.</summary>
internal static class SecretText
{
    /// <summary>Replaces <c>@{...}</c> interpolations: a match that touches one is not a literal.</summary>
    public const char ExpressionMask = '\u0001';

    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t\r\n");

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double Entropy(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
            return 0;
        Span<int> counts = stackalloc int[128];
        Dictionary<char, int>? other = null; // candidates are nearly always ASCII
        foreach (var c in text)
        {
            if (c < 128)
                counts[c]++;
            else
            {
                other ??= [];
                other[c] = other.GetValueOrDefault(c) + 1;
            }
        }
        double entropy = 0;
        foreach (var count in counts)
            entropy += Term(count, text.Length);
        if (other is not null)
        {
            foreach (var count in other.Values)
                entropy += Term(count, text.Length);
        }
        return entropy;

        static double Term(int count, int total)
        {
            if (count == 0)
                return 0;
            var p = (double)count / total;
            return -p * Math.Log2(p);
        }
    }

    /// <summary>A Workflow Definition Language expression: the whole string is evaluated at run time.</summary>
    public static bool IsWholeExpression(ReadOnlySpan<char> value) =>
        value.Length > 1 && value[0] == '@' && value[1] != '@' && value[1] != '{';

    /// <summary>Masks every <c>@{ ... }</c> (string interpolation) with <see cref="ExpressionMask"/>, in place.</summary>
    public static void MaskInterpolations(Span<char> chars)
    {
        var start = chars.IndexOf("@{", StringComparison.Ordinal);
        while (start >= 0)
        {
            var depth = 0;
            var i = start + 1;
            var inQuote = false;
            for (; i < chars.Length; i++)
            {
                var c = chars[i];
                if (c == '\'')
                    inQuote = !inQuote;
                else if (!inQuote && c == '{')
                    depth++;
                else if (!inQuote && c == '}' && --depth == 0)
                    break;
            }
            var end = Math.Min(i, chars.Length - 1);
            chars[start..(end + 1)].Fill(ExpressionMask);
            start = end + 1 < chars.Length && chars[(end + 1)..].IndexOf("@{", StringComparison.Ordinal) is var next and >= 0 ? end + 1 + next : -1;
        }
    }

    public static bool ContainsWhitespace(ReadOnlySpan<char> text) => text.ContainsAny(Whitespace);

    public static bool IsGuid(ReadOnlySpan<char> text) =>
        text.Length is 36 or 38 && Guid.TryParse(text, out _); // 32 bare hex digits is also how API keys look: not a GUID here.

    private static readonly SearchValues<string> SecretStoreReferences =
        SearchValues.Create(["@Microsoft.KeyVault(", ".vault.azure.net/secrets/"], StringComparison.OrdinalIgnoreCase);

    /// <summary>References to a secret store are the right way to hold a secret, never a leak.</summary>
    public static bool IsSecretReference(ReadOnlySpan<char> value) =>
        value.ContainsAny(SecretStoreReferences)
        || value.StartsWith("@parameters(", StringComparison.Ordinal)
        || value.StartsWith("@body(", StringComparison.Ordinal)
        || value.StartsWith("@variables(", StringComparison.Ordinal);
}
