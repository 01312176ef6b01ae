using System.Security.Cryptography;
using System.Text;

namespace TenantScanner.Findings;

/// <summary>
/// The only way a secret value may be shown: a short preview that cannot be used, and a fingerprint that
/// recognises the same secret across flows and scans without revealing it.
/// </summary>
public static class SecretRedaction
{
    /// <summary>Characters of the value shown; short values show fewer so the preview never reveals most of a secret.</summary>
    private const int MaxPreviewChars = 4;

    /// <summary>e.g. <c>7Q~a… (40 chars)</c>. Values of 12 characters or fewer show no characters at all.</summary>
    public static string Preview(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var shown = value.Length <= 12 ? 0 : Math.Min(MaxPreviewChars, value.Length / 8);
        var prefix = shown == 0 ? string.Empty : value[..shown];
        return $"{prefix}… ({value.Length} chars)";
    }

    /// <summary><c>sha256:</c> plus the first 12 hex digits of the value's SHA-256.</summary>
    public static string Fingerprint(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        return "sha256:" + Convert.ToHexStringLower(hash)[..12];
    }
}
