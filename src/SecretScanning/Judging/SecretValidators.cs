using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using TenantScanner.SecretScanning.Catalog;

namespace TenantScanner.SecretScanning.Judging;

/// <summary>Structural checks that a regex cannot express. They decode only into locals that are dropped at once.</summary>
internal static class SecretValidators
{
    public static bool Passes(SecretValidation validation, string candidate, NotSecretMatcher notSecret) => validation switch
    {
        SecretValidation.None => true,
        SecretValidation.BasicAuth => IsBasicCredential(candidate, notSecret),
        SecretValidation.Jwt => IsJwt(candidate),
        SecretValidation.Base64Of64Bytes => DecodedLength(candidate) == 64,
        _ => false,
    };

    private static int DecodedLength(string base64)
    {
        Span<byte> buffer = stackalloc byte[Math.Max(3, base64.Length)];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? written : -1;
    }

    private static bool IsBasicCredential(string base64, NotSecretMatcher notSecret)
    {
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var written))
            return false;
        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            Array.Clear(bytes);
        }
        var colon = decoded.IndexOf(':');
        if (colon < 0 || colon == decoded.Length - 1)
            return false;
        foreach (var c in decoded)
        {
            if (char.IsControl(c))
                return false;
        }
        var password = decoded.AsSpan(colon + 1);
        return !notSecret.IsPlaceholder(password) && !SecretText.IsWholeExpression(password.ToString());
    }

    private static bool IsJwt(string token)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0)
            return false;
        var header = token.AsSpan(0, dot);
        var buffer = new byte[Base64Url.GetMaxDecodedLength(header.Length)];
        if (Base64Url.DecodeFromChars(header, buffer, out _, out var written) != System.Buffers.OperationStatus.Done)
            return false;
        try
        {
            using var document = JsonDocument.Parse(buffer.AsMemory(0, written));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("alg", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
