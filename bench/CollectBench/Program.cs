using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using TenantScanner.Bench.Collect;
using TenantScanner.Cli.Collect;
using TenantScanner.FakeTenant;
using TenantScanner.Snapshots;

// dotnet run -c Release --project bench/CollectBench [-- --sps 10000 --flows 2000 --scaled-capacity 50 --scaled-refill 100 --requests-only]
// --requests-only: skip the two throttled runs (request counts are exact without them; wall times need them).
string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var shape = new TenantShape
{
    ServicePrincipals = int.Parse(Arg("--sps") ?? "10000", CultureInfo.InvariantCulture),
    Flows = int.Parse(Arg("--flows") ?? "2000", CultureInfo.InvariantCulture),
};
var scaled = new ThrottleOptions(double.Parse(Arg("--scaled-capacity") ?? "50", CultureInfo.InvariantCulture),
    double.Parse(Arg("--scaled-refill") ?? "100", CultureInfo.InvariantCulture));
// Graph, identity and access, app + tenant pair, large tenant: 8,000 resource units per 10 s (each request here costs 1).
var graphDocumented = new ThrottleOptions(8000, 800);

var work = Path.Combine(Path.GetTempPath(), "collect-bench-" + Guid.NewGuid().ToString("N"));
var served = Path.Combine(work, "served");
var generate = Stopwatch.StartNew();
SyntheticSnapshot.Write(served, shape);
Console.WriteLine($"Generated {shape.ServicePrincipals:N0} SPs, {shape.Flows:N0} flows in {generate.Elapsed.TotalSeconds:0.0} s");

try
{
    var plain = await Run("unthrottled", null);
    var requestsOnly = args.Contains("--requests-only");
    var documented = requestsOnly ? null : await Run("graph-documented", graphDocumented);
    var throttled = requestsOnly ? null : await Run("scaled-throttle", scaled);

    var minimum = shape.MinimumRequests();
    Console.WriteLine();
    Console.WriteLine("| source | minimum requests | sent (no faults, no throttle) |");
    Console.WriteLine("| --- | ---: | ---: |");
    foreach (var (source, min) in minimum)
        Console.WriteLine($"| {source} | {min:N0} | {plain.PerSource.GetValueOrDefault(source):N0} |");
    var totalMin = minimum.Values.Sum();
    Console.WriteLine($"| **total** | **{totalMin:N0}** | **{plain.Sent:N0}** ({100.0 * (plain.Sent - totalMin) / totalMin:+0.00;-0.00;0.00} %) |");
    if (documented is null || throttled is null)
        return 0;
    Console.WriteLine();
    var bound = ThrottleBound(plain.CostPerHost, scaled);
    var documentedBound = ThrottleBound(plain.CostPerHost, graphDocumented);
    Console.WriteLine("| run | wall time | requests sent | 429s | throttle bound | ratio |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
    Console.WriteLine($"| no throttle | {plain.Wall.TotalSeconds:0.00} s | {plain.Sent:N0} | {plain.Throttled:N0} | - | - |");
    Console.WriteLine($"| Graph documented limit (8,000/10 s per app and host) | {documented.Wall.TotalSeconds:0.00} s | {documented.Sent:N0} | {documented.Throttled:N0} | {documentedBound.TotalSeconds:0.00} s | {Ratio(documented.Wall, documentedBound, plain.Wall)} |");
    Console.WriteLine($"| scaled throttle ({scaled.Capacity:0} burst, {scaled.RefillPerSecond:0}/s per host) | {throttled.Wall.TotalSeconds:0.00} s | {throttled.Sent:N0} | {throttled.Throttled:N0} | {bound.TotalSeconds:0.00} s | {Ratio(throttled.Wall, bound, plain.Wall)} |");
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

async Task<RunResult> Run(string name, ThrottleOptions? throttle)
{
    await using var server = await FakeTenantServer.StartAsync(new FakeTenantOptions { SnapshotFolder = served, Throttle = throttle });
    var options = new CollectOptions
    {
        Tenant = "bench.example",
        OutputFolder = Path.Combine(work, name),
        KeyVaults = [new Uri("https://kv1.vault.azure.net")],
        Endpoints = new EndpointOptions { BaseUrl = server.HttpBase, KeyVaultBaseUrl = server.HttpsBase, KeyVaultCertificateThumbprint = server.Certificate.Thumbprint },
        Resilience = new ResilienceOptions { MaxAttempts = 30 },
    };
    var clock = Stopwatch.StartNew();
    var result = await SnapshotCollector.CollectAsync(options, null, CancellationToken.None, new CollectRuntime { Credential = new BenchCredential() });
    clock.Stop();
    if (result.Coverage.Count > 0)
        throw new InvalidOperationException($"{name}: collection incomplete: {result.Coverage[0].Source} {result.Coverage[0].Error}");
    var log = server.Requests.All;
    var perSource = log.GroupBy(r => SourceOf(r)).ToDictionary(g => g.Key, g => g.Count());
    var costPerHost = log.Where(r => r.Status != 429).GroupBy(r => r.CanonicalHost).ToDictionary(g => g.Key, g => g.Sum(r => r.Cost));
    Console.WriteLine($"{name}: {clock.Elapsed.TotalSeconds:0.00} s, {log.Count:N0} requests");
    return new RunResult(clock.Elapsed, log.Count, log.Count(r => r.Status == 429), perSource, costPerHost);
}

static string SourceOf(RecordedRequest request)
{
    if (request.PathAndQuery.Contains("/$batch", StringComparison.Ordinal))
        return TenantShape.BatchSource;
    var route = SourceRoutes.Match($"https://{request.CanonicalHost}{request.PathAndQuery[(request.CanonicalHost.Length + 1)..]}");
    return route is null ? request.CanonicalHost
        : route.Kind.ToId().StartsWith("dataverse.", StringComparison.Ordinal) ? "dataverse (5 tables)" : route.Kind.ToId();
}

// The least time any client can take: per host (hosts run in parallel), the units beyond the burst at the refill rate.
static TimeSpan ThrottleBound(IReadOnlyDictionary<string, int> costPerHost, ThrottleOptions throttle) =>
    TimeSpan.FromSeconds(costPerHost.Values.Max(cost => Math.Max(0, (cost - throttle.Capacity) / throttle.RefillPerSecond)));

static string Ratio(TimeSpan wall, TimeSpan bound, TimeSpan unthrottled) =>
    bound > TimeSpan.Zero ? $"{wall.TotalSeconds / bound.TotalSeconds:0.00}× bound" : $"bound not reached; {wall.TotalSeconds / unthrottled.TotalSeconds:0.00}× unthrottled";

sealed record RunResult(TimeSpan Wall, int Sent, int Throttled, Dictionary<string, int> PerSource, Dictionary<string, int> CostPerHost);

sealed class BenchCredential : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new("bench-token", DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
