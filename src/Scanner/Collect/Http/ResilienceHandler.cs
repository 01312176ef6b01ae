using System.Net;

namespace TenantScanner.Cli.Collect.Http;

/// <summary>
/// Makes one logical request survive what real services do under load, and bounds what a dead, stalling or
/// hostile one can cost: honours <c>429</c> + <c>Retry-After</c> up to a cap, retries <c>503</c>/<c>504</c>,
/// dropped connections, attempts with no answer in time and bodies that end early (JSON that does not parse)
/// with bounded exponential back-off and jitter, caps concurrent requests per host, gives a host up after
/// too many failures in a row (<see cref="HostGates"/>) and never waits past the <see cref="CollectionDeadline"/>.
/// The response it returns has its body fully buffered, so the recorder above it sees complete bytes.
/// </summary>
public sealed class ResilienceHandler : DelegatingHandler
{
    private readonly ResilienceOptions _options;
    private readonly EndpointMap _endpoints;
    private readonly CollectStatistics _statistics;
    private readonly TimeProvider _time;
    private readonly HostGates _hosts;
    private readonly CollectionDeadline _deadline;
    private readonly Random _jitter;

    /// <summary>One attempt that did not end the request: the transient answer (if any), why, and the wait the server asked for.</summary>
    private sealed record Setback(HttpResponseMessage? Response, string Reason, TimeSpan? RetryAfter = null, Exception? Error = null)
    {
        /// <summary>A 429 with Retry-After: the service pacing us, not a failure.</summary>
        public bool IsPacing => Response?.StatusCode == HttpStatusCode.TooManyRequests && RetryAfter is not null;
    }

    public ResilienceHandler(ResilienceOptions options, EndpointMap endpoints, CollectStatistics statistics, TimeProvider time,
        HostGates hosts, CollectionDeadline deadline, Random? jitter = null)
    {
        _options = options;
        _endpoints = endpoints;
        _statistics = statistics;
        _time = time;
        _hosts = hosts;
        _deadline = deadline;
        _jitter = jitter ?? Random.Shared;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var canonical = _endpoints.ToCanonical(request.RequestUri!);
        var source = RequestSource.Of(canonical);
        var gate = _hosts.For(canonical.Host);
        if (request.Content is not null)
            await request.Content.LoadIntoBufferAsync(cancellationToken); // re-sendable on retry
        var throttledWait = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await AttemptAsync(request, source, gate, cancellationToken);
            if (outcome.Final is { } final)
                return final;
            var setback = outcome.Setback!;
            var wait = setback.RetryAfter;
            if (wait > _options.MaxRetryAfter)
            {
                // Not honoured, and the host is not paused: one such answer must not stall every other source.
                setback.Response?.Dispose();
                throw new SourceReadException("", (int?)setback.Response?.StatusCode,
                    $"{setback.Reason}: asked to wait longer than the {_options.MaxRetryAfter.TotalSeconds:0.###} s cap (resilience.maxRetryAfterSeconds), so not waited for; other requests to {canonical.Host} went on.");
            }
            if (setback.IsPacing)
            {
                // Honouring Retry-After is the service's pacing, not a failure: it does not use up attempts, only
                // the total throttling budget. It pauses every request to the host: the service counts them all.
                // Each counts at least BaseDelay (10 ms at least), so a server answering "Retry-After: 0" for ever cannot loop us for ever.
                throttledWait += Max(wait!.Value, Max(_options.BaseDelay, MinimumPacing));
                attempt--;
                if (throttledWait > _options.MaxRetryAfter)
                    return setback.Response!;
                gate.PauseUntil(_time.GetUtcNow() + wait.Value);
            }
            else if (attempt >= _options.MaxAttempts)
            {
                return setback.Response
                    ?? throw new HttpRequestException($"{setback.Reason} ({canonical.GetLeftPart(UriPartial.Path)}), {attempt} attempts.", setback.Error);
            }
            setback.Response?.Dispose();
            var delay = wait ?? Backoff(attempt);
            _statistics.Retried(source, $"{setback.Reason}; attempt {attempt + 1} in {delay.TotalSeconds:0.###} s");
            await _deadline.DelayAsync(delay, cancellationToken);
        }
    }

    /// <summary>Sends once: a final response, or the setback to retry after. Throws when the host is given up or the deadline has come.</summary>
    private async Task<(HttpResponseMessage? Final, Setback? Setback)> AttemptAsync(HttpRequestMessage request, string source, HostGate gate,
        CancellationToken cancellationToken)
    {
        await gate.Slots.WaitAsync(cancellationToken);
        try
        {
            for (var pause = gate.PausedUntil - _time.GetUtcNow(); pause > TimeSpan.Zero; pause = gate.PausedUntil - _time.GetUtcNow())
                await _deadline.DelayAsync(pause, cancellationToken);
            gate.ThrowIfBroken();
            _deadline.ThrowIfPassed();
            // One attempt may take RequestTimeout, and never past the deadline: a stalled host cannot hold a request for ever.
            using var timeout = new CancellationTokenSource(Min(_options.RequestTimeout, _deadline.Remaining), _time);
            using var attemptToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            _statistics.RequestSent(source);
            try
            {
                var response = await base.SendAsync(request, attemptToken.Token);
                if (IsTransient(response.StatusCode))
                {
                    var retryAfter = RetryAfter.Read(response, _time.GetUtcNow());
                    var setback = new Setback(await ResponseBuffer.ReadAsync(response, attemptToken.Token),
                        $"HTTP {(int)response.StatusCode}" + (retryAfter is null ? "" : $", Retry-After {retryAfter.Value.TotalSeconds:0.###} s"), retryAfter);
                    // A 429 is the host answering (it is alive, only busy); a 503/504 counts towards giving it up.
                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                        gate.Answered();
                    else
                        gate.Failed();
                    return (null, setback);
                }
                var complete = await ResponseBuffer.TryReadCompleteAsync(response, attemptToken.Token);
                if (complete is null)
                {
                    gate.Failed();
                    return (null, new Setback(null, "truncated body"));
                }
                gate.Answered();
                return (complete, null);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                gate.Failed();
                _deadline.ThrowIfPassed();
                return (null, new Setback(null, $"no answer within {_options.RequestTimeout.TotalSeconds:0.###} s", Error: ex));
            }
            catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
            {
                gate.Failed();
                return (null, new Setback(null, $"connection failed ({ex.HttpRequestError})", Error: ex));
            }
            catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
            {
                gate.Failed();
                return (null, new Setback(null, "connection reset", Error: ex));
            }
        }
        finally
        {
            gate.Slots.Release();
        }
    }

    private static readonly TimeSpan MinimumPacing = TimeSpan.FromMilliseconds(10);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>Exponential back-off with "equal jitter": half fixed, half random, so parallel callers spread out.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = Math.Min(exponential, _options.MaxBackoff.TotalMilliseconds);
        double random;
        lock (_jitter)
            random = _jitter.NextDouble();
        return TimeSpan.FromMilliseconds(capped / 2 + random * capped / 2);
    }
}
