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
/// resilience: { maxAttempts: 8, maxConcurrencyPerHost: 4 }
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
    }

    /// <summary>Reads the file; errors name the file, line and column. A key that looks like a secret is refused.</summary>
    public static CollectConfigFile Load(string path)
    {
        if (!File.Exists(path))
            throw new CollectConfigurationException($"--config: the file '{path}' does not exist.");
        var text = File.ReadAllText(path);
        try
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(text));
            foreach (var node in yaml.Documents.SelectMany(d => d.AllNodes).OfType<YamlDotNet.RepresentationModel.YamlScalarNode>())
            {
                if (SecretArguments.IsSecretName(node.Value ?? ""))
                    throw new CollectConfigurationException(
                        $"{path}({node.Start.Line},{node.Start.Column}): '{node.Value}' looks like a secret setting. {SecretArguments.Advice}");
            }
            var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
            return deserializer.Deserialize<CollectConfigFile?>(text) ?? new CollectConfigFile();
        }
        catch (YamlException ex)
        {
            throw new CollectConfigurationException($"{path}({ex.Start.Line},{ex.Start.Column}): {ex.InnerException?.Message ?? ex.Message}", ex);
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
        if (requireHttps && uri.Scheme != Uri.UriSchemeHttps)
            throw new CollectConfigurationException($"{field}: '{value}' must be https (the Key Vault SDK sends tokens only over TLS).");
        return uri;
    }
}
