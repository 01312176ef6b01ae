using TenantScanner.Snapshots;

namespace TenantScanner.Inventory.Building;

/// <summary>
/// Collects service principals, applications, users (active and deleted), per-object owners and
/// federated credentials, <c>getByIds</c> objects and the organization from Graph pages.
/// </summary>
internal sealed class DirectoryPageReader
{
    private sealed record ServicePrincipalDraft(ServicePrincipal Partial, ExpandedList<PrincipalRef>? ExpandedOwners);

    private sealed record ApplicationDraft(
        Application Partial, ExpandedList<PrincipalRef>? ExpandedOwners, ExpandedList<FederatedCredentialInfo>? ExpandedFederated);

    private readonly Dictionary<string, ServicePrincipalDraft> _servicePrincipals = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ApplicationDraft> _applications = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, User> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, User> _deletedUsers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (PrincipalRef Principal, User? AsUser)> _byIds = new(StringComparer.OrdinalIgnoreCase);

    public PerObjectResults<PrincipalRef> ServicePrincipalOwners { get; } = new();
    public PerObjectResults<PrincipalRef> ApplicationOwners { get; } = new();
    public PerObjectResults<FederatedCredentialInfo> FederatedCredentials { get; } = new();
    public string? OrganizationDisplayName { get; private set; }

    public void Add(ResponsePage page)
    {
        switch (page.Route.Kind)
        {
            case SourceKind.GraphServicePrincipals: AddItems(page, ReadServicePrincipal); break;
            case SourceKind.GraphApplications: AddItems(page, ReadApplication); break;
            case SourceKind.GraphUsers: AddItems(page, item => _users.TryAdd(item.RequiredString("id"), ReadUser(item, deleted: false))); break;
            case SourceKind.GraphDeletedUsers: AddItems(page, item => _deletedUsers.TryAdd(item.RequiredString("id"), ReadUser(item, deleted: true))); break;
            case SourceKind.GraphServicePrincipalOwners:
                ServicePrincipalOwners.Add(ObjectId(page), page.ListItems().Select(DirectoryObjectReader.Principal)); break;
            case SourceKind.GraphApplicationOwners:
                ApplicationOwners.Add(ObjectId(page), page.ListItems().Select(DirectoryObjectReader.Principal)); break;
            case SourceKind.GraphApplicationFederatedCredentials:
                FederatedCredentials.Add(ObjectId(page), page.ListItems().Select(DirectoryObjectReader.FederatedCredential)); break;
            case SourceKind.GraphDirectoryObjectsByIds: AddItems(page, ReadByIdsItem); break;
            case SourceKind.GraphOrganization:
                OrganizationDisplayName ??= page.ListItems().Select(o => o.String("displayName")).FirstOrDefault(n => n is not null);
                break;
            default: throw new InvalidOperationException($"{page.Route.Kind} is not a directory source.");
        }
    }

    /// <summary>A failed per-object request makes that object's owners or credentials unknown.</summary>
    public void Fail(SourceRoute route)
    {
        if (route.ObjectId is not { } id)
            return;
        if (route.Kind == SourceKind.GraphServicePrincipalOwners) ServicePrincipalOwners.Fail(id);
        else if (route.Kind == SourceKind.GraphApplicationOwners) ApplicationOwners.Fail(id);
        else if (route.Kind == SourceKind.GraphApplicationFederatedCredentials) FederatedCredentials.Fail(id);
    }

    /// <summary>Resource lookups the permission collector needs (appId and appRoles by SP object id).</summary>
    public ServicePrincipal? FindServicePrincipal(string id) => _servicePrincipals.GetValueOrDefault(id)?.Partial;

    public DirectoryResult Build(string tenantId)
    {
        var users = BuildUsers();
        var names = new PrincipalNames(users, _servicePrincipals.Values.Select(d => d.Partial), _byIds.Values.Select(v => v.Principal));
        var appIds = _applications.Values.Select(a => a.Partial.AppId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var applications = _applications.Values.Select(draft =>
        {
            var (owners, known) = Owners(draft.Partial.Id, draft.ExpandedOwners, ApplicationOwners);
            var perObject = FederatedCredentials.Complete(draft.Partial.Id);
            var federated = perObject ?? draft.ExpandedFederated?.Items ?? [];
            var federatedKnown = perObject is not null || draft.ExpandedFederated is { Truncated: false };
            return draft.Partial with
            {
                Owners = names.Resolve(owners), OwnersKnown = known,
                FederatedCredentials = federated, FederatedCredentialsKnown = federatedKnown,
            };
        }).ToList();
        var servicePrincipals = _servicePrincipals.Values.Select(draft =>
        {
            var (owners, known) = Owners(draft.Partial.Id, draft.ExpandedOwners, ServicePrincipalOwners);
            return draft.Partial with
            {
                Owners = names.Resolve(owners), OwnersKnown = known,
                Classification = ServicePrincipalClassifier.Classify(draft.Partial, tenantId, appIds),
            };
        }).ToList();
        return new DirectoryResult(servicePrincipals, applications, users);
    }

    /// <summary>
    /// A complete per-object fetch wins; otherwise the expanded list counts when Graph did not truncate it.
    /// Anything else leaves ownership unknown, so ownership rules go inconclusive rather than pass or fail.
    /// </summary>
    private static (IReadOnlyList<PrincipalRef> Owners, bool Known) Owners(
        string objectId, ExpandedList<PrincipalRef>? expanded, PerObjectResults<PrincipalRef> perObject)
    {
        if (perObject.Complete(objectId) is { } fetched)
            return (fetched.DistinctBy(o => o.Id, StringComparer.OrdinalIgnoreCase).ToList(), true);
        if (expanded is not null)
            return (expanded.Items, !expanded.Truncated);
        return ([], false);
    }

    private List<User> BuildUsers()
    {
        var users = new List<User>(_users.Count + _deletedUsers.Count);
        foreach (var user in _users.Values)
        {
            // getByIds may carry a state the users list lacked (e.g. accountEnabled not selected).
            users.Add(user.AccountEnabled is null && _byIds.GetValueOrDefault(user.Id).AsUser is { AccountEnabled: { } enabled }
                ? user with { AccountEnabled = enabled }
                : user);
        }
        users.AddRange(_deletedUsers.Values.Where(u => !_users.ContainsKey(u.Id)));
        users.AddRange(_byIds.Values.Select(v => v.AsUser).OfType<User>()
            .Where(u => !_users.ContainsKey(u.Id) && !_deletedUsers.ContainsKey(u.Id)));
        return users;
    }

    private static void AddItems(ResponsePage page, Action<JsonAt> add)
    {
        foreach (var item in page.ListItems())
            add(item);
    }

    private static string ObjectId(ResponsePage page) =>
        page.Route.ObjectId ?? throw new InvalidOperationException($"Route {page.Route.Kind} has no object id.");

    private void ReadServicePrincipal(JsonAt item)
    {
        var id = item.RequiredString("id");
        if (_servicePrincipals.ContainsKey(id))
            return;
        var partial = new ServicePrincipal
        {
            Id = id,
            AppId = item.RequiredString("appId"),
            DisplayName = item.String("displayName") ?? "",
            ServicePrincipalType = item.String("servicePrincipalType"),
            AppOwnerOrganizationId = item.String("appOwnerOrganizationId"),
            AccountEnabled = item.Bool("accountEnabled") ?? true,
            Notes = item.String("notes"),
            Description = item.String("description"),
            Tags = item.Strings("tags"),
            PasswordCredentials = DirectoryObjectReader.Passwords(item),
            KeyCredentials = DirectoryObjectReader.Keys(item),
            AppRoles = DirectoryObjectReader.AppRoles(item),
            Classification = ServicePrincipalClass.Other,
            Source = item.Location,
        };
        _servicePrincipals[id] = new ServicePrincipalDraft(partial, DirectoryObjectReader.ExpandedOwners(item));
    }

    private void ReadApplication(JsonAt item)
    {
        var id = item.RequiredString("id");
        if (_applications.ContainsKey(id))
            return;
        var partial = new Application
        {
            Id = id,
            AppId = item.RequiredString("appId"),
            DisplayName = item.String("displayName") ?? "",
            Notes = item.String("notes"),
            Description = item.String("description"),
            SignInAudience = item.String("signInAudience"),
            Tags = item.Strings("tags"),
            PasswordCredentials = DirectoryObjectReader.Passwords(item),
            KeyCredentials = DirectoryObjectReader.Keys(item),
            RequiredResourceAccess = DirectoryObjectReader.RequiredAccess(item),
            CreatedDateTime = item.Date("createdDateTime"),
            Source = item.Location,
        };
        _applications[id] = new ApplicationDraft(partial, DirectoryObjectReader.ExpandedOwners(item),
            DirectoryObjectReader.Expanded(item, "federatedIdentityCredentials", DirectoryObjectReader.FederatedCredential));
    }

    private static User ReadUser(JsonAt item, bool deleted) => new()
    {
        Id = item.RequiredString("id"),
        DisplayName = item.String("displayName") ?? "",
        UserPrincipalName = item.String("userPrincipalName"),
        Mail = item.String("mail"),
        AccountEnabled = item.Bool("accountEnabled"),
        UserType = item.String("userType"),
        IsDeleted = deleted,
        DeletedDateTime = deleted ? item.Date("deletedDateTime") : null,
        EmployeeLeaveDateTime = item.Date("employeeLeaveDateTime"),
        Source = item.Location,
    };

    private void ReadByIdsItem(JsonAt item)
    {
        var principal = DirectoryObjectReader.Principal(item);
        var asUser = principal.Type == PrincipalType.User ? ReadUser(item, deleted: false) : null;
        _byIds.TryAdd(principal.Id, (principal, asUser));
    }
}

internal sealed record DirectoryResult(
    IReadOnlyList<ServicePrincipal> ServicePrincipals, IReadOnlyList<Application> Applications, IReadOnlyList<User> Users);
