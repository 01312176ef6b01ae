using System.Collections.Concurrent;

namespace TenantScanner.FakeTenant;

/// <summary>Graph-like throttling: a token bucket per caller and host. Thread-safe.</summary>
public sealed class TokenBuckets(ThrottleOptions options, TimeProvider time)
{
    private sealed class Bucket(double tokens, DateTimeOffset at)
    {
        public double Tokens = tokens;
        public DateTimeOffset At = at;
    }

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes <paramref name="cost"/> units; null when allowed, else how long until they are available.</summary>
    public TimeSpan? TryTake(string key, double cost)
    {
        var now = time.GetUtcNow();
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket(options.Capacity, now));
        lock (bucket)
        {
            bucket.Tokens = Math.Min(options.Capacity, bucket.Tokens + (now - bucket.At).TotalSeconds * options.RefillPerSecond);
            bucket.At = now;
            if (bucket.Tokens >= cost)
            {
                bucket.Tokens -= cost;
                return null;
            }
            return TimeSpan.FromSeconds((cost - bucket.Tokens) / options.RefillPerSecond);
        }
    }
}
