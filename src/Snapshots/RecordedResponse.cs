namespace TenantScanner.Snapshots;

/// <summary>One response to store in a snapshot: the body exactly as the service sent it, and the request that produced it.</summary>
public sealed record RecordedResponse
{
    /// <summary>Request method, e.g. <c>GET</c>, or <c>POST</c> for <c>$batch</c> and <c>getByIds</c>.</summary>
    public required string Method { get; init; }

    /// <summary>The canonical request URL (as the real service is called).</summary>
    public required string Url { get; init; }

    public required int Status { get; init; }

    /// <summary>The response body, stored byte for byte.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>For <c>POST $batch</c>: the sub-requests whose answers the body holds.</summary>
    public IReadOnlyList<BatchRequestInfo>? Batch { get; init; }

    /// <summary>When the response arrived; null takes the writer's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset? CollectedAt { get; init; }

    /// <summary>
    /// Where to store the body, relative to the snapshot folder with '/'; null derives
    /// <c>{service}[/{environment, organisation or vault}]/{source id}-{sequence}.json</c> from the URL's route.
    /// </summary>
    public string? File { get; init; }
}
