using TenantScanner.Cli.Collect.Http;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Collect;

/// <summary>
/// Reads the directory through the Microsoft Graph SDK: <c>$select</c> only what the rules use,
/// <c>$top=999</c>, every page (the recording handler in the SDK pipeline keeps the raw bodies). App-role
/// assignments are read per resource service principal (<c>appRoleAssignedTo</c>) and federated credentials
/// per application that has a client secret, both in <c>$batch</c>es;
/// see docs/performance.md "Live collection" for why that is the cheapest legal way.
/// </summary>
public sealed class GraphCollector(CollectContext context, GraphServiceClient graph, GraphBatchReader batches)
{
    private static readonly string[] ServicePrincipalFields = ["id", "appId", "displayName", "servicePrincipalType", "appOwnerOrganizationId",
        "accountEnabled", "notes", "description", "tags", "passwordCredentials", "keyCredentials", "appRoles"];
    private static readonly string[] ApplicationFields = ["id", "appId", "displayName", "notes", "description", "tags", "signInAudience",
        "createdDateTime", "passwordCredentials", "keyCredentials", "requiredResourceAccess"];
    private static readonly string[] UserFields = ["id", "displayName", "userPrincipalName", "mail", "accountEnabled", "userType"];
    internal static readonly string[] AssignmentFields = ["id", "principalId", "principalType", "principalDisplayName", "resourceId",
        "resourceDisplayName", "appRoleId", "createdDateTime"];
    private static readonly string[] OwnerExpand = ["owners($select=id)"];

    /// <summary>The organization's id and name, when it could be read.</summary>
    public Organization? Organization { get; private set; }

    public async Task CollectAsync(CancellationToken ct)
    {
        var root = RecordingRoot;
        await Task.WhenAll(
            context.TryReadAsync(SourceKind.GraphOrganization, null, $"{root}/organization", async () =>
            {
                var orgs = await ReadAllAsync(graph.Organization.ToGetRequestInformation(r => r.QueryParameters.Select = ["id", "displayName", "verifiedDomains"]),
                    OrganizationCollectionResponse.CreateFromDiscriminatorValue, p => p.Value, ct);
                Organization = orgs.FirstOrDefault();
            }, ct),
            CollectServicePrincipalsAsync(ct),
            CollectApplicationsAsync(ct),
            context.TryReadAsync(SourceKind.GraphUsers, null, $"{root}/users", async () =>
                await ReadAllAsync(graph.Users.ToGetRequestInformation(r => { r.QueryParameters.Select = UserFields; r.QueryParameters.Top = 999; }),
                    UserCollectionResponse.CreateFromDiscriminatorValue, p => p.Value, ct), ct),
            context.TryReadAsync(SourceKind.GraphDeletedUsers, null, $"{root}/directory/deletedItems/microsoft.graph.user", async () =>
                // The SDK's typed cast segment is the short alias "graph.user"; the full name is what the snapshot format routes.
                await ReadAllAsync(graph.Directory.DeletedItems.WithUrl(
                        $"{graph.RequestAdapter.BaseUrl}/directory/deletedItems/microsoft.graph.user?$select=id,displayName,userPrincipalName,deletedDateTime&$top=999")
                    .ToGetRequestInformation(),
                    DirectoryObjectCollectionResponse.CreateFromDiscriminatorValue, p => p.Value, ct), ct),
            context.TryReadAsync(SourceKind.GraphOAuth2PermissionGrants, null, $"{root}/oauth2PermissionGrants", async () =>
                await ReadAllAsync(graph.Oauth2PermissionGrants.ToGetRequestInformation(),
                    OAuth2PermissionGrantCollectionResponse.CreateFromDiscriminatorValue, p => p.Value, ct), ct),
            context.TryReadAsync(SourceKind.GraphRoleAssignments, null, $"{root}/roleManagement/directory/roleAssignments", async () =>
                await ReadAllAsync(graph.RoleManagement.Directory.RoleAssignments.ToGetRequestInformation(r =>
                    r.QueryParameters.Select = ["id", "principalId", "roleDefinitionId", "directoryScopeId"]),
                    UnifiedRoleAssignmentCollectionResponse.CreateFromDiscriminatorValue, p => p.Value, ct), ct),
            context.TryReadAsync(SourceKind.GraphRoleDefinitions, null, $"{root}/roleManagement/directory/roleDefinitions", async () =>
                await ReadAllAsync(graph.RoleManagement.Directory.RoleDefinitions.ToGetRequestInformation(r =>
                    r.QueryParameters.Select = ["id", "displayName", "templateId", "isBuiltIn"]),
                    UnifiedRoleDefinitionCollectionResponse.CreateFromDiscriminatorValue, p => p.Value, ct), ct));
    }

    private static string RecordingRoot => RecordingHandler.GraphRoot;

    private async Task CollectServicePrincipalsAsync(CancellationToken ct)
    {
        List<ServicePrincipal> principals = [];
        var read = await context.TryReadAsync(SourceKind.GraphServicePrincipals, null, $"{RecordingRoot}/servicePrincipals", async () =>
            principals = await ReadAllAsync(graph.ServicePrincipals.ToGetRequestInformation(r =>
                { r.QueryParameters.Select = ServicePrincipalFields; r.QueryParameters.Expand = OwnerExpand; r.QueryParameters.Top = 999; }),
                ServicePrincipalCollectionResponse.CreateFromDiscriminatorValue, p => p.Value, ct), ct);
        if (!read)
            return;
        var overflowing = principals.Where(HasMoreOwners).Select(sp => sp.Id!).ToList();
        await Parallel.ForEachAsync(overflowing, Parallelism(ct), async (id, token) =>
            await context.TryReadAsync(SourceKind.GraphServicePrincipalOwners, null, $"{RecordingRoot}/servicePrincipals/{id}/owners", async () =>
                await ReadAllAsync(graph.ServicePrincipals[id].Owners.ToGetRequestInformation(r => { r.QueryParameters.Select = ["id"]; r.QueryParameters.Top = 999; }),
                    DirectoryObjectCollectionResponse.CreateFromDiscriminatorValue, p => p.Value, token), token));
        var resources = principals.Where(IsApplicationPermissionResource).Select(sp => sp.Id!).ToList();
        await batches.ReadAppRoleAssignedToAsync(resources, ct);
    }

    private async Task CollectApplicationsAsync(CancellationToken ct)
    {
        List<Application> applications = [];
        var read = await context.TryReadAsync(SourceKind.GraphApplications, null, $"{RecordingRoot}/applications", async () =>
            applications = await ReadAllAsync(graph.Applications.ToGetRequestInformation(r =>
                { r.QueryParameters.Select = ApplicationFields; r.QueryParameters.Expand = OwnerExpand; r.QueryParameters.Top = 999; }),
                ApplicationCollectionResponse.CreateFromDiscriminatorValue, p => p.Value, ct), ct);
        if (!read)
            return;
        var overflowing = applications.Where(HasMoreOwners).Select(app => app.Id!).ToList();
        var owners = Parallel.ForEachAsync(overflowing, Parallelism(ct), async (id, token) =>
            await context.TryReadAsync(SourceKind.GraphApplicationOwners, null, $"{RecordingRoot}/applications/{id}/owners", async () =>
                await ReadAllAsync(graph.Applications[id].Owners.ToGetRequestInformation(r => { r.QueryParameters.Select = ["id"]; r.QueryParameters.Top = 999; }),
                    DirectoryObjectCollectionResponse.CreateFromDiscriminatorValue, p => p.Value, token), token));
        // Only an application with a client secret can be flagged for lacking a federated credential (CRED005),
        // so only those are read: in a typical tenant a minority, instead of one request per application.
        var withSecrets = applications.Where(app => app.Id is not null && app.PasswordCredentials is { Count: > 0 }).Select(app => app.Id!).ToList();
        await Task.WhenAll(owners, batches.ReadFederatedCredentialsAsync(withSecrets, ct));
    }

    /// <summary><c>$expand=owners</c> returns at most 20; Graph then adds <c>owners@odata.nextLink</c>.</summary>
    private static bool HasMoreOwners(DirectoryObject item) =>
        item.Id is not null && item.AdditionalData.Keys.Any(k => k.Equals("owners@odata.nextLink", StringComparison.OrdinalIgnoreCase));

    /// <summary>Only a service principal that defines an app role assignable to applications can hold application permissions.</summary>
    private static bool IsApplicationPermissionResource(ServicePrincipal sp) =>
        sp.Id is not null && sp.AppRoles?.Any(role => role.AllowedMemberTypes?.Contains("Application") == true) == true;

    private ParallelOptions Parallelism(CancellationToken ct) =>
        new() { MaxDegreeOfParallelism = context.Options.Resilience.MaxConcurrencyPerHost, CancellationToken = ct };

    /// <summary>
    /// Every page of a list: the first request as the SDK builds it, then each next link through a
    /// <see cref="PageTrail"/> (its first URL known, so a link back to the first page is caught too).
    /// </summary>
    private async Task<List<T>> ReadAllAsync<TPage, T>(RequestInformation first, ParsableFactory<TPage> factory, Func<TPage, List<T>?> values,
        CancellationToken ct)
        where TPage : BaseCollectionPaginationCountResponse
    {
        var items = new List<T>();
        var trail = context.NewTrail(first.URI.AbsoluteUri);
        var request = first;
        while (true)
        {
            var page = await graph.RequestAdapter.SendAsync(request, factory, ErrorMapping, ct);
            if (page is null)
                return items;
            items.AddRange(values(page) ?? []);
            if (string.IsNullOrEmpty(page.OdataNextLink))
                return items;
            request = new RequestInformation { HttpMethod = Method.GET, URI = new Uri(trail.Follow(page.OdataNextLink)) };
            request.Headers.TryAdd("Accept", "application/json");
        }
    }

    /// <summary>Every error status is a Graph OData error, as in the SDK's generated request builders.</summary>
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = Microsoft.Graph.Models.ODataErrors.ODataError.CreateFromDiscriminatorValue,
    };
}
