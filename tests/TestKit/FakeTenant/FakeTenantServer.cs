using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TenantScanner.Snapshots;

namespace TenantScanner.FakeTenant;

/// <summary>
/// A loopback Microsoft tenant serving a snapshot: canonical <c>https://{host}/{path}</c> is served at
/// <c>{HttpBase}/{host}/{path}</c>, Key Vault over TLS at <c>{HttpsBase}/{vault host}/...</c> with a
/// self-signed certificate made at start. Requires a bearer token, injects faults and throttling as
/// configured, records every request.
/// </summary>
public sealed class FakeTenantServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeTenantOptions _options;
    private readonly IReadOnlyList<FakeRoute> _routes = [.. DirectoryRoutes.All(), .. TenantRoutes.Read()];
    private int _writes;
    private readonly TokenBuckets? _throttle;
    private readonly Random _dice;
    private int _subRequests;
    private readonly Dictionary<string, string> _environmentByDataverseHost;

    private FakeTenantServer(WebApplication app, FakeTenantOptions options, X509Certificate2 certificate, SnapshotStore store)
    {
        _app = app;
        _options = options;
        Certificate = certificate;
        _dice = new Random(options.Faults.Seed);
        _throttle = options.Throttle is null ? null : new TokenBuckets(options.Throttle, TimeProvider.System);
        State = new FakeTenantState(store, ToActual, ThrottleSubRequest);
        _environmentByDataverseHost = store.Items(SourceKind.PowerPlatformEnvironments)
            .Select(e => (Name: e.Item.TryGetProperty("name", out var n) ? n.GetString() : null, Url: InstanceUrl(e.Item)))
            .Where(e => e.Name is not null && e.Url is not null)
            .GroupBy(e => new Uri(e.Url!).Host, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Name!, StringComparer.OrdinalIgnoreCase);
    }

    public FakeTenantState State { get; }
    public X509Certificate2 Certificate { get; }
    public Uri HttpBase { get; private set; } = null!;
    public Uri HttpsBase { get; private set; } = null!;
    public RequestLog Requests => State.Requests;

    public static async Task<FakeTenantServer> StartAsync(FakeTenantOptions options, CancellationToken cancellationToken = default)
    {
        var store = new SnapshotStore(options.SnapshotFolder);
        var certificate = SelfSignedCertificate.CreateForLoopback();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(System.Net.IPAddress.Loopback, options.HttpPort);
            kestrel.Listen(System.Net.IPAddress.Loopback, options.HttpsPort, listen => listen.UseHttps(certificate));
        });
        var app = builder.Build();
        var server = new FakeTenantServer(app, options, certificate, store);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        server.HttpBase = addresses.First(a => a.Scheme == Uri.UriSchemeHttp);
        server.HttpsBase = addresses.First(a => a.Scheme == Uri.UriSchemeHttps);
        return server;
    }

    /// <summary>Where this fake serves a canonical URL.</summary>
    public string ToActual(string canonicalUrl)
    {
        var uri = new Uri(canonicalUrl);
        var root = uri.Host.EndsWith(".vault.azure.net", StringComparison.OrdinalIgnoreCase) ? HttpsBase : HttpBase;
        return root.AbsoluteUri.TrimEnd('/') + "/" + uri.Host + uri.PathAndQuery;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        var trimmed = path.TrimStart('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var host = slash < 0 ? trimmed : trimmed[..slash];
        var canonical = $"https://{host}{(slash < 0 ? "/" : trimmed[slash..])}{http.Request.QueryString.Value}";
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var request = new FakeRequest(http.Request.Method, canonical, buffer.ToArray());
        var authorization = http.Request.Headers.Authorization.ToString();
        var hasBearer = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > "Bearer ".Length
            && (_options.AccessToken is null || string.Equals(authorization["Bearer ".Length..], _options.AccessToken, StringComparison.Ordinal));
        var cost = Cost(request);

        var hostile = hasBearer ? _options.Hostile.FirstOrDefault(rule => rule.Matches(request)) : null;
        var isWrite = DirectoryRoutes.IsWrite(request);
        var (response, fault) = hasBearer ? Decide(request, authorization, host, cost, hostile, isWrite) : (Unauthorized(host), (FaultKind?)null);
        var unanswered = fault == FaultKind.DropConnection || hostile?.Kind is Hostility.DropConnection or Hostility.Stall;
        var recorded = new RecordedRequest(request.Method, host, path + http.Request.QueryString.Value, DateTimeOffset.UtcNow, hasBearer,
            unanswered ? 0 : response.Status, cost, isWrite ? System.Text.Encoding.UTF8.GetString(request.Body) : null);
        State.Requests.Add(recorded);
        if (isWrite && hasBearer)
            State.AfterWrite?.Invoke(recorded);
        if (hostile?.Kind == Hostility.Stall)
        {
            await StallAsync(http.RequestAborted);
            return;
        }
        if (hostile?.Kind == Hostility.DropConnection)
            fault = FaultKind.DropConnection;
        switch (fault)
        {
            case FaultKind.DropConnection:
                http.Abort();
                return;
            case FaultKind.SlowResponse:
                await Task.Delay(_options.Faults.SlowDelay, http.RequestAborted);
                break;
        }
        http.Response.StatusCode = response.Status;
        foreach (var header in response.Headers)
            http.Response.Headers[header.Key] = header.Value;
        // A 204 has no body and no content headers (RFC 9110 15.3.5), as Graph sends it after a successful write.
        if (response.Status == 204)
            return;
        http.Response.ContentType = response.ContentType;
        if (fault == FaultKind.TruncatedBody)
        {
            await http.Response.Body.WriteAsync(response.Body.AsMemory(0, response.Body.Length / 2), http.RequestAborted);
            return;
        }
        http.Response.ContentLength = response.Body.Length;
        await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
    }

    private (FakeResponse Response, FaultKind? Fault) Decide(FakeRequest request, string authorization, string host, int cost, HostileRule? hostile, bool isWrite)
    {
        if (hostile is not null && HostileAnswers.Replacement(hostile) is { } replacement)
            return (replacement, null);
        var failing = FailingFor(request, host);
        if (failing is not null)
            return (FakeResponse.Error(failing.Status, failing.Status == 403 ? "Forbidden" : "Failed", "Injected permanent failure for this source."), null);
        if (_throttle?.TryTake($"{authorization.GetHashCode(StringComparison.Ordinal)}|{host}", cost) is { } wait)
            return (Throttled(wait.TotalSeconds), null);
        var fault = isWrite && _options.Faults.WriteFaults.TryGetValue(Interlocked.Increment(ref _writes), out var scripted) ? scripted : DrawFault();
        if (fault == FaultKind.Throttle429)
            return (Throttled(_options.Faults.RetryAfterSeconds), null);
        if (fault == FaultKind.Unavailable503)
            return (FakeResponse.Error(503, "ServiceUnavailable", "Injected fault."), null);
        var route = _routes.FirstOrDefault(r => r.Method.Equals(request.Method, StringComparison.OrdinalIgnoreCase) && r.Matches(request));
        var response = route is null
            ? FakeResponse.Error(405, "MethodNotAllowed", $"The fake tenant has no {request.Method} route for {request.Uri.AbsolutePath}.")
            : route.Handle(request, State);
        return (hostile is null ? response : HostileAnswers.WithNextLink(hostile, request, response, ToActual), fault);
    }

    /// <summary>Answers nothing until the client gives up (or the server stops).</summary>
    private static async Task StallAsync(CancellationToken aborted)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, aborted);
        }
        catch (OperationCanceledException)
        {
            // the client gave up: that is the point
        }
    }

    private FailingSource? FailingFor(FakeRequest request, string host)
    {
        if (_options.Faults.FailingSources.Count == 0)
            return null;
        var route = SourceRoutes.Match(request.CanonicalUrl);
        var environment = route?.EnvironmentId ?? _environmentByDataverseHost.GetValueOrDefault(host);
        return _options.Faults.FailingSources.FirstOrDefault(f =>
            (f.Source is null || (route is not null && f.Source.Equals(route.Kind.ToId(), StringComparison.OrdinalIgnoreCase)))
            && (f.EnvironmentId is null || f.EnvironmentId.Equals(environment, StringComparison.OrdinalIgnoreCase)));
    }

    private bool ThrottleSubRequest()
    {
        if (_options.Faults.ThrottledFirstSubRequests > 0 && Interlocked.Increment(ref _subRequests) <= _options.Faults.ThrottledFirstSubRequests)
            return true;
        if (_options.Faults.SubRequestThrottleRate <= 0)
            return false;
        lock (_dice)
            return _dice.NextDouble() < _options.Faults.SubRequestThrottleRate;
    }

    private FaultKind? DrawFault()
    {
        if (_options.Faults.Rate <= 0 || _options.Faults.Kinds.Count == 0)
            return null;
        lock (_dice)
            return _dice.NextDouble() < _options.Faults.Rate ? _options.Faults.Kinds[_dice.Next(_options.Faults.Kinds.Count)] : null;
    }

    private static FakeResponse Throttled(double seconds) =>
        FakeResponse.Error(429, "TooManyRequests", "Injected throttling.") with
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = seconds.ToString("0.###", CultureInfo.InvariantCulture) },
        };

    private FakeResponse Unauthorized(string host) => host.EndsWith(".vault.azure.net", StringComparison.OrdinalIgnoreCase)
        ? FakeResponse.Error(401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.") with
        {
            Headers = new Dictionary<string, string>
            {
                ["WWW-Authenticate"] = $"Bearer authorization=\"https://login.microsoftonline.com/{_options.TenantId ?? State.Store.Manifest.TenantId}\", resource=\"https://vault.azure.net\"",
            },
        }
        : FakeResponse.Error(401, "InvalidAuthenticationToken", "Access token is empty.");

    private static int Cost(FakeRequest request)
    {
        if (!request.Uri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal) || request.Body.Length == 0)
            return 1;
        try
        {
            using var document = JsonDocument.Parse(request.Body);
            return Math.Max(1, document.RootElement.GetProperty("requests").GetArrayLength());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException)
        {
            return 1;
        }
    }

    private static string? InstanceUrl(JsonElement environment) =>
        environment.TryGetProperty("properties", out var p) && p.TryGetProperty("linkedEnvironmentMetadata", out var l)
        && l.TryGetProperty("instanceUrl", out var u) && Uri.TryCreate(u.GetString(), UriKind.Absolute, out _) ? u.GetString() : null;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }
}
