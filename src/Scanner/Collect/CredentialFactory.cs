using Azure.Core;
using Azure.Identity;

namespace TenantScanner.Cli.Collect;

/// <summary>
/// Builds the Azure.Identity credential for an <see cref="AuthMode"/>. Configuration comes from the
/// standard AZURE_* environment variables (AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_FEDERATED_TOKEN_FILE,
/// AZURE_CLIENT_CERTIFICATE_PATH, ...), never from the command line
/// (<c>access-token</c>: <see cref="AccessTokenCredential.Variable"/>).
/// </summary>
public static class CredentialFactory
{
    public static TokenCredential Create(AuthMode mode, string tenant, Func<string, string?> environment, TimeProvider? time = null)
    {
        var tenantId = environment("AZURE_TENANT_ID") ?? tenant;
        var clientId = environment("AZURE_CLIENT_ID");
        return mode switch
        {
            AuthMode.Default => new DefaultAzureCredential(new DefaultAzureCredentialOptions { TenantId = tenantId }),
            AuthMode.WorkloadIdentity => new WorkloadIdentityCredential(new WorkloadIdentityCredentialOptions
            {
                TenantId = tenantId,
                ClientId = Require(clientId, "AZURE_CLIENT_ID", mode),
                TokenFilePath = Require(environment("AZURE_FEDERATED_TOKEN_FILE"), "AZURE_FEDERATED_TOKEN_FILE", mode),
            }),
            AuthMode.ManagedIdentity => clientId is null
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId)),
            AuthMode.Certificate => new ClientCertificateCredential(tenantId, Require(clientId, "AZURE_CLIENT_ID", mode),
                Require(environment("AZURE_CLIENT_CERTIFICATE_PATH"), "AZURE_CLIENT_CERTIFICATE_PATH", mode),
                new ClientCertificateCredentialOptions { SendCertificateChain = environment("AZURE_CLIENT_SEND_CERTIFICATE_CHAIN") == "true" }),
            AuthMode.AzureCli => new AzureCliCredential(new AzureCliCredentialOptions { TenantId = tenantId }),
            AuthMode.DeviceCode => new DeviceCodeCredential(new DeviceCodeCredentialOptions { TenantId = tenantId, ClientId = clientId ?? DeviceCodeDefaultClientId }),
            AuthMode.AccessToken => AccessTokenCredential.FromEnvironment(environment, time ?? TimeProvider.System),
            _ => throw new CollectConfigurationException($"Unknown --auth mode '{mode}'."),
        };
    }

    /// <summary>Azure CLI's public client id, the usual default for device-code sign-in.</summary>
    private const string DeviceCodeDefaultClientId = "04b07795-8ddc-461a-bbee-02f9e1bf7b46";

    private static string Require(string? value, string variable, AuthMode mode) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new CollectConfigurationException($"--auth {AuthModeNames.ToName(mode)} needs the environment variable {variable}.")
            : value;
}

/// <summary>Command-line spellings of <see cref="AuthMode"/>.</summary>
public static class AuthModeNames
{
    private static readonly Dictionary<string, AuthMode> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] = AuthMode.Default,
        ["workload-identity"] = AuthMode.WorkloadIdentity,
        ["managed-identity"] = AuthMode.ManagedIdentity,
        ["certificate"] = AuthMode.Certificate,
        ["azure-cli"] = AuthMode.AzureCli,
        ["device-code"] = AuthMode.DeviceCode,
        ["access-token"] = AuthMode.AccessToken,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static bool TryParse(string name, out AuthMode mode) => ByName.TryGetValue(name, out mode);

    public static string ToName(AuthMode mode) => ByName.First(p => p.Value == mode).Key;
}
