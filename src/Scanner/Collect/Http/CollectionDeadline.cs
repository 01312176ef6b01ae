namespace TenantScanner.Cli.Collect.Http;

/// <summary>
/// The instant a collection run stops sending requests (<see cref="CollectLimits.Deadline"/> after it
/// started). Every wait — a back-off, a Retry-After, a paused host, an attempt's time-out — ends at it, and
/// a wait that would pass it fails at once: the unread rest becomes coverage gaps and the snapshot is still
/// written with what was read.
/// </summary>
public sealed class CollectionDeadline
{
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _at;
    private readonly TimeSpan _budget;

    public CollectionDeadline(TimeSpan budget, TimeProvider time)
    {
        _time = time;
        _budget = budget;
        _at = time.GetUtcNow() + budget;
    }

    public TimeSpan Remaining
    {
        get
        {
            var left = _at - _time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public bool HasPassed => Remaining == TimeSpan.Zero;

    /// <summary>Waits <paramref name="delay"/>, or throws <see cref="Reached"/> at once when the wait would end after the deadline.</summary>
    public async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay >= Remaining)
            throw Reached();
        if (delay > TimeSpan.Zero)
            await Task.Delay(delay, _time, cancellationToken);
    }

    public void ThrowIfPassed()
    {
        if (HasPassed)
            throw Reached();
    }

    /// <summary>The coverage gap's reason.</summary>
    public SourceReadException Reached() => new("", null,
        $"Not read: the collection deadline ({Describe(_budget)} after the start; --deadline-minutes or limits.deadlineMinutes) came first.");

    private static string Describe(TimeSpan span) =>
        span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.##} min" : $"{span.TotalSeconds:0.##} s";
}
