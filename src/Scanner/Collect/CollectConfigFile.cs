using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace TenantScanner.Cli.Collect;

/// <summary>
/// The <c>--config</c> file of <c>scanner collect</c> (YAML or JSON, same keys) and the environment
/// variables that override base URLs without a code change. Command-line options win over both.
/// <code>
/// tenant: contoso.onmicrosoft.com
/// environments: [Default-7d1c..., 0f6c...]
/// keyVaults: [https://kv1.vault.azure.net]
/// auth: workload-identity
/// endpoints:
///   baseUrl: http://127.0.0.1:5080          # canonical https://{host}/{path} is called as {baseUrl}/{host}/{path}
///   keyVaultBaseUrl: https://127.0.0.1:5443
///   keyVaultCertificateThumbprint: 3F1A...  # loopback only
/// resilience: { maxAttempts: 8, maxConcurrencyPerHost: 4, requestTimeoutSeconds: 100, hostFailureLimit: 10, maxRetryAfterSeconds: 300 }
/// limits: { deadlineMinutes: 180, maxPagesPerSource: 5000 }
/// </code>
/// </summary>
public sealed class CollectConfigFile
{
    public const string BaseUrlVariable = "SCANNER_ENDPOINT_BASE_URL";
    public const string KeyVaultBaseUrlVariable = "SCANNER_KEYVAULT_BASE_URL";
    public const string KeyVaultThumbprintVariable = "SCANNER_KEYVAULT_CERT_THUMBPRINT";

    public string? Tenant { get; set; }
    public List<string>? Environments { get; set; }
    public List<string>? KeyVaults { get; set; }
    public string? Auth { get; set; }
    public EndpointsSection? Endpoints { get; set; }
    public ResilienceSection? Resilience { get; set; }
    public LimitsSection? Limits { get; set; }

    public sealed class EndpointsSection
    {
        public string? BaseUrl { get; set; }
        public string? KeyVaultBaseUrl { get; set; }
        public string? KeyVaultCertificateThumbprint { get; set; }
    }

    public sealed class ResilienceSection
    {
        public int? MaxAttempts { get; set; }
        public int? MaxConcurrencyPerHost { get; set; }
        public double? BaseDelaySeconds { get; set; }
        public double? RequestTimeoutSeconds { get; set; }
        public int? HostFailureLimit { get; set; }
        public double? MaxRetryAfterSeconds { get; set; }
    }

    public sealed class LimitsSection
    {
        public double? DeadlineMinutes { get; set; }
        public int? MaxPagesPerSource { get; set; }
    }

    /// <summary>
    /// Reads the file; errors name the file, line and column. Secrets are refused as on the command line: a
    /// key named like one (<c>clientSecret</c>, <c>password</c>, ...) and a value shaped like a client secret,
    /// without repeating the value.
    /// </summary>
    public static CollectConfigFile Load(string path)
    {
        if (!File.Exists(path))
            throw new CollectConfigurationException($"--config: the file '{path}' does not exist.");
        var text = File.ReadAllText(path);
        try
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(text));
            foreach (var document in yaml.Documents)
                RefuseSecrets(document.RootNode, path);
            var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
            return deserializer.Deserialize<CollectConfigFile?>(text) ?? new CollectConfigFile();
        }
        catch (YamlException ex)
        {
            throw new CollectConfigurationException($"{path}({ex.Start.Line},{ex.Start.Column}): {ex.InnerException?.Message ?? ex.Message}", ex);
        }
    }

    private static void RefuseSecrets(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode name && SecretArguments.IsSecretName(name.Value ?? ""))
                        throw new CollectConfigurationException(
                            $"{path}({name.Start.Line},{name.Start.Column}): the key '{name.Value}' looks like a secret setting. {SecretArguments.Advice}");
                    RefuseSecrets(key, path);
                    RefuseSecrets(value, path);
                }
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                    RefuseSecrets(item, path);
                break;
            case YamlScalarNode scalar when SecretArguments.LooksLikeClientSecret(scalar.Value ?? ""):
                throw new CollectConfigurationException(
                    $"{path}({scalar.Start.Line},{scalar.Start.Column}): a value that looks like a client secret (value not shown). {SecretArguments.Advice}");
        }
    }

    /// <summary>Endpoint overrides: environment variables first, then this file.</summary>
    public EndpointOptions ToEndpoints(Func<string, string?> environment, string origin) => new()
    {
        BaseUrl = ParseUrl(environment(BaseUrlVariable) ?? Endpoints?.BaseUrl, environment(BaseUrlVariable) is null ? $"{origin}: endpoints.baseUrl" : BaseUrlVariable, requireHttps: false),
        KeyVaultBaseUrl = ParseUrl(environment(KeyVaultBaseUrlVariable) ?? Endpoints?.KeyVaultBaseUrl,
            environment(KeyVaultBaseUrlVariable) is null ? $"{origin}: endpoints.keyVaultBaseUrl" : KeyVaultBaseUrlVariable, requireHttps: true),
        KeyVaultCertificateThumbprint = environment(KeyVaultThumbprintVariable) ?? Endpoints?.KeyVaultCertificateThumbprint,
    };

    public static Uri? ParseUrl(string? value, string field, bool requireHttps)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new CollectConfigurationException($"{field}: '{value}' is not an absolute http(s) URL.");
        if (uri.UserInfo.Length > 0)
            throw new CollectConfigurationException($"{field}: the URL carries a user name or password (value not shown); credentials never go into a URL.");
        if (requireHttps && uri.Scheme != Uri.UriSchemeHttps)
            throw new CollectConfigurationException($"{field}: '{value}' must be https (the Key Vault SDK sends tokens only over TLS).");
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
            throw new CollectConfigurationException(
                $"{field}: '{value}' is plain http to a host that is not this machine, so the bearer tokens would cross the network in clear. " +
                "Use https; http is accepted only for a loopback address (127.0.0.1, ::1, localhost), such as the fake tenant.");
        return uri;
    }
}
