using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace TenantScanner.Cli.Collect.Http;

/// <summary>
/// Makes one logical request survive what real services do under load: honours <c>429</c> +
/// <c>Retry-After</c>, retries <c>503</c>/<c>504</c>, dropped connections and bodies that end early (JSON
/// that does not parse) with bounded exponential back-off and jitter, and caps concurrent requests per
/// host. The response it returns has its body fully buffered, so the recorder above it sees complete bytes.
/// </summary>
public sealed class ResilienceHandler : DelegatingHandler
{
    private readonly ResilienceOptions _options;
    private readonly EndpointMap _endpoints;
    private readonly CollectStatistics _statistics;
    private readonly TimeProvider _time;
    private readonly Random _jitter;
    private readonly ConcurrentDictionary<string, HostGate> _perHost = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per host: the concurrency cap, and the instant until which a 429 asked everyone to hold off.</summary>
    private sealed class HostGate(int concurrency)
    {
        public SemaphoreSlim Slots { get; } = new(concurrency);
        private DateTimeOffset _pausedUntil;

        public DateTimeOffset PausedUntil { get { lock (this) return _pausedUntil; } }

        public void PauseUntil(DateTimeOffset until)
        {
            lock (this)
                if (until > _pausedUntil)
                    _pausedUntil = until;
        }
    }

    public ResilienceHandler(ResilienceOptions options, EndpointMap endpoints, CollectStatistics statistics, TimeProvider time, Random? jitter = null)
    {
        _options = options;
        _endpoints = endpoints;
        _statistics = statistics;
        _time = time;
        _jitter = jitter ?? Random.Shared;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var canonical = _endpoints.ToCanonical(request.RequestUri!);
        var source = RequestSource.Of(canonical);
        var gate = _perHost.GetOrAdd(canonical.Host, _ => new HostGate(_options.MaxConcurrencyPerHost));
        if (request.Content is not null)
            await request.Content.LoadIntoBufferAsync(cancellationToken); // re-sendable on retry
        var throttledWait = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            var last = attempt >= _options.MaxAttempts;
            TimeSpan? wait;
            string reason;
            await gate.Slots.WaitAsync(cancellationToken);
            try
            {
                // A 429 on this host pauses every request to it, not only the one that got it: the service
                // counts all of them against the same budget.
                for (var pause = gate.PausedUntil - _time.GetUtcNow(); pause > TimeSpan.Zero; pause = gate.PausedUntil - _time.GetUtcNow())
                    await Task.Delay(pause, _time, cancellationToken);
                _statistics.RequestSent(source);
                var response = await base.SendAsync(request, cancellationToken);
                if (IsTransient(response.StatusCode))
                {
                    wait = RetryAfter.Read(response, _time.GetUtcNow());
                    reason = $"HTTP {(int)response.StatusCode}" + (wait is null ? "" : $", Retry-After {wait.Value.TotalSeconds:0.###} s");
                    // Honouring Retry-After is the service's pacing, not a failure: it does not use up attempts,
                    // only the total throttling wait budget.
                    var paced = wait is not null && response.StatusCode == HttpStatusCode.TooManyRequests;
                    if (paced)
                    {
                        throttledWait += wait!.Value;
                        attempt--;
                        last = throttledWait > _options.MaxRetryAfter;
                        gate.PauseUntil(_time.GetUtcNow() + wait.Value);
                    }
                    if (last || wait > _options.MaxRetryAfter)
                        return await BufferAsync(response, cancellationToken);
                    response.Dispose();
                }
                else
                {
                    var buffered = await TryBufferCompleteAsync(response, cancellationToken);
                    if (buffered is not null)
                        return buffered;
                    if (last)
                        throw new HttpRequestException($"The response body of {canonical.GetLeftPart(UriPartial.Path)} ended early or is not valid JSON after {attempt} attempts.");
                    wait = null;
                    reason = "truncated body";
                }
            }
            catch (HttpRequestException ex) when (!last && !cancellationToken.IsCancellationRequested)
            {
                wait = null;
                reason = $"connection failed ({ex.HttpRequestError})";
            }
            catch (IOException) when (!last && !cancellationToken.IsCancellationRequested)
            {
                wait = null;
                reason = "connection reset";
            }
            finally
            {
                gate.Slots.Release();
            }
            var delay = wait ?? Backoff(attempt);
            _statistics.Retried(source, $"{reason}; attempt {attempt + 1} in {delay.TotalSeconds:0.###} s");
            await Task.Delay(delay, _time, cancellationToken);
        }
    }

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

    /// <summary>Reads the whole body; null when the connection broke mid-body or a JSON body does not parse.</summary>
    private static async Task<HttpResponseMessage?> TryBufferCompleteAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            response.Dispose();
            return null;
        }
        if (body.Length > 0 && LooksLikeJson(response.Content.Headers.ContentType, body) && !IsCompleteJson(body))
        {
            response.Dispose();
            return null;
        }
        Replace(response, body);
        return response;
    }

    private static async Task<HttpResponseMessage> BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Replace(response, await response.Content.ReadAsByteArrayAsync(cancellationToken));
        return response;
    }

    private static void Replace(HttpResponseMessage response, byte[] body)
    {
        var content = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers)
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        content.Headers.ContentLength = body.Length;
        response.Content = content;
    }

    private static bool LooksLikeJson(MediaTypeHeaderValue? type, byte[] body) =>
        type?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
        || (type is null && body.Length > 0 && body[0] is (byte)'{' or (byte)'[');

    private static bool IsCompleteJson(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read()) { }
            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
