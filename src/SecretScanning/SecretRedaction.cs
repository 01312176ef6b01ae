using System.Security.Cryptography;
using System.Text;

namespace TenantScanner.SecretScanning;

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
        const int shortValue = 256;
        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        // Hashed from a stack buffer (cleared after: it holds the secret), without the byte copies and the whole hex
        // string the plain form allocates: a scan fingerprints every secret it finds.
        Span<byte> utf8 = maxBytes <= shortValue ? stackalloc byte[shortValue] : new byte[maxBytes];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var length = Encoding.UTF8.GetBytes(value, utf8);
        SHA256.HashData(utf8[..length], hash);
        utf8[..length].Clear();
        Span<char> fingerprint = stackalloc char[Prefix.Length + 12];
        Prefix.CopyTo(fingerprint);
        Convert.TryToHexStringLower(hash[..6], fingerprint[Prefix.Length..], out _);
        return new string(fingerprint);
    }

    private const string Prefix = "sha256:";
}
