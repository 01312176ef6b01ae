using TenantScanner.Snapshots;

namespace TenantScanner.Inventory.Building;

/// <summary>
/// Builds the <see cref="CoverageMap"/>: the manifest's gaps, a gap per source whose request failed, and
/// a "not collected" gap for every source a scan needs that the snapshot never requested, so that rules
/// depending on it go inconclusive instead of passing on missing data. See docs/snapshot-format.md.
/// </summary>
internal sealed class CoverageBuilder
{
    /// <summary>Sources every scan needs once for the tenant.</summary>
    private static readonly SourceKind[] TenantSources =
    [
        SourceKind.GraphServicePrincipals, SourceKind.GraphApplications, SourceKind.GraphUsers, SourceKind.GraphDeletedUsers,
        SourceKind.GraphAppRoleAssignments, SourceKind.GraphOAuth2PermissionGrants, SourceKind.GraphRoleAssignments,
        SourceKind.PowerPlatformEnvironments, SourceKind.PowerPlatformManagementApps,
    ];

    /// <summary>Sources every scan needs per Power Platform environment.</summary>
    private static readonly SourceKind[] EnvironmentSources = [SourceKind.Flows, SourceKind.Connections];

    /// <summary>Sources every scan needs per environment that has a Dataverse instance.</summary>
    private static readonly SourceKind[] DataverseSources =
    [
        SourceKind.DataverseWorkflows, SourceKind.DataverseConnectionReferences, SourceKind.DataverseSystemUsers,
        SourceKind.DataverseEnvironmentVariableDefinitions, SourceKind.DataverseEnvironmentVariableValues,
    ];

    private sealed record Failure(SourceRoute Route, string Url, int Status, string Error);

    private readonly IReadOnlyList<CoverageGap> _manifestGaps;
    private readonly HashSet<SourceKind> _read = [];
    private readonly HashSet<SourceKind> _requested = [];
    private readonly HashSet<(SourceKind, string)> _requestedPerScope = [];
    private readonly List<Failure> _failures = [];

    public CoverageBuilder(IReadOnlyList<CoverageGap> manifestGaps) => _manifestGaps = manifestGaps;

    public void Succeeded(SourceRoute route)
    {
        _read.Add(route.Kind);
        Requested(route);
    }

    public void Failed(SourceRoute route, string url, int status, string error)
    {
        _failures.Add(new Failure(route, url, status, error));
        Requested(route);
    }

    private void Requested(SourceRoute route)
    {
        _requested.Add(route.Kind);
        _requestedPerScope.Add((route.Kind, ScopeOf(route)));
    }

    /// <summary>Environment id for Power Automate/Apps routes, host for Dataverse routes.</summary>
    private static string ScopeOf(SourceRoute route) => (route.EnvironmentId ?? route.Host).ToLowerInvariant();

    public CoverageMap Build(IReadOnlyCollection<PowerPlatformEnvironment> environments, EnvironmentResolver resolver)
    {
        var gaps = new List<CoverageGap>(_manifestGaps);
        // A collector both records the failed response and lists it in coverage[]: one gap, the collector's
        // (it names the missing permission), not two for the same source and environment.
        gaps.AddRange(FailureGaps(resolver).Where(failure => !_manifestGaps.Any(listed =>
            string.Equals(listed.Source, failure.Source, StringComparison.OrdinalIgnoreCase)
            && string.Equals(listed.EnvironmentId, failure.EnvironmentId, StringComparison.OrdinalIgnoreCase))));
        gaps.AddRange(NotCollectedGaps(environments, gaps));
        return new CoverageMap(_read, gaps);
    }

    /// <summary>One gap per source and environment; the first failed URL is kept as evidence, the rest counted.</summary>
    private IEnumerable<CoverageGap> FailureGaps(EnvironmentResolver resolver) =>
        _failures
            .GroupBy(f => (f.Route.Kind, Environment: EnvironmentOf(f.Route, resolver)))
            .Select(group =>
            {
                var first = group.First();
                var more = group.Count() - 1;
                return new CoverageGap
                {
                    Source = group.Key.Kind.ToId(),
                    EnvironmentId = group.Key.Environment,
                    Url = first.Url,
                    Status = first.Status,
                    Error = more == 0 ? first.Error : $"{first.Error} (and {more} more failed request(s) for this source)",
                };
            });

    private static string? EnvironmentOf(SourceRoute route, EnvironmentResolver resolver) =>
        route.EnvironmentId ?? (IsDataverse(route.Kind) ? resolver.ForHost(route.Host) : null);

    private static bool IsDataverse(SourceKind kind) => Array.IndexOf(DataverseSources, kind) >= 0;

    private IEnumerable<CoverageGap> NotCollectedGaps(IReadOnlyCollection<PowerPlatformEnvironment> environments, List<CoverageGap> known)
    {
        bool Covered(SourceKind kind, string? environmentId) => known.Any(g =>
            string.Equals(g.Source, kind.ToId(), StringComparison.OrdinalIgnoreCase)
            && (g.EnvironmentId is null || environmentId is null || string.Equals(g.EnvironmentId, environmentId, StringComparison.OrdinalIgnoreCase)));

        foreach (var kind in TenantSources)
        {
            // Either direction of app-role assignments is a valid way to collect them.
            var requested = _requested.Contains(kind)
                || (kind == SourceKind.GraphAppRoleAssignments && _requested.Contains(SourceKind.GraphAppRoleAssignedTo));
            if (!requested && !Covered(kind, null))
                yield return NotCollected(kind, null);
        }
        foreach (var environment in environments)
        {
            foreach (var kind in EnvironmentSources)
            {
                if (!_requestedPerScope.Contains((kind, environment.Id.ToLowerInvariant())) && !Covered(kind, environment.Id))
                    yield return NotCollected(kind, environment.Id);
            }
            if (EnvironmentResolver.HostOf(environment.DataverseInstanceUrl) is not { } host)
                continue;
            foreach (var kind in DataverseSources)
            {
                if (!_requestedPerScope.Contains((kind, host)) && !Covered(kind, environment.Id))
                    yield return NotCollected(kind, environment.Id);
            }
        }
    }

    private static CoverageGap NotCollected(SourceKind kind, string? environmentId) => new()
    {
        Source = kind.ToId(),
        EnvironmentId = environmentId,
        Error = environmentId is null
            ? "not collected: the snapshot has no request for this source"
            : "not collected: the snapshot has no request for this source in this environment",
    };
}
