using TenantScanner.Snapshots;

namespace TenantScanner.Inventory;

/// <summary>
/// Which sources were read and which were not. A source missing for one environment makes rules that
/// need it inconclusive for that environment's resources; a tenant-wide gap affects every resource.
/// </summary>
public sealed class CoverageMap
{
    private readonly HashSet<SourceKind> _read;
    private readonly Dictionary<(SourceKind Kind, string Environment), CoverageGap> _environmentGaps;
    private readonly Dictionary<SourceKind, CoverageGap> _tenantGaps;

    public CoverageMap(IEnumerable<SourceKind> sourcesRead, IEnumerable<CoverageGap> gaps)
    {
        _read = [.. sourcesRead];
        Gaps = [.. gaps];
        _environmentGaps = [];
        _tenantGaps = [];
        foreach (var gap in Gaps)
        {
            if (!SourceKindIds.TryParse(gap.Source, out var kind))
                continue;
            if (gap.EnvironmentId is { Length: > 0 } env)
                _environmentGaps.TryAdd((kind, env.ToLowerInvariant()), gap);
            else
                _tenantGaps.TryAdd(kind, gap);
        }
    }

    public static CoverageMap Complete { get; } = new(Enum.GetValues<SourceKind>(), []);

    /// <summary>Every gap as recorded in the snapshot manifest (plus any the loader added).</summary>
    public IReadOnlyList<CoverageGap> Gaps { get; }

    /// <summary>The sources that produced at least one successful response.</summary>
    public IReadOnlySet<SourceKind> SourcesRead => _read;

    /// <summary>
    /// Returns the gap that makes <paramref name="kind"/> unavailable (for the environment when given),
    /// or null when the data is there.
    /// </summary>
    public CoverageGap? GapFor(SourceKind kind, string? environmentId = null)
    {
        if (_tenantGaps.TryGetValue(kind, out var gap))
            return gap;
        if (environmentId is not null && _environmentGaps.TryGetValue((kind, environmentId.ToLowerInvariant()), out gap))
            return gap;
        return null;
    }

    public bool IsAvailable(SourceKind kind, string? environmentId = null) => GapFor(kind, environmentId) is null;
}
