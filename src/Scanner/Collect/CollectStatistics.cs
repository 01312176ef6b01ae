using System.Collections.Concurrent;

namespace TenantScanner.Cli.Collect;

/// <summary>Counters of one source (per environment where it applies), as shown in progress and benchmarks.</summary>
public sealed record SourceProgress(string Source, int Requests, int Pages, int Objects, int Retries, int Failures);

/// <summary>Receives progress while collection runs (console, logs, tests). Called from many threads.</summary>
public interface ICollectProgress
{
    void Report(SourceProgress progress);

    /// <summary>A line worth logging: a source that failed, a retry after throttling. Never carries a secret.</summary>
    void Log(string message);
}

/// <summary>Thread-safe counters per source; every HTTP request sent is counted exactly once.</summary>
public sealed class CollectStatistics
{
    private sealed class Counter
    {
        public int Requests, Pages, Objects, Retries, Failures;
    }

    private readonly ConcurrentDictionary<string, Counter> _bySource = new(StringComparer.Ordinal);
    private readonly ICollectProgress? _progress;
    private int _requestsSent;

    public CollectStatistics(ICollectProgress? progress = null) => _progress = progress;

    /// <summary>HTTP requests put on the wire, retries included.</summary>
    public int RequestsSent => _requestsSent;

    public void RequestSent(string source)
    {
        Interlocked.Increment(ref _requestsSent);
        Publish(source, c => Interlocked.Increment(ref c.Requests));
    }

    public void PageRecorded(string source, int objects) =>
        Publish(source, c => { Interlocked.Increment(ref c.Pages); Interlocked.Add(ref c.Objects, objects); });

    public void Retried(string source, string reason)
    {
        Publish(source, c => Interlocked.Increment(ref c.Retries));
        _progress?.Log($"retry {source}: {reason}");
    }

    public void Failed(string source, string message)
    {
        Publish(source, c => Interlocked.Increment(ref c.Failures));
        _progress?.Log($"gap {source}: {message}");
    }

    public IReadOnlyList<SourceProgress> Snapshot() =>
        [.. _bySource.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => ToProgress(p.Key, p.Value))];

    private void Publish(string source, Action<Counter> change)
    {
        var counter = _bySource.GetOrAdd(source, _ => new Counter());
        change(counter);
        _progress?.Report(ToProgress(source, counter));
    }

    private static SourceProgress ToProgress(string source, Counter c) =>
        new(source, Volatile.Read(ref c.Requests), Volatile.Read(ref c.Pages), Volatile.Read(ref c.Objects),
            Volatile.Read(ref c.Retries), Volatile.Read(ref c.Failures));
}
