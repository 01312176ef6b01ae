using Microsoft.Graph;
using Microsoft.Graph.Models;
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
        await Task.WhenAll(
            context.TryReadAsync(SourceKind.GraphOrganization, null, Url(SourceKind.GraphOrganization), async () =>
            {
                var orgs = await PageAll(await graph.Organization.GetAsync(r => r.QueryParameters.Select = ["id", "displayName", "verifiedDomains"], ct),
                    p => p.Value, next => graph.Organization.WithUrl(next).GetAsync(cancellationToken: ct));
                Organization = orgs.FirstOrDefault();
            }, ct),
            CollectServicePrincipalsAsync(ct),
            CollectApplicationsAsync(ct),
            context.TryReadAsync(SourceKind.GraphUsers, null, Url(SourceKind.GraphUsers), async () =>
                await PageAll(await graph.Users.GetAsync(r => { r.QueryParameters.Select = UserFields; r.QueryParameters.Top = 999; }, ct),
                    p => p.Value, next => graph.Users.WithUrl(next).GetAsync(cancellationToken: ct)), ct),
            context.TryReadAsync(SourceKind.GraphDeletedUsers, null, Url(SourceKind.GraphDeletedUsers), async () =>
                // The SDK's typed cast segment is the short alias "graph.user"; the full name is what the snapshot format routes.
                await PageAll(await graph.Directory.DeletedItems.WithUrl(
                        $"{graph.RequestAdapter.BaseUrl}/directory/deletedItems/microsoft.graph.user?$select=id,displayName,userPrincipalName,deletedDateTime&$top=999")
                    .GetAsync(cancellationToken: ct),
                    p => p.Value, next => graph.Directory.DeletedItems.WithUrl(next).GetAsync(cancellationToken: ct)), ct),
            context.TryReadAsync(SourceKind.GraphOAuth2PermissionGrants, null, Url(SourceKind.GraphOAuth2PermissionGrants), async () =>
                await PageAll(await graph.Oauth2PermissionGrants.GetAsync(cancellationToken: ct),
                    p => p.Value, next => graph.Oauth2PermissionGrants.WithUrl(next).GetAsync(cancellationToken: ct)), ct),
            context.TryReadAsync(SourceKind.GraphRoleAssignments, null, Url(SourceKind.GraphRoleAssignments), async () =>
                await PageAll(await graph.RoleManagement.Directory.RoleAssignments.GetAsync(r =>
                    r.QueryParameters.Select = ["id", "principalId", "roleDefinitionId", "directoryScopeId"], ct),
                    p => p.Value, next => graph.RoleManagement.Directory.RoleAssignments.WithUrl(next).GetAsync(cancellationToken: ct)), ct),
            context.TryReadAsync(SourceKind.GraphRoleDefinitions, null, Url(SourceKind.GraphRoleDefinitions), async () =>
                await PageAll(await graph.RoleManagement.Directory.RoleDefinitions.GetAsync(r =>
                    r.QueryParameters.Select = ["id", "displayName", "templateId", "isBuiltIn"], ct),
                    p => p.Value, next => graph.RoleManagement.Directory.RoleDefinitions.WithUrl(next).GetAsync(cancellationToken: ct)), ct));
    }

    /// <summary>The canonical URL (no query) of a source, for coverage; the SDK builds the request itself.</summary>
    private static string Url(SourceKind kind, string? id = null) => SourceTable.Of(kind).CanonicalUrl(id: id);

    private async Task CollectServicePrincipalsAsync(CancellationToken ct)
    {
        List<ServicePrincipal> principals = [];
        var read = await context.TryReadAsync(SourceKind.GraphServicePrincipals, null, Url(SourceKind.GraphServicePrincipals), async () =>
            principals = await PageAll(await graph.ServicePrincipals.GetAsync(r =>
                { r.QueryParameters.Select = ServicePrincipalFields; r.QueryParameters.Expand = OwnerExpand; r.QueryParameters.Top = 999; }, ct),
                p => p.Value, next => graph.ServicePrincipals.WithUrl(next).GetAsync(cancellationToken: ct)), ct);
        if (!read)
            return;
        var overflowing = principals.Where(HasMoreOwners).Select(sp => sp.Id!).ToList();
        await Parallel.ForEachAsync(overflowing, Parallelism(ct), async (id, token) =>
            await context.TryReadAsync(SourceKind.GraphServicePrincipalOwners, null, Url(SourceKind.GraphServicePrincipalOwners, id), async () =>
                await PageAll(await graph.ServicePrincipals[id].Owners.GetAsync(r => { r.QueryParameters.Select = ["id"]; r.QueryParameters.Top = 999; }, token),
                    p => p.Value, next => graph.ServicePrincipals[id].Owners.WithUrl(next).GetAsync(cancellationToken: token)), token));
        var resources = principals.Where(IsApplicationPermissionResource).Select(sp => sp.Id!).ToList();
        await batches.ReadAppRoleAssignedToAsync(resources, ct);
    }

    private async Task CollectApplicationsAsync(CancellationToken ct)
    {
        List<Application> applications = [];
        var read = await context.TryReadAsync(SourceKind.GraphApplications, null, Url(SourceKind.GraphApplications), async () =>
            applications = await PageAll(await graph.Applications.GetAsync(r =>
                { r.QueryParameters.Select = ApplicationFields; r.QueryParameters.Expand = OwnerExpand; r.QueryParameters.Top = 999; }, ct),
                p => p.Value, next => graph.Applications.WithUrl(next).GetAsync(cancellationToken: ct)), ct);
        if (!read)
            return;
        var overflowing = applications.Where(HasMoreOwners).Select(app => app.Id!).ToList();
        var owners = Parallel.ForEachAsync(overflowing, Parallelism(ct), async (id, token) =>
            await context.TryReadAsync(SourceKind.GraphApplicationOwners, null, Url(SourceKind.GraphApplicationOwners, id), async () =>
                await PageAll(await graph.Applications[id].Owners.GetAsync(r => { r.QueryParameters.Select = ["id"]; r.QueryParameters.Top = 999; }, token),
                    p => p.Value, next => graph.Applications[id].Owners.WithUrl(next).GetAsync(cancellationToken: token)), token));
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

    private static async Task<List<T>> PageAll<TPage, T>(TPage? first, Func<TPage, List<T>?> values, Func<string, Task<TPage?>> next)
        where TPage : BaseCollectionPaginationCountResponse
    {
        var items = new List<T>();
        var page = first;
        while (page is not null)
        {
            items.AddRange(values(page) ?? []);
            page = string.IsNullOrEmpty(page.OdataNextLink) ? default : await next(page.OdataNextLink);
        }
        return items;
    }
}
