using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using TenantScanner.Snapshots;

namespace TenantScanner.FakeTenant;

/// <summary>
/// The permission writes remediation uses and their undo: app-role assignments, directory role assignments and
/// delegated permission grants. Deletes remove every stored copy; creates add the object where the next scan
/// reads it. Refusals follow Graph: 404 Request_ResourceNotFound for an unknown id, 400/409 for a duplicate.
/// </summary>
public sealed class PermissionWrites(SnapshotStore store, object gate)
{
    private static readonly SourceKind[] AssignmentKinds = [SourceKind.GraphAppRoleAssignments, SourceKind.GraphAppRoleAssignedTo];

    /// <summary>
    /// Graph derives an oauth2PermissionGrant's id from its client, resource and principal, so a grant that is
    /// deleted and created again gets its old id back. Snapshots carry made-up ids, so the fake remembers them.
    /// </summary>
    private readonly Dictionary<string, string> _grantIds = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>DELETE /servicePrincipals/{resourceId}/appRoleAssignedTo/{id}: 204 (learn.microsoft.com/graph/api/serviceprincipal-delete-approleassignedto).</summary>
    public FakeResponse DeleteAppRoleAssignment(string resourceId, string id)
    {
        lock (gate)
        {
            var existing = store.Items(AssignmentKinds).Select(i => i.Item)
                .FirstOrDefault(i => StoredItems.SameId(StoredItems.Id(i), id) && StoredItems.SameId(StoredItems.Id(i, "resourceId"), resourceId));
            if (existing.ValueKind == JsonValueKind.Undefined)
                return StoredItems.NotFound(id);
            RemoveEverywhere(id, AssignmentKinds);
            return StoredItems.NoContent();
        }
    }

    /// <summary>
    /// POST /servicePrincipals/{resourceId}/appRoleAssignedTo with principalId, resourceId, appRoleId: 201 and the new
    /// assignment (learn.microsoft.com/graph/api/serviceprincipal-post-approleassignedto). A role the resource does not
    /// define, or an assignment that already exists, is refused with 400 Request_BadRequest.
    /// </summary>
    public FakeResponse CreateAppRoleAssignment(string resourceId, FakeRequest request)
    {
        var body = StoredItems.Body(request);
        var principalId = Text(body, "principalId");
        var appRoleId = Text(body, "appRoleId");
        if (principalId is null || appRoleId is null || !StoredItems.SameId(Text(body, "resourceId") ?? resourceId, resourceId))
            return StoredItems.BadRequest("principalId, resourceId (the service principal in the URL) and appRoleId are required.");
        lock (gate)
        {
            var resource = ServicePrincipal(resourceId);
            var principal = ServicePrincipal(principalId);
            if (resource is null)
                return StoredItems.NotFound(resourceId);
            if (principal is null)
                return StoredItems.NotFound(principalId);
            var roles = resource.Value.TryGetProperty("appRoles", out var r) && r.ValueKind == JsonValueKind.Array ? r.EnumerateArray().ToList() : [];
            if (!roles.Any(role => StoredItems.SameId(StoredItems.Id(role), appRoleId)))
                return StoredItems.BadRequest("Permission being assigned was not found on application");
            var duplicate = store.Items(AssignmentKinds).Select(i => i.Item).Any(i => StoredItems.SameId(StoredItems.Id(i, "principalId"), principalId)
                && StoredItems.SameId(StoredItems.Id(i, "resourceId"), resourceId) && StoredItems.SameId(StoredItems.Id(i, "appRoleId"), appRoleId));
            if (duplicate)
                return StoredItems.BadRequest("Permission being assigned already exists on the object");
            var assignment = new JsonObject
            {
                ["id"] = NewId(), ["appRoleId"] = appRoleId, ["createdDateTime"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                ["principalDisplayName"] = Name(principal.Value), ["principalId"] = principalId, ["principalType"] = "ServicePrincipal",
                ["resourceDisplayName"] = Name(resource.Value), ["resourceId"] = resourceId,
            };
            var added = Append(assignment, SourceKind.GraphAppRoleAssignments, principalId) || Append(assignment, SourceKind.GraphAppRoleAssignedTo, resourceId);
            if (!added)
                store.Add($"https://graph.microsoft.com/v1.0/servicePrincipals/{principalId}/appRoleAssignments", new JsonObject { ["value"] = new JsonArray(assignment.DeepClone()) });
            return StoredItems.Created(assignment);
        }
    }

    /// <summary>GET /roleManagement/directory/roleAssignments/{id} (learn.microsoft.com/graph/api/unifiedroleassignment-get).</summary>
    public FakeResponse GetRoleAssignment(string id) => GetItem(SourceKind.GraphRoleAssignments, id);

    /// <summary>DELETE /roleManagement/directory/roleAssignments/{id}: 204 (learn.microsoft.com/graph/api/unifiedroleassignment-delete).</summary>
    public FakeResponse DeleteRoleAssignment(string id) => DeleteItem(SourceKind.GraphRoleAssignments, id);

    /// <summary>
    /// POST /roleManagement/directory/roleAssignments with principalId, roleDefinitionId, directoryScopeId: 201
    /// (learn.microsoft.com/graph/api/rbacapplication-post-roleassignments). The same assignment twice is refused with
    /// 400 Request_BadRequest, as the directory refuses a conflicting object.
    /// </summary>
    public FakeResponse CreateRoleAssignment(FakeRequest request)
    {
        var body = StoredItems.Body(request);
        var principalId = Text(body, "principalId");
        var roleDefinitionId = Text(body, "roleDefinitionId");
        var scope = Text(body, "directoryScopeId");
        if (principalId is null || roleDefinitionId is null || scope is null)
            return StoredItems.BadRequest("principalId, roleDefinitionId and directoryScopeId are required.");
        lock (gate)
        {
            if (Principal(principalId) is false)
                return StoredItems.NotFound(principalId);
            var duplicate = store.Items(SourceKind.GraphRoleAssignments).Select(i => i.Item).Any(i => StoredItems.SameId(StoredItems.Id(i, "principalId"), principalId)
                && StoredItems.SameId(StoredItems.Id(i, "roleDefinitionId"), roleDefinitionId) && StoredItems.Id(i, "directoryScopeId") == scope);
            if (duplicate)
                return StoredItems.BadRequest("A conflicting object with one or more of the specified property values is present in the directory.");
            var assignment = new JsonObject { ["id"] = NewId(), ["principalId"] = principalId, ["directoryScopeId"] = scope, ["roleDefinitionId"] = roleDefinitionId };
            AppendToFirstPage(assignment, SourceKind.GraphRoleAssignments, "https://graph.microsoft.com/v1.0/roleManagement/directory/roleAssignments");
            return StoredItems.Created(assignment);
        }
    }

    /// <summary>GET /oauth2PermissionGrants/{id} (learn.microsoft.com/graph/api/oauth2permissiongrant-get).</summary>
    public FakeResponse GetGrant(string id) => GetItem(SourceKind.GraphOAuth2PermissionGrants, id);

    /// <summary>DELETE /oauth2PermissionGrants/{id}: 204 (learn.microsoft.com/graph/api/oauth2permissiongrant-delete).</summary>
    public FakeResponse DeleteGrant(string id)
    {
        lock (gate)
        {
            var existing = Item(SourceKind.GraphOAuth2PermissionGrants, id);
            if (existing is { } grant)
                _grantIds[GrantKey(StoredItems.Id(grant, "clientId"), StoredItems.Id(grant, "resourceId"), StoredItems.Id(grant, "principalId"))] = id;
            return DeleteItem(SourceKind.GraphOAuth2PermissionGrants, id);
        }
    }

    /// <summary>
    /// POST /oauth2PermissionGrants with clientId, consentType, principalId, resourceId, scope: 201
    /// (learn.microsoft.com/graph/api/oauth2permissiongrant-post). A second grant for the same client, resource and
    /// principal is refused with 409 Conflict ("Permission entry already exists.").
    /// </summary>
    public FakeResponse CreateGrant(FakeRequest request)
    {
        var body = StoredItems.Body(request);
        var clientId = Text(body, "clientId");
        var resourceId = Text(body, "resourceId");
        var consentType = Text(body, "consentType");
        var principalId = Text(body, "principalId");
        if (clientId is null || resourceId is null || consentType is not ("AllPrincipals" or "Principal") || (consentType == "Principal") != (principalId is not null))
            return StoredItems.BadRequest("clientId, resourceId and consentType are required; principalId exactly when consentType is Principal.");
        lock (gate)
        {
            if (ServicePrincipal(clientId) is null)
                return StoredItems.NotFound(clientId);
            if (ServicePrincipal(resourceId) is null)
                return StoredItems.NotFound(resourceId);
            var key = GrantKey(clientId, resourceId, principalId);
            var duplicate = store.Items(SourceKind.GraphOAuth2PermissionGrants).Select(i => i.Item)
                .Any(i => string.Equals(GrantKey(StoredItems.Id(i, "clientId"), StoredItems.Id(i, "resourceId"), StoredItems.Id(i, "principalId")), key, StringComparison.OrdinalIgnoreCase));
            if (duplicate)
                return FakeResponse.Error(409, "Request_MultipleObjectsWithSameKeyValue", "Permission entry already exists.");
            var grant = new JsonObject
            {
                ["clientId"] = clientId, ["consentType"] = consentType,
                ["id"] = _grantIds.GetValueOrDefault(key) ?? GraphGrantId(clientId, resourceId, principalId),
                ["principalId"] = principalId, ["resourceId"] = resourceId, ["scope"] = Text(body, "scope") ?? "",
            };
            AppendToFirstPage(grant, SourceKind.GraphOAuth2PermissionGrants, "https://graph.microsoft.com/v1.0/oauth2PermissionGrants");
            return StoredItems.Created(grant);
        }
    }

    private FakeResponse GetItem(SourceKind kind, string id) =>
        Item(kind, id) is { } item ? new FakeResponse(200, JsonSerializer.SerializeToUtf8Bytes(item)) : StoredItems.NotFound(id);

    private FakeResponse DeleteItem(SourceKind kind, string id)
    {
        lock (gate)
        {
            if (Item(kind, id) is null)
                return StoredItems.NotFound(id);
            RemoveEverywhere(id, kind);
            return StoredItems.NoContent();
        }
    }

    private JsonElement? Item(SourceKind kind, string id)
    {
        foreach (var (_, item) in store.Items(kind))
        {
            if (StoredItems.SameId(StoredItems.Id(item), id))
                return item;
        }
        return null;
    }

    private JsonElement? ServicePrincipal(string id) => Item(SourceKind.GraphServicePrincipals, id);

    private bool Principal(string id) => ServicePrincipal(id) is not null || Item(SourceKind.GraphUsers, id) is not null;

    private void RemoveEverywhere(string id, params SourceKind[] kinds) =>
        store.Edit((_, body) =>
        {
            if (body is not JsonObject root || root["value"] is not JsonArray list)
                return false;
            var matches = list.Where(i => StoredItems.SameId(StoredItems.Id(i), id)).ToList();
            foreach (var match in matches)
                list.Remove(match);
            return matches.Count > 0;
        }, kinds);

    /// <summary>Adds to the list page of <paramref name="kind"/> read for <paramref name="objectId"/>; false when there is none.</summary>
    private bool Append(JsonObject item, SourceKind kind, string objectId)
    {
        var done = false;
        store.Edit((route, body) =>
        {
            if (done || !StoredItems.SameId(route.ObjectId, objectId) || body is not JsonObject root || root["value"] is not JsonArray list)
                return false;
            list.Add(item.DeepClone());
            return done = true;
        }, kind);
        return done;
    }

    private void AppendToFirstPage(JsonObject item, SourceKind kind, string listUrl)
    {
        var done = false;
        store.Edit((_, body) =>
        {
            if (done || body is not JsonObject root || root["value"] is not JsonArray list)
                return false;
            list.Add(item.DeepClone());
            return done = true;
        }, kind);
        if (!done)
            store.Add(listUrl, new JsonObject { ["value"] = new JsonArray(item.DeepClone()) });
    }

    private static string GrantKey(string? clientId, string? resourceId, string? principalId) => $"{clientId}|{resourceId}|{principalId}".ToLowerInvariant();

    /// <summary>Graph's scheme: base64url of the client and resource object ids (and the principal's, for a Principal grant).</summary>
    private static string GraphGrantId(string clientId, string resourceId, string? principalId)
    {
        var bytes = new List<byte>();
        foreach (var id in new[] { clientId, resourceId, principalId }.OfType<string>())
            bytes.AddRange(Guid.TryParse(id, out var guid) ? guid.ToByteArray() : SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id))[..16]);
        return Convert.ToBase64String([.. bytes]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static string NewId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Text(JsonObject? body, string property) =>
        body?[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string? Name(JsonElement item) => item.TryGetProperty("displayName", out var name) ? name.GetString() : null;
}
