namespace TenantScanner.Snapshots;

/// <summary>How a service chains the pages of a list.</summary>
public enum PagingStyle
{
    /// <summary>Graph and Dataverse: <c>value</c> and <c>@odata.nextLink</c>.</summary>
    ODataNextLink,
    /// <summary>Power Platform admin APIs and Key Vault: <c>value</c> and a top-level <c>nextLink</c>.</summary>
    NextLink,
    /// <summary>One response holds everything (a single object, or an action such as <c>getByIds</c>).</summary>
    None,
}

/// <summary>What one read of a source covers, and so what a coverage gap of it affects.</summary>
public enum SourceScope
{
    /// <summary>The whole tenant (the directory, the Power Platform tenant settings).</summary>
    Tenant,
    /// <summary>One Power Platform environment; gaps carry its <c>environmentId</c>.</summary>
    Environment,
    /// <summary>One Key Vault given to the collector.</summary>
    KeyVault,
}

/// <summary>
/// Everything the scanner states about one API source, declared once in <see cref="SourceTable"/>: its stable
/// id, the service and URL path that serve it, how it pages, what one read covers and the least-privilege
/// permission it needs.
/// </summary>
public sealed record SourceDescriptor
{
    /// <summary>Placeholders a <see cref="Route"/> may hold: a directory object id, an environment name, a flow name, a Dataverse API version (<c>v9.x</c>).</summary>
    public const string IdSegment = "{id}", EnvironmentSegment = "{env}", FlowSegment = "{flow}", VersionSegment = "{ver}";

    /// <summary>The Dataverse Web API version the collector calls.</summary>
    public const string DataverseVersion = "v9.2";

    public required SourceKind Kind { get; init; }

    /// <summary>Stable id used in manifests, coverage, rule requirements and reports (e.g. <c>graph.servicePrincipals</c>); never changes meaning.</summary>
    public required string Id { get; init; }

    public required SourceService Service { get; init; }

    /// <summary>The URL path below the service's host, '/'-separated, with placeholders (e.g. <c>v1.0/servicePrincipals/{id}/owners</c>).</summary>
    public required string Route { get; init; }

    public required PagingStyle Paging { get; init; }

    public required SourceScope Scope { get; init; }

    /// <summary>The least-privilege permission the source needs, as a sentence fragment for coverage messages (docs/permissions.md).</summary>
    public required string Permission { get; init; }

    /// <summary>A canonical request URL of this source as the collector sends it; tests check that <see cref="Route"/> matches it.</summary>
    public required string ExampleUrl { get; init; }

    /// <summary>The property that names the next page, or null when the source does not page.</summary>
    public string? NextLinkProperty => Paging switch
    {
        PagingStyle.ODataNextLink => "@odata.nextLink",
        PagingStyle.NextLink => "nextLink",
        _ => null,
    };

    public bool IsPerEnvironment => Scope == SourceScope.Environment;

    /// <summary>
    /// The canonical URL (without query) of this source. <paramref name="host"/> is required for Dataverse
    /// (the organisation) and Key Vault (the vault) and defaults to the public cloud for the others; the
    /// other values fill the route's placeholders and are escaped.
    /// </summary>
    public string CanonicalUrl(string? host = null, string? id = null, string? environment = null, string? flow = null)
    {
        host ??= SourceServices.PublicHost(Service) ?? throw new ArgumentException($"{Id}: a host is required (the {Service} host varies).", nameof(host));
        var path = Route.Split('/').Select(segment => segment switch
        {
            IdSegment => Escape(id, nameof(id)),
            EnvironmentSegment => Escape(environment, nameof(environment)),
            FlowSegment => Escape(flow, nameof(flow)),
            VersionSegment => DataverseVersion,
            _ => segment,
        });
        return $"https://{host}/{string.Join('/', path)}";

        string Escape(string? value, string name) => value is { Length: > 0 }
            ? Uri.EscapeDataString(value)
            : throw new ArgumentException($"{Id}: the route {Route} needs a value for '{name}'.", name);
    }
}
