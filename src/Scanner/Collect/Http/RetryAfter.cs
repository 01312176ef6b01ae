using System.Globalization;

namespace TenantScanner.Cli.Collect.Http;

/// <summary>Reads a Retry-After header: delta seconds (fractional accepted, as some services send) or an HTTP date.</summary>
public static class RetryAfter
{
    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        if (!response.Headers.TryGetValues("Retry-After", out var values))
            return null;
        var raw = values.FirstOrDefault()?.Trim();
        return Parse(raw, now);
    }

    public static TimeSpan? Parse(string? raw, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(raw))
            return null;
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return seconds <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParseExact(raw, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            return date <= now ? TimeSpan.Zero : date - now;
        return null;
    }
}
