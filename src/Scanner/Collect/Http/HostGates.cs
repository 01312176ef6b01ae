using System.Collections.Concurrent;

namespace TenantScanner.Cli.Collect.Http;

/// <summary>
/// Per host, shared by every pipeline of one run: the concurrency cap, the instant until which a 429 asked
/// everyone to hold off, and the circuit breaker that gives a dead host up after
/// <see cref="ResilienceOptions.HostFailureLimit"/> failed attempts in a row.
/// </summary>
public sealed class HostGates(ResilienceOptions options)
{
    private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.OrdinalIgnoreCase);

    public HostGate For(string host) => _gates.GetOrAdd(host, h => new HostGate(h, options.MaxConcurrencyPerHost, options.HostFailureLimit));
}

/// <summary>One host's share of <see cref="HostGates"/>. Thread-safe.</summary>
public sealed class HostGate(string host, int concurrency, int failureLimit)
{
    private readonly object _lock = new();
    private DateTimeOffset _pausedUntil;
    private int _failuresInARow;
    private bool _broken;

    public SemaphoreSlim Slots { get; } = new(concurrency);

    public DateTimeOffset PausedUntil { get { lock (_lock) return _pausedUntil; } }

    public void PauseUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (until > _pausedUntil)
                _pausedUntil = until;
        }
    }

    /// <summary>The host answered (any status but 503/504): it is alive.</summary>
    public void Answered()
    {
        lock (_lock)
            _failuresInARow = 0;
    }

    /// <summary>An attempt got no usable answer; the limit-th in a row breaks the circuit for the rest of the run.</summary>
    public void Failed()
    {
        lock (_lock)
        {
            if (++_failuresInARow >= failureLimit)
                _broken = true;
        }
    }

    /// <summary>Fails fast, without sending, once the host has been given up.</summary>
    public void ThrowIfBroken()
    {
        lock (_lock)
        {
            if (!_broken)
                return;
        }
        throw new SourceReadException("", null,
            $"Not sent: {host} failed {failureLimit} times in a row (no answer in time, dropped connections, truncated bodies or 503/504), " +
            "so its remaining requests were given up (resilience.hostFailureLimit).");
    }
}
