using System.Globalization;
using System.Text;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Catalog;

namespace TenantScanner.Cli.Collect;

/// <summary>
/// Makes text that a service chose (an error body's message, an exception message that quotes one) safe to
/// print and to store in coverage: when the secret detector finds a secret in it, the whole text is replaced
/// by a note with the secret's kind, redacted preview and fingerprint; otherwise control characters become
/// spaces and it is cut to <see cref="MaxLength"/> characters. A hostile server cannot get a secret, a
/// terminal escape sequence or a megabyte of text into the console, a log or a report this way.
/// </summary>
public static class ServiceText
{
    public const int MaxLength = 300;

    /// <summary>Loaded on the first message that needs judging: most runs have none.</summary>
    private static readonly Lazy<SecretDetector> Detector = new(() => new SecretDetector(SecretPatternCatalog.LoadDefault()));

    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
            return text;
        // Judged whole, before cutting: a secret cut in half would no longer be recognised.
        if (Detector.Value.ScanValue(text, "message") is [var hit, ..])
            return $"(the service's message was withheld: it holds what looks like a secret, {hit.SecretType} {hit.Preview} {hit.Fingerprint})";
        var clean = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        foreach (var c in text)
        {
            if (clean.Length == MaxLength)
            {
                if (char.IsHighSurrogate(clean[^1]))
                    clean.Length--;
                return clean.Append('…').ToString();
            }
            // Control and format characters (escape sequences, bidi overrides) could rewrite what a terminal shows.
            clean.Append(char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format ? ' ' : c);
        }
        return clean.ToString();
    }
}
