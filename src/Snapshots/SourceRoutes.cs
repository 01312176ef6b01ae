namespace TenantScanner.Snapshots;

/// <summary>What a canonical request URL reads: the source kind and the ids in its path.</summary>
/// <param name="Kind">The source.</param>
/// <param name="Host">Lower-case host of the canonical URL (identifies a Dataverse org or a vault).</param>
/// <param name="EnvironmentId">Power Platform environment name from the path, when the path has one.</param>
/// <param name="ObjectId">Directory object id (service principal or application) from the path.</param>
/// <param name="FlowId">Flow name from the path.</param>
public sealed record SourceRoute(SourceKind Kind, string Host, string? EnvironmentId = null, string? ObjectId = null, string? FlowId = null)
{
    /// <summary>Pages of one request share this key (the query string, and so the paging token, is not part of it).</summary>
    public string RequestKey => $"{Kind}|{Host}|{EnvironmentId}|{ObjectId}|{FlowId}";

    /// <summary>What the source is: id, paging, scope, permission.</summary>
    public SourceDescriptor Source => SourceTable.Of(Kind);
}

/// <summary>
/// Maps canonical service URLs to <see cref="SourceRoute"/>s by host and path (never by file name or
/// exact query string), using the routes of <see cref="SourceTable"/>. The same matching serves the
/// snapshot loader, the collectors, the snapshot writer and the fake tenant.
/// </summary>
public static class SourceRoutes
{
    private sealed record Template(SourceDescriptor Source, string[] Segments);

    private static readonly Template[] Templates = [.. SourceTable.All.Select(d => new Template(d, d.Route.Split('/')))];

    /// <summary>Finds the source a canonical URL reads, or null when the scanner does not know the URL.</summary>
    public static SourceRoute? Match(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return null;
        var service = SourceServices.Classify(uri.Host);
        if (service is null)
            return null;
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(Uri.UnescapeDataString).ToArray();
        foreach (var template in Templates)
        {
            if (template.Source.Service == service && TryBind(template, segments, out var env, out var obj, out var flow))
                return new SourceRoute(template.Source.Kind, uri.Host.ToLowerInvariant(), env, obj, flow);
        }
        return null;
    }

    private static bool TryBind(Template template, string[] segments, out string? env, out string? obj, out string? flow)
    {
        env = obj = flow = null;
        if (segments.Length != template.Segments.Length)
            return false;
        for (var i = 0; i < segments.Length; i++)
        {
            var expected = template.Segments[i];
            switch (expected)
            {
                case SourceDescriptor.IdSegment: obj = segments[i]; break;
                case SourceDescriptor.EnvironmentSegment: env = segments[i]; break;
                case SourceDescriptor.FlowSegment: flow = segments[i]; break;
                case SourceDescriptor.VersionSegment:
                    if (!segments[i].StartsWith("v9.", StringComparison.OrdinalIgnoreCase))
                        return false;
                    break;
                default:
                    if (!string.Equals(expected, segments[i], StringComparison.OrdinalIgnoreCase))
                        return false;
                    break;
            }
        }
        return true;
    }
}
