using System.Text;
using System.Text.Json;

namespace TenantScanner.FakeTenant;

/// <summary>What a route answers; the server applies faults when writing it.</summary>
public sealed record FakeResponse(int Status, byte[] Body, string ContentType = "application/json; charset=utf-8")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static FakeResponse Json(int status, object value) => new(status, JsonSerializer.SerializeToUtf8Bytes(value));

    public static FakeResponse Error(int status, string code, string message) =>
        Json(status, new { error = new { code, message } });

    public static FakeResponse Text(int status, string text) => new(status, Encoding.UTF8.GetBytes(text));
}

/// <summary>A request as the routes see it: canonical URL (https://{host}/{path}?{query}) plus what the fake needs.</summary>
public sealed record FakeRequest(string Method, string CanonicalUrl, byte[] Body)
{
    public Uri Uri { get; } = new(CanonicalUrl);
}

/// <summary>One entry of the routing table: a method, a matcher over the canonical URL, a handler.</summary>
public sealed record FakeRoute(string Name, string Method, Func<FakeRequest, bool> Matches, Func<FakeRequest, FakeTenantState, FakeResponse> Handle);

/// <summary>
/// What the fake tenant knows and may change: the served snapshot and the request log. Write endpoints
/// (owners, credentials, permissions; later flow updates and Key Vault writes) change this object, not the routes.
/// </summary>
public sealed class FakeTenantState
{
    private readonly Func<string, string> _toActualUrl;
    private readonly Func<bool>? _throttleSubRequest;

    public FakeTenantState(SnapshotStore store, Func<string, string> toActualUrl, Func<bool>? throttleSubRequest = null)
    {
        Store = store;
        _toActualUrl = toActualUrl;
        _throttleSubRequest = throttleSubRequest;
        // One lock for every write, so a check ("is it already an owner?") and its change are one step.
        var writes = new object();
        Directory = new DirectoryWrites(store, writes);
        Permissions = new PermissionWrites(store, writes);
    }

    public SnapshotStore Store { get; }
    public RequestLog Requests { get; } = new();
    public DirectoryWrites Directory { get; }
    public PermissionWrites Permissions { get; }

    /// <summary>
    /// Called after a write was handled and before its response is sent (tests use it to stop a client right
    /// after a change took effect, as a crash would).
    /// </summary>
    public Action<RecordedRequest>? AfterWrite { get; set; }

    /// <summary>True when one <c>$batch</c> sub-request should answer 429 (Graph throttles sub-requests one by one).</summary>
    public bool ThrottleSubRequest() => _throttleSubRequest?.Invoke() ?? false;

    /// <summary>Rewrites a canonical link to where this fake serves it.</summary>
    public string ToActual(string canonicalUrl) => _toActualUrl(canonicalUrl);
}
