using System.Text.RegularExpressions;
using TenantScanner.Snapshots;
using TenantScanner.Tests.Engine;

namespace TenantScanner.Tests.Snapshots;

/// <summary>The source table is the one statement of what each source is; code and docs must agree with it.</summary>
public sealed class SourceTableTests
{
    public static TheoryData<string> SourceIds => [.. SourceTable.All.Select(d => d.Id)];

    [Fact]
    public void Every_source_kind_has_exactly_one_descriptor()
    {
        var kinds = SourceTable.All.Select(d => d.Kind).ToList();

        Assert.Equal(Enum.GetValues<SourceKind>().Order(), kinds.Order());
        Assert.Equal(kinds.Count, SourceTable.All.Select(d => d.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(Enum.GetValues<SourceKind>(), kind => Assert.Equal(kind, SourceTable.Of(kind).Kind));
    }

    [Fact]
    public void Ids_are_the_service_and_the_resource_and_parse_back_to_their_kind()
    {
        Assert.All(SourceTable.All, d =>
        {
            Assert.Matches("^(graph|powerplatform|flow|powerapps|dataverse|keyvault)\\.[A-Za-z0-9]+$", d.Id);
            Assert.True(SourceKindIds.TryParse(d.Id, out var kind) && kind == d.Kind, d.Id);
        });
    }

    [Fact]
    public void Every_route_matches_its_own_example_url()
    {
        Assert.All(SourceTable.All, d =>
        {
            var route = SourceRoutes.Match(d.ExampleUrl);
            Assert.True(route?.Kind == d.Kind, $"{d.Id}: {d.ExampleUrl} routes to {route?.Kind.ToString() ?? "nothing"}");
            Assert.Equal(d.Service, SourceServices.Classify(new Uri(d.ExampleUrl).Host));
        });
    }

    [Fact]
    public void Every_canonical_url_built_from_a_route_routes_back_to_its_source_with_its_values()
    {
        Assert.All(SourceTable.All, d =>
        {
            var host = SourceServices.PublicHost(d.Service) is null ? new Uri(d.ExampleUrl).Host : null;
            var url = d.CanonicalUrl(host, id: "object 1", environment: "Default-1", flow: "flow/1");
            var route = SourceRoutes.Match(url);
            Assert.True(route?.Kind == d.Kind, $"{d.Id}: {url}");
            Assert.Equal(d.Route.Contains("{id}", StringComparison.Ordinal) ? "object 1" : null, route!.ObjectId);
            Assert.Equal(d.Route.Contains("{env}", StringComparison.Ordinal) ? "Default-1" : null, route.EnvironmentId);
            Assert.Equal(d.Route.Contains("{flow}", StringComparison.Ordinal) ? "flow/1" : null, route.FlowId);
        });
    }

    [Fact]
    public void Paging_and_scope_follow_the_service()
    {
        Assert.All(SourceTable.All.Where(d => d.Paging != PagingStyle.None), d => Assert.Equal(
            d.Service is SourceService.Graph or SourceService.Dataverse ? "@odata.nextLink" : "nextLink", d.NextLinkProperty));
        Assert.All(SourceTable.All, d => Assert.Equal(
            d.Route.Contains("{env}", StringComparison.Ordinal) || d.Service == SourceService.Dataverse, d.Scope == SourceScope.Environment));
    }

    [Theory]
    [MemberData(nameof(SourceIds))]
    public void Snapshot_format_doc_has_a_row_with_the_route_and_paging_of(string id)
    {
        var source = SourceTable.All.Single(d => d.Id == id);
        var row = File.ReadLines(RepositoryFiles.PathOf("docs/snapshot-format.md"))
            .SingleOrDefault(line => line.StartsWith($"| `{id}` |", StringComparison.Ordinal));
        Assert.True(row is not null, $"docs/snapshot-format.md has no table row for `{id}`");

        var cells = row.Split('|', StringSplitOptions.TrimEntries);
        Assert.Matches(RoutePattern(source.Route), cells[2]);
        Assert.StartsWith(source.NextLinkProperty is { } property ? $"`{property}`" : "none", cells[4], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SourceIds))]
    public void Permissions_doc_names_the_permission_of(string id)
    {
        var source = SourceTable.All.Single(d => d.Id == id);
        var lines = File.ReadLines(RepositoryFiles.PathOf("docs/permissions.md")).Where(line => line.Contains($"`{id}`", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count > 0, $"docs/permissions.md does not mention `{id}`");

        // Graph permissions have names (Application.Read.All); the row that lists the source must give it.
        if (source.Service == SourceService.Graph)
        {
            var permission = Regex.Match(source.Permission, "[A-Z][A-Za-z]+(\\.[A-Za-z]+)+").Value;
            Assert.Contains(lines, line => line.StartsWith('|') && line.Contains($"`{permission}`", StringComparison.Ordinal));
        }
    }

    /// <summary>The route with its placeholders as any {name} (the docs say {resourceId} or {org}) and {ver} as v9.x.</summary>
    private static string RoutePattern(string route)
    {
        var segments = route.Split('/').Select(segment => segment switch
        {
            SourceDescriptor.VersionSegment => "v9\\.\\d+",
            _ when segment.StartsWith('{') => "\\{[A-Za-z]+\\}",
            _ => Regex.Escape(segment),
        });
        return "/" + string.Join("/", segments) + "`";
    }
}
