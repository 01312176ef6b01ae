namespace TenantScanner.Cli.Collect;

/// <summary>How the collector signs in. Every mode is an Azure.Identity credential; none takes a secret on the command line.</summary>
public enum AuthMode
{
    /// <summary>DefaultAzureCredential: environment, workload identity, managed identity, Azure CLI, ... in that order.</summary>
    Default,
    /// <summary>WorkloadIdentityCredential from AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_FEDERATED_TOKEN_FILE.</summary>
    WorkloadIdentity,
    /// <summary>ManagedIdentityCredential (system-assigned, or user-assigned with AZURE_CLIENT_ID).</summary>
    ManagedIdentity,
    /// <summary>ClientCertificateCredential from AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_CLIENT_CERTIFICATE_PATH (+ AZURE_CLIENT_CERTIFICATE_PASSWORD).</summary>
    Certificate,
    /// <summary>AzureCliCredential: the signed-in `az` user.</summary>
    AzureCli,
    /// <summary>DeviceCodeCredential: a person signs in interactively.</summary>
    DeviceCode,
    /// <summary>One pre-fetched bearer token from SCANNER_ACCESS_TOKEN for every host: for the fake tenant or a token obtained elsewhere.</summary>
    AccessToken,
}

/// <summary>Everything one collection run needs, parsed and validated before any request is sent.</summary>
public sealed record CollectOptions
{
    /// <summary>Tenant id or verified domain, e.g. contoso.onmicrosoft.com.</summary>
    public required string Tenant { get; init; }

    /// <summary>The snapshot folder to create. It must not exist yet.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Power Platform environment names to read; empty = every environment the caller can see.</summary>
    public IReadOnlyList<string> Environments { get; init; } = [];

    /// <summary>Key Vaults whose secret properties (never values) are listed, e.g. https://kv1.vault.azure.net.</summary>
    public IReadOnlyList<Uri> KeyVaults { get; init; } = [];

    /// <summary>Default <see cref="AuthMode.Default"/>.</summary>
    public AuthMode Auth { get; init; } = AuthMode.Default;

    /// <summary>Where the services are reached; default: the public cloud's canonical hosts.</summary>
    public EndpointOptions Endpoints { get; init; } = new();

    /// <summary>Retry and concurrency limits.</summary>
    public ResilienceOptions Resilience { get; init; } = new();

    /// <summary>Bounds of the whole run: deadline, pages per list.</summary>
    public CollectLimits Limits { get; init; } = new();

    /// <summary>Resource service principals per Graph <c>$batch</c> request; Graph allows at most 20.</summary>
    public int GraphBatchSize { get; init; } = 20;
}

/// <summary>
/// Base URL overrides. When <see cref="BaseUrl"/> is set, the canonical URL <c>https://{host}/{path}</c> is
/// sent to <c>{BaseUrl}/{host}/{path}</c> (one endpoint for every service, e.g. the loopback fake tenant or a
/// recording proxy); Key Vault goes to <see cref="KeyVaultBaseUrl"/> the same way because the Key Vault SDK
/// only sends tokens over HTTPS. The snapshot always records the canonical URL.
/// </summary>
public sealed record EndpointOptions
{
    /// <summary>Default null: call the real services.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>Default null: call the real vaults. Must be https.</summary>
    public Uri? KeyVaultBaseUrl { get; init; }

    /// <summary>
    /// SHA-1 thumbprint of a self-signed certificate to trust for <see cref="KeyVaultBaseUrl"/>. Only honoured
    /// when that URL is a loopback address: it exists for the fake tenant, never for a real vault.
    /// </summary>
    public string? KeyVaultCertificateThumbprint { get; init; }

    public bool IsOverridden => BaseUrl is not null || KeyVaultBaseUrl is not null;
}

/// <summary>Retry, back-off and concurrency. Defaults suit the real services.</summary>
public sealed record ResilienceOptions
{
    /// <summary>Attempts per request including the first; default 8.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>First back-off delay when the server gives no Retry-After; doubles per attempt; default 1 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the exponential back-off; default 60 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Longest Retry-After waiting honoured for one request, in total (429s with Retry-After do not use up
    /// <see cref="MaxAttempts"/>); beyond it the request fails and its source goes to coverage. A single
    /// Retry-After above it is not waited for at all: that request fails at once and its host is not paused,
    /// so one hostile or broken answer cannot stall the other sources; default 5 min.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Concurrent requests per host; default 4 (Graph advises few parallel requests per app).</summary>
    public int MaxConcurrencyPerHost { get; init; } = 4;

    /// <summary>Longest one attempt waits for the whole answer (headers and body); then it counts as failed and is retried; default 100 s (the SDKs' own default).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Circuit breaker: after this many failed attempts in a row on one host (no answer in time, dropped
    /// connection, truncated body, 503/504), the host's remaining requests are not sent and become coverage
    /// gaps at once; default 10.
    /// </summary>
    public int HostFailureLimit { get; init; } = 10;
}

/// <summary>Bounds of one collection run, whatever the services do.</summary>
public sealed record CollectLimits
{
    /// <summary>
    /// Collection stops sending requests this long after it started; what is still unread becomes coverage
    /// gaps and the snapshot is written with what was read; default 3 hours.
    /// </summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromHours(3);

    /// <summary>Pages read of one list at most (a service whose next links never end); the rest becomes a coverage gap; default 5,000.</summary>
    public int MaxPagesPerSource { get; init; } = 5000;
}
