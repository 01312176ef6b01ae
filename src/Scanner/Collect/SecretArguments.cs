using System.Text.RegularExpressions;

namespace TenantScanner.Cli.Collect;

/// <summary>
/// Refuses secrets on the command line: they end up in shell history, CI logs and process lists. Detects
/// secret-like option names (<c>--client-secret</c>, <c>--password</c>, ...) and values shaped like an
/// Entra client secret. Messages never repeat the value.
/// </summary>
public static partial class SecretArguments
{
    public const string Advice =
        "Secrets are not accepted on the command line or in the config file (they leak into shell history, CI logs and process lists). " +
        "Use --auth workload-identity (AZURE_FEDERATED_TOKEN_FILE), --auth managed-identity, or --auth certificate " +
        "(AZURE_CLIENT_CERTIFICATE_PATH); for a client secret, set AZURE_CLIENT_SECRET in the environment from a secret store and use --auth default.";

    public static bool IsSecretName(string name)
    {
        var bare = name.TrimStart('-', '/').Split('=', 2)[0].Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return bare.Contains("secret", StringComparison.OrdinalIgnoreCase) || bare.Contains("password", StringComparison.OrdinalIgnoreCase)
            || bare.Equals("pwd", StringComparison.OrdinalIgnoreCase) || bare.Contains("apikey", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An Entra client secret: three characters, a digit, "Q~", then at least 30 more (the current format).</summary>
    public static bool LooksLikeClientSecret(string value) => ClientSecretShape().IsMatch(value.Split('=', 2)[^1]);

    /// <summary>The refusal message for <paramref name="tokens"/>, or null when none of them is a secret.</summary>
    public static string? Refusal(IEnumerable<string> tokens)
    {
        foreach (var token in tokens)
        {
            if (token.StartsWith('-') && IsSecretName(token))
                return $"Refused option '{token.Split('=', 2)[0]}': {Advice}";
            if (LooksLikeClientSecret(token))
                return $"Refused an argument that looks like a client secret (value not shown): {Advice}";
        }
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_\-\.]{3}\dQ~[A-Za-z0-9_\-\.~]{30,}$")]
    private static partial Regex ClientSecretShape();
}
