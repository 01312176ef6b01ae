using System.Net;
using System.Net.Security;
using Azure.Core;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using RedirectHandler = Microsoft.Kiota.Http.HttpClientLibrary.Middleware.RedirectHandler;
using RetryHandler = Microsoft.Kiota.Http.HttpClientLibrary.Middleware.RetryHandler;
using TenantScanner.Cli.Collect.Http;
using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Collect;

/// <summary>What a collection run produced.</summary>
/// <param name="SnapshotFolder">The complete snapshot (manifest written, folder renamed into place).</param>
/// <param name="Coverage">Sources that could not be read; empty when collection is complete.</param>
/// <param name="RequestsSent">HTTP requests put on the wire, retries included.</param>
/// <param name="Sources">Counters per source.</param>
public sealed record CollectResult(string SnapshotFolder, IReadOnlyList<CoverageGap> Coverage, int RequestsSent, IReadOnlyList<SourceProgress> Sources)
{
    public bool IsComplete => Coverage.Count == 0;
}

/// <summary>Things a run takes from outside, replaceable in tests: the credential, the clock, the network.</summary>
public sealed record CollectRuntime
{
    /// <summary>Null: built from <see cref="CollectOptions.Auth"/> and the AZURE_* environment variables.</summary>
    public TokenCredential? Credential { get; init; }
    public TimeProvider Time { get; init; } = TimeProvider.System;
    /// <summary>Jitter source for back-off; tests pass a seeded one.</summary>
    public Random? Jitter { get; init; }
    /// <summary>Reads AZURE_* / SCANNER_* settings; tests pass a dictionary instead of the process environment.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}

/// <summary>
/// Collects a live tenant into a snapshot folder: Graph, Power Platform, Dataverse and Key Vault at once,
/// every response recorded byte for byte, failures recorded as coverage gaps. This is the entry point the
/// <c>collect</c> and <c>scan --tenant</c> commands call.
/// </summary>
public static class SnapshotCollector
{
    public static async Task<CollectResult> CollectAsync(CollectOptions options, ICollectProgress? progress, CancellationToken cancellationToken,
        CollectRuntime? runtime = null)
    {
        runtime ??= new CollectRuntime();
        var endpoints = new EndpointMap(options.Endpoints);
        var hosts = new TrustedHosts(options.KeyVaults);
        var credential = new CachingTokenCredential(
            runtime.Credential ?? CredentialFactory.Create(options.Auth, options.Tenant, runtime.Environment, runtime.Time), runtime.Time);
        var statistics = new CollectStatistics(progress);
        using var writer = new SnapshotWriter(options.OutputFolder, runtime.Time);
        var deadline = new CollectionDeadline(options.Limits.Deadline, runtime.Time);
        var gates = new HostGates(options.Resilience);
        var resilience = () => new ResilienceHandler(options.Resilience, endpoints, statistics, runtime.Time, gates, deadline, runtime.Jitter);

        // Every pipeline starts with the same two guards: only trusted hosts, only reads. Time-outs are the
        // resilience handler's (per attempt and the deadline), so the clients' own are switched off.
        using var http = new HttpClient(Chain(Primary(null),
            new TrustedHostHandler(endpoints, hosts), new ReadOnlyGuardHandler(endpoints), new RecordingHandler(writer, endpoints, statistics), resilience(),
            new AuthorizationHandler(credential, endpoints, hosts), new EndpointRewriteHandler(endpoints))) { Timeout = Timeout.InfiniteTimeSpan };
        var context = new CollectContext
        {
            Options = options, Writer = writer, Statistics = statistics, Endpoints = endpoints, Credential = credential,
            Time = runtime.Time, Http = http, Progress = progress, Hosts = hosts, Deadline = deadline,
        };

        // The SDK's redirect handler would follow a 3xx to any host; its retry handler is replaced by ours.
        using var graphHttp = GraphClientFactory.Create(
            [new TrustedHostHandler(endpoints, hosts), new ReadOnlyGuardHandler(endpoints), new RecordingHandler(writer, endpoints, statistics), resilience(),
             .. GraphClientFactory.CreateDefaultHandlers().Where(h => h is not RetryHandler and not RedirectHandler)],
            finalHandler: Primary(null));
        graphHttp.Timeout = Timeout.InfiniteTimeSpan;
        var graphBase = endpoints.ToActual(new Uri(RecordingHandler.GraphRoot)).AbsoluteUri;
        var auth = new AzureIdentityAuthenticationProvider(credential, [new Uri(graphBase).Host], null, true, TokenAudiences.Graph);
        using var graph = new GraphServiceClient(graphHttp, auth, graphBase);
        var graphCollector = new GraphCollector(context, graph, new GraphBatchReader(context));

        using var keyVaultHttp = new HttpClient(Chain(Primary(KeyVaultCertificateCheck(options.Endpoints)),
            new TrustedHostHandler(endpoints, hosts), new ReadOnlyGuardHandler(endpoints), resilience(), new EndpointRewriteHandler(endpoints)))
            { Timeout = Timeout.InfiniteTimeSpan };

        await Task.WhenAll(
            graphCollector.CollectAsync(cancellationToken),
            new PowerPlatformCollector(context).CollectAsync(cancellationToken),
            new KeyVaultCollector(context, keyVaultHttp).CollectAsync(cancellationToken));

        var tenantId = graphCollector.Organization?.Id ?? options.Tenant;
        var folder = writer.Complete(tenantId, graphCollector.Organization?.DisplayName,
            new ToolInfo(ToolIdentity.Name, ToolIdentity.Version));
        return new CollectResult(folder, writer.Coverage, statistics.RequestsSent, statistics.Snapshot());
    }

    private static HttpMessageHandler Chain(HttpMessageHandler primary, params DelegatingHandler[] outerToInner)
    {
        var inner = primary;
        for (var i = outerToInner.Length - 1; i >= 0; i--)
        {
            outerToInner[i].InnerHandler = inner;
            inner = outerToInner[i];
        }
        return inner;
    }

    /// <summary>The socket handler; it follows no redirect (a 3xx could lead anywhere: it is an answer, and a gap).</summary>
    private static SocketsHttpHandler Primary(RemoteCertificateValidationCallback? certificateCheck) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 32,
        SslOptions = { RemoteCertificateValidationCallback = certificateCheck },
    };

    /// <summary>
    /// Trusts one pinned self-signed certificate, and only for a loopback Key Vault base URL (the fake
    /// tenant); every other connection keeps normal certificate validation.
    /// </summary>
    private static RemoteCertificateValidationCallback? KeyVaultCertificateCheck(EndpointOptions endpoints)
    {
        if (endpoints.KeyVaultCertificateThumbprint is not { Length: > 0 } pinned || endpoints.KeyVaultBaseUrl is not { IsLoopback: true })
            return null;
        return (_, certificate, _, errors) => errors == SslPolicyErrors.None
            || (certificate is not null && string.Equals(certificate.GetCertHashString(), pinned.Replace(":", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
    }
}
