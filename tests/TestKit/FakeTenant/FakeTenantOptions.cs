namespace TenantScanner.FakeTenant;

/// <summary>How the fake tenant behaves: which snapshot it serves, and the faults and throttling it injects.</summary>
public sealed record FakeTenantOptions
{
    /// <summary>The snapshot folder (our format) to serve.</summary>
    public required string SnapshotFolder { get; init; }

    /// <summary>Tenant id named in the Key Vault challenge; default: the served snapshot's tenantId.</summary>
    public string? TenantId { get; init; }

    public FaultOptions Faults { get; init; } = new();

    /// <summary>Hostile or broken behaviour for some sources or hosts (endless paging, foreign next links, HTML bodies, dead hosts, ...); default none.</summary>
    public IReadOnlyList<HostileRule> Hostile { get; init; } = [];

    /// <summary>The only bearer token accepted; null accepts any (tests). Stand-alone mode makes a random one and prints it.</summary>
    public string? AccessToken { get; init; }

    /// <summary>Null: no throttling.</summary>
    public ThrottleOptions? Throttle { get; init; }

    /// <summary>Fixed ports (stand-alone use); 0 = any free port.</summary>
    public int HttpPort { get; init; }
    public int HttpsPort { get; init; }
}

/// <summary>The faults real services produce, injected at random on <see cref="Rate"/> of authenticated requests.</summary>
public sealed record FaultOptions
{
    /// <summary>Share of requests that get a fault, 0..1; default 0.</summary>
    public double Rate { get; init; }

    /// <summary>Seed of the fault dice, so a failing run can be repeated.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Which faults to draw from; default all of them.</summary>
    public IReadOnlyList<FaultKind> Kinds { get; init; } = Enum.GetValues<FaultKind>();

    /// <summary>Share of <c>$batch</c> sub-requests answered 429 inside a 200 batch response (Graph throttles them one by one); default 0.</summary>
    public double SubRequestThrottleRate { get; init; }

    /// <summary>
    /// The first this many <c>$batch</c> sub-requests are answered 429 whatever the dice say, so that a test can
    /// count on seeing one (which draws land on sub-requests depends on arrival order); default 0.
    /// </summary>
    public int ThrottledFirstSubRequests { get; init; }

    /// <summary>Retry-After sent with a 429, in seconds (fractional allowed); default 0.05.</summary>
    public double RetryAfterSeconds { get; init; } = 0.05;

    /// <summary>Delay of a slow response; default 200 ms.</summary>
    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Sources that always fail (e.g. one environment without admin rights).</summary>
    public IReadOnlyList<FailingSource> FailingSources { get; init; } = [];

    /// <summary>
    /// Faults for particular writes, by their 1-based number among the writes received (any method but GET, except the
    /// read-only POSTs <c>$batch</c> and <c>getByIds</c>), whatever the dice say. Throttle429 and Unavailable503 refuse
    /// the write; DropConnection, TruncatedBody and SlowResponse perform it and then fail the response, the case where
    /// a client cannot know whether its write happened. Default: none.
    /// </summary>
    public IReadOnlyDictionary<int, FaultKind> WriteFaults { get; init; } = new Dictionary<int, FaultKind>();
}

public enum FaultKind
{
    Throttle429,
    Unavailable503,
    DropConnection,
    TruncatedBody,
    SlowResponse,
}

/// <summary>A source id (e.g. <c>flow.flows</c>) and/or an environment that always answers <see cref="Status"/>.</summary>
public sealed record FailingSource(string? Source, string? EnvironmentId, int Status = 403);

/// <summary>
/// A token bucket per caller (bearer token) and host, like Graph's per-app-per-tenant limits: each request
/// (each sub-request of a $batch) costs one unit; an empty bucket answers 429 with the Retry-After that refills it.
/// </summary>
public sealed record ThrottleOptions(double Capacity, double RefillPerSecond);
