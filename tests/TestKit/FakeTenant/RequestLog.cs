using System.Collections.Concurrent;

namespace TenantScanner.FakeTenant;

/// <summary>One request the fake received; <paramref name="Body"/> is kept for writes only (their bodies hold ids, never secrets).</summary>
public sealed record RecordedRequest(string Method, string CanonicalHost, string PathAndQuery, DateTimeOffset Time, bool HadBearerToken, int Status, int Cost, string? Body = null)
{
    /// <summary>"POST /graph.microsoft.com/v1.0/... {body}": what a test compares to find a write sent twice.</summary>
    public string Write => $"{Method} {PathAndQuery} {Body}".TrimEnd();
}

/// <summary>Every request received, in arrival order; thread-safe.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public void Add(RecordedRequest request) => _requests.Enqueue(request);

    public IReadOnlyList<RecordedRequest> All => [.. _requests];
}
