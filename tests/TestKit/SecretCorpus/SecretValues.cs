using System.Text;

namespace TenantScanner.TestKit.SecretCorpus;

/// <summary>Random but correctly shaped fake credentials (never real: generated from a seeded RNG).</summary>
public sealed class SecretValues(Random random)
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Alnum = Upper + Lower + Digits;
    private const string Base64Chars = Alnum + "+/";
    private const string Base64UrlChars = Alnum + "-_";
    private const string Hex = "0123456789abcdef";
    private const string Base32Lower = "abcdefghijklmnopqrstuvwxyz234567";

    public Random Random { get; } = random;

    public string From(string alphabet, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
            builder.Append(alphabet[Random.Next(alphabet.Length)]);
        return builder.ToString();
    }

    public string Pick(params string[] options) => options[Random.Next(options.Length)];

    public string EntraClientSecret() => From(Alnum, 3) + Pick("7", "8") + "Q~" + From(Alnum + "_~.-", 34);
    public string UrlSafePassword() => From(Alnum, 8) + Pick("!", "$", "%", "*") + From(Alnum, 4 + Random.Next(8));
    public string StorageKey() => Convert.ToBase64String(Bytes(64));
    public string SharedAccessKey() => Convert.ToBase64String(Bytes(32));
    public string SasSignature() => Uri.EscapeDataString(Convert.ToBase64String(Bytes(32)));
    public string TriggerSignature() => From(Base64UrlChars, 43);
    public string FunctionKey() => From(Base64UrlChars, 54) + "==";
    public string AdoPat() => From(Alnum, 52) + "JQQJ" + From(Digits + Upper, 20) + "AZDO" + From(Alnum, 4);
    public string AdoPatLegacy() => From(Base32Lower, 52);
    public string Password() => From(Alnum, 6) + Pick("!", "#", "%", "$", "?") + From(Alnum, 5 + Random.Next(8)) + Pick("!", "9", "@", "_");
    public string GitHubToken() => Pick("ghp_", "gho_", "ghs_") + From(Alnum, 36);
    public string AwsAccessKey() => "AKIA" + From(Upper + "234567", 16);
    public string SlackToken() => Pick("xoxb-", "xoxp-") + From(Digits, 11) + "-" + From(Digits, 12) + "-" + From(Alnum, 24);
    public string SendGridKey() => "SG." + From(Base64UrlChars, 22) + "." + From(Base64UrlChars, 43);
    public string OpenAiKey() => "sk-proj-" + From(Base64UrlChars, 20) + "T3BlbkFJ" + From(Base64UrlChars, 40);
    public string StripeKey() => Pick("sk_live_", "rk_live_") + From(Alnum, 24 + Random.Next(70));
    public string TwilioApiKey() => "SK" + From(Hex, 32);
    public string ApimKey() => From(Hex, 32);
    public string Guid() => new System.Guid(Bytes(16)).ToString();
    public string HexString(int length) => From(Hex, length);
    public string Base64(int bytes) => Convert.ToBase64String(Bytes(bytes));
    public string Base64Url(int length) => From(Base64UrlChars, length);
    public string Word() => Pick("invoice", "order", "customer", "approval", "report", "ticket", "contract", "payroll", "shipment", "lead");

    public string Jwt()
    {
        var header = Base64UrlEncode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + From(Alnum, 12) + "\"}");
        var payload = Base64UrlEncode("{\"aud\":\"https://graph.microsoft.com\",\"sub\":\"" + Guid() + "\",\"exp\":" + (1_700_000_000 + Random.Next(90_000_000)) + "}");
        return header + "." + payload + "." + From(Base64UrlChars, 86);
    }

    public string PrivateKeyPem()
    {
        var body = Convert.ToBase64String(Bytes(600));
        var lines = Enumerable.Range(0, (body.Length + 63) / 64).Select(i => body.Substring(i * 64, Math.Min(64, body.Length - i * 64)));
        var kind = Pick("RSA ", "", "EC ");
        return $"-----BEGIN {kind}PRIVATE KEY-----\n{string.Join("\n", lines)}\n-----END {kind}PRIVATE KEY-----";
    }

    public string PublicKeyPem()
    {
        var body = Convert.ToBase64String(Bytes(270));
        return $"-----BEGIN PUBLIC KEY-----\n{body}\n-----END PUBLIC KEY-----";
    }

    public byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        Random.NextBytes(bytes);
        return bytes;
    }

    public static string Base64UrlEncode(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
