using TenantScanner.Cli.Collect;
using TenantScanner.FakeTenant;

namespace TenantScanner.Cli.Tests.Live;

/// <summary>Starts the fake tenant in-process for one test and builds collect options that point at it.</summary>
public sealed class FakeTenantHost : IAsyncDisposable
{
    private FakeTenantHost(FakeTenantServer server, string workFolder)
    {
        Server = server;
        WorkFolder = workFolder;
    }

    public FakeTenantServer Server { get; }
    public string WorkFolder { get; }
    public StaticTokenCredential Credential { get; } = new();

    public static async Task<FakeTenantHost> StartAsync(string snapshotFolder, FaultOptions? faults = null, ThrottleOptions? throttle = null, string? accessToken = null,
        IReadOnlyList<HostileRule>? hostile = null)
    {
        var work = Path.Combine(Path.GetTempPath(), "scanner-live-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var server = await FakeTenantServer.StartAsync(new FakeTenantOptions
        {
            SnapshotFolder = snapshotFolder, Faults = faults ?? new(), Throttle = throttle, AccessToken = accessToken, Hostile = hostile ?? [],
        });
        return new FakeTenantHost(server, work);
    }

    public EndpointOptions Endpoints => new()
    {
        BaseUrl = Server.HttpBase,
        KeyVaultBaseUrl = Server.HttpsBase,
        KeyVaultCertificateThumbprint = Server.Certificate.Thumbprint,
    };

    public CollectOptions Options(string name = "collected", IReadOnlyList<Uri>? vaults = null) => new()
    {
        Tenant = "contoso.onmicrosoft.com",
        OutputFolder = Path.Combine(WorkFolder, name),
        KeyVaults = vaults ?? [new Uri(TestSnapshotBuilder.Vault)],
        Endpoints = Endpoints,
        Resilience = new ResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxBackoff = TimeSpan.FromMilliseconds(50), MaxAttempts = 12 },
    };

    public CollectRuntime Runtime => new() { Credential = Credential, Jitter = new Random(3) };

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try { Directory.Delete(WorkFolder, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
