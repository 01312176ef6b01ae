using System.Security.Cryptography;
using System.Text;

namespace TenantScanner.TestKit.TenantGenerator.Model;

/// <summary>
/// Deterministic identifiers and fake credential strings. Every value is derived from a seed and a
/// key by SHA-256, so adding one user to the demo does not shift every other id (as a shared RNG
/// sequence would), and the same command always writes the same bytes.
/// </summary>
internal sealed class StableIds(string seed)
{
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private const string EntraSecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789~._-";

    public string Seed { get; } = seed;

    /// <summary>A random-looking version-4 GUID, lower case, stable for (seed, key).</summary>
    public string Guid(string key)
    {
        var bytes = Hash(key).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (little-endian field layout of System.Guid)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString("D");
    }

    /// <summary>Characters drawn from <paramref name="alphabet"/>, stable for (seed, key).</summary>
    public string Chars(string key, int length, string alphabet)
    {
        var builder = new StringBuilder(length);
        var block = 0;
        while (builder.Length < length)
        {
            foreach (var b in Hash($"{key}#{block++}"))
            {
                if (builder.Length == length)
                    break;
                builder.Append(alphabet[b % alphabet.Length]);
            }
        }
        return builder.ToString();
    }

    public string Base64Url(string key, int length) => Chars(key, length, Base64UrlAlphabet);

    /// <summary>Standard base64 of <paramref name="byteCount"/> stable bytes (e.g. a storage account key is 64 bytes).</summary>
    public string Base64(string key, int byteCount)
    {
        var bytes = new byte[byteCount];
        for (var offset = 0; offset < byteCount; offset += 32)
        {
            var chunk = Hash($"{key}#{offset}");
            Array.Copy(chunk, 0, bytes, offset, Math.Min(32, byteCount - offset));
        }
        return Convert.ToBase64String(bytes);
    }

    /// <summary>
    /// A fake Entra ID client secret in the real 40-character shape: three characters, the "8Q~"
    /// version marker, then 34 characters. It authenticates nothing anywhere.
    /// </summary>
    public string EntraClientSecret(string key) => Chars(key + ":p", 3, Base64UrlAlphabet.Replace("-", "").Replace("_", ""))
        + "8Q~" + Chars(key, 34, EntraSecretAlphabet);

    public string Hex(string key, int length) => Convert.ToHexStringLower(Hash(key)).PadRight(length, '0')[..length];

    /// <summary>A stable integer in [0, maxExclusive).</summary>
    public int Int(string key, int maxExclusive) => (int)(BitConverter.ToUInt32(Hash(key), 0) % (uint)maxExclusive);

    private byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes($"{Seed}|{key}"));
}
