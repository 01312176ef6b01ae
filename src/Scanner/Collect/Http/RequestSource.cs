using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Collect.Http;

/// <summary>Names the source a request reads (for progress, retries and coverage), from its canonical URL.</summary>
public static class RequestSource
{
    public static string Of(Uri canonical)
    {
        if (canonical.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal))
            return "graph.batch";
        var route = SourceRoutes.Match(canonical.AbsoluteUri);
        return route is null ? canonical.Host : route.EnvironmentId is null ? route.Kind.ToId() : $"{route.Kind.ToId()}[{route.EnvironmentId}]";
    }
}
