using TenantScanner.Cli.Changes.Http;

namespace TenantScanner.Cli.Changes;

/// <summary>
/// What an action uses while it applies or undoes a change: the client, and the one way to send a write. A write
/// is sent once; when its outcome is unknown (connection dropped, timeout, 429/5xx) or it is refused, the target
/// is read again, and only when that shows the change did not happen is the write sent again (after Retry-After or
/// a back-off). So a lost response never produces a second owner or a second secret.
/// </summary>
public sealed class ChangeSession(TenantChangeClient client, Action<string>? log = null)
{
    public TenantChangeClient Client { get; } = client;

    /// <summary>
    /// Sends <paramref name="call"/> until it is confirmed: by a 2xx, or by <paramref name="tookEffect"/> (a re-read of
    /// the target) after an uncertain or refused attempt. Throws <see cref="ChangeFailedException"/> when the service
    /// refuses a write that did not take effect, or the attempts run out. Returns the body of a 2xx (null when the
    /// change was confirmed by reading).
    /// </summary>
    public async Task<WriteOutcome> SendConfirmedAsync(HttpCall call, Func<CancellationToken, Task<bool>> tookEffect, CancellationToken cancellationToken)
    {
        var resilience = Client.Resilience;
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await Client.SendAsync(call, cancellationToken);
            if (outcome.Status == WriteStatus.Succeeded)
                return outcome;
            if (await tookEffect(cancellationToken))
            {
                log?.Invoke($"  {call.Method} {call.Url}: {outcome.Message}, but reading the target shows the change was made; not sent again.");
                return outcome with { Status = WriteStatus.Succeeded, Body = null };
            }
            if (outcome.Status == WriteStatus.Rejected)
                throw new ChangeFailedException($"{call.Method} {call.Url} was refused: {outcome.Message}");
            if (attempt >= resilience.MaxAttempts)
                throw new ChangeFailedException($"{call.Method} {call.Url} did not succeed after {attempt} attempts: {outcome.Message}");
            var delay = outcome.RetryAfter is { } wait && wait <= resilience.MaxRetryAfter ? wait : Backoff(resilience, attempt);
            log?.Invoke($"  {call.Method} {call.Url}: {outcome.Message}; reading the target shows it did not happen; attempt {attempt + 1} in {delay.TotalSeconds:0.###} s.");
            await Task.Delay(delay, Client.Time, cancellationToken);
        }
    }

    private static TimeSpan Backoff(Collect.ResilienceOptions options, int attempt)
    {
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        return TimeSpan.FromMilliseconds(Math.Min(exponential, options.MaxBackoff.TotalMilliseconds));
    }
}

/// <summary>A change the service refused, or that could not be confirmed; the journal records the message.</summary>
public sealed class ChangeFailedException(string message) : Exception(message);
