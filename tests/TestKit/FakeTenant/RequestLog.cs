using System.Collections.Concurrent;

namespace TenantScanner.FakeTenant;

/// <summary>One request the fake received.</summary>
public sealed record RecordedRequest(string Method, string CanonicalHost, string PathAndQuery, DateTimeOffset Time, bool HadBearerToken, int Status, int Cost);

/// <summary>Every request received, in arrival order; thread-safe.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public void Add(RecordedRequest request) => _requests.Enqueue(request);

    public IReadOnlyList<RecordedRequest> All => [.. _requests];
}
