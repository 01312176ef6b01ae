using System.Text.Json;
using System.Text.Json.Nodes;
using TenantScanner.Snapshots;

namespace TenantScanner.FakeTenant;

/// <summary>
/// The writes on applications and service principals that remediation uses: owners and client secrets. Each
/// changes the stored responses (list pages and per-object pages alike), so every later read, the next scan
/// included, sees it. A write the real service rejects is rejected the same way.
/// </summary>
public sealed class DirectoryWrites(SnapshotStore store, object gate)
{
    /// <summary>The parent kinds whose objects have owners and passwords, by the path segment that names them.</summary>
    public static SourceKind ParentKind(string segment) =>
        segment.Equals("applications", StringComparison.OrdinalIgnoreCase) ? SourceKind.GraphApplications : SourceKind.GraphServicePrincipals;

    private static SourceKind OwnersKind(SourceKind parent) =>
        parent == SourceKind.GraphApplications ? SourceKind.GraphApplicationOwners : SourceKind.GraphServicePrincipalOwners;

    /// <summary>GET /applications/{id} or /servicePrincipals/{id}: the stored object (learn.microsoft.com/graph/api/application-get).</summary>
    public FakeResponse Get(SourceKind kind, string id)
    {
        var item = Find(kind, id);
        return item is null ? StoredItems.NotFound(id) : new FakeResponse(200, JsonSerializer.SerializeToUtf8Bytes(item.Value));
    }

    /// <summary>
    /// POST /{applications|servicePrincipals}/{id}/owners/$ref with <c>{"@odata.id": ".../directoryObjects/{ownerId}"}</c>: 204.
    /// Docs: learn.microsoft.com/graph/api/application-post-owners and serviceprincipal-post-owners. An owner that is
    /// already one is refused with 400 "One or more added object references already exist for the following modified
    /// properties: 'owners'." (Graph's Request_BadRequest for a duplicate reference); an unknown object with 404.
    /// Owners of an application can be users or service principals, not groups.
    /// </summary>
    public FakeResponse AddOwner(SourceKind parentKind, string parentId, FakeRequest request)
    {
        var reference = StoredItems.Body(request)?["@odata.id"]?.GetValue<string>();
        var ownerId = reference?.Split('/').LastOrDefault(s => s.Length > 0);
        if (ownerId is null)
            return StoredItems.BadRequest("The request body must name the new owner in '@odata.id'.");
        lock (gate)
        {
            if (Find(parentKind, parentId) is null)
                return StoredItems.NotFound(parentId);
            var owner = Principal(ownerId);
            if (owner is null)
                return StoredItems.NotFound(ownerId);
            if (parentKind == SourceKind.GraphApplications && owner["@odata.type"]?.GetValue<string>() == "#microsoft.graph.group")
                return StoredItems.BadRequest("Application owners can be users or service principals.");
            if (CurrentOwners(parentKind, parentId).Contains(ownerId, StringComparer.OrdinalIgnoreCase))
                return StoredItems.BadRequest("One or more added object references already exist for the following modified properties: 'owners'.");
            EditOwners(parentKind, parentId, owners => { owners.Add(owner.DeepClone()); return true; });
            return StoredItems.NoContent();
        }
    }

    /// <summary>
    /// DELETE /{applications|servicePrincipals}/{id}/owners/{ownerId}/$ref: 204; 404 when it is not an owner.
    /// Docs: learn.microsoft.com/graph/api/application-delete-owners and serviceprincipal-delete-owners.
    /// </summary>
    public FakeResponse RemoveOwner(SourceKind parentKind, string parentId, string ownerId)
    {
        lock (gate)
        {
            if (Find(parentKind, parentId) is null)
                return StoredItems.NotFound(parentId);
            if (!CurrentOwners(parentKind, parentId).Contains(ownerId, StringComparer.OrdinalIgnoreCase))
                return StoredItems.NotFound(ownerId);
            EditOwners(parentKind, parentId, owners =>
            {
                foreach (var match in owners.Where(o => StoredItems.SameId(StoredItems.Id(o), ownerId)).ToList())
                    owners.Remove(match);
                return true;
            });
            return StoredItems.NoContent();
        }
    }

    /// <summary>
    /// POST /{applications|servicePrincipals}/{id}/removePassword with <c>{"keyId": "..."}</c>: 204
    /// (learn.microsoft.com/graph/api/application-removepassword, serviceprincipal-removepassword). The docs list no
    /// error for a key id the object does not have; the fake refuses it with 400 Request_BadRequest rather than
    /// pretending it removed something.
    /// </summary>
    public FakeResponse RemovePassword(SourceKind parentKind, string parentId, FakeRequest request)
    {
        var keyId = StoredItems.Body(request)?["keyId"]?.GetValue<string>();
        if (keyId is null)
            return StoredItems.BadRequest("The request body must name the credential in 'keyId'.");
        lock (gate)
        {
            var parent = Find(parentKind, parentId);
            if (parent is null)
                return StoredItems.NotFound(parentId);
            var present = parent.Value.TryGetProperty("passwordCredentials", out var passwords) && passwords.ValueKind == JsonValueKind.Array
                && passwords.EnumerateArray().Any(p => StoredItems.SameId(StoredItems.Id(p, "keyId"), keyId));
            if (!present)
                return StoredItems.BadRequest($"No password credential with key id {keyId} exists on {parentId}.");
            store.Edit((_, body) =>
            {
                var changed = false;
                foreach (var item in StoredItems.Of(body).Where(i => StoredItems.SameId(StoredItems.Id(i), parentId)))
                {
                    if (item["passwordCredentials"] is not JsonArray list)
                        continue;
                    foreach (var match in list.Where(p => StoredItems.SameId(StoredItems.Id(p, "keyId"), keyId)).ToList())
                        changed |= list.Remove(match);
                }
                return changed;
            }, parentKind);
            return StoredItems.NoContent();
        }
    }

    private JsonElement? Find(SourceKind kind, string id)
    {
        foreach (var (_, item) in store.Items(kind))
        {
            if (StoredItems.SameId(StoredItems.Id(item), id))
                return item;
        }
        return null;
    }

    /// <summary>A user or service principal as <c>$expand=owners</c> returns it, or null when the directory has no such object.</summary>
    private JsonObject? Principal(string id)
    {
        if (Find(SourceKind.GraphUsers, id) is { } user)
            return new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.user", ["id"] = StoredItems.Id(user),
                ["displayName"] = user.TryGetProperty("displayName", out var n) ? n.GetString() : null,
                ["userPrincipalName"] = user.TryGetProperty("userPrincipalName", out var u) ? u.GetString() : null,
            };
        if (Find(SourceKind.GraphServicePrincipals, id) is { } sp)
            return new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.servicePrincipal", ["id"] = StoredItems.Id(sp),
                ["displayName"] = sp.TryGetProperty("displayName", out var n) ? n.GetString() : null,
            };
        return null;
    }

    /// <summary>Owners as the derived owners route and the expanded lists show them.</summary>
    private List<string> CurrentOwners(SourceKind parentKind, string parentId)
    {
        var owners = new List<string>();
        foreach (var (route, item) in store.Items(OwnersKind(parentKind)))
        {
            if (StoredItems.SameId(route.ObjectId, parentId) && StoredItems.Id(item) is { } id)
                owners.Add(id);
        }
        if (Find(parentKind, parentId) is { } parent && parent.TryGetProperty("owners", out var expanded) && expanded.ValueKind == JsonValueKind.Array)
            owners.AddRange(expanded.EnumerateArray().Select(o => StoredItems.Id(o)).OfType<string>());
        return [.. owners.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Applies one change to every stored copy of an object's owners: expanded on the list and per-object owner pages.</summary>
    private void EditOwners(SourceKind parentKind, string parentId, Func<JsonArray, bool> change)
    {
        // An object whose owners were read per object (not expanded) keeps them there: giving it an expanded list now
        // would hide the others from the next scan.
        var ownersPaged = store.Items(OwnersKind(parentKind)).Any(i => StoredItems.SameId(i.Route.ObjectId, parentId))
            || store.Find($"https://graph.microsoft.com/v1.0/{(parentKind == SourceKind.GraphApplications ? "applications" : "servicePrincipals")}/{parentId}/owners") is not null;
        store.Edit((_, body) =>
        {
            var changed = false;
            foreach (var item in StoredItems.Of(body).Where(i => StoredItems.SameId(StoredItems.Id(i), parentId)))
            {
                if (item["owners"] is not JsonArray owners)
                {
                    if (ownersPaged)
                        continue;
                    item["owners"] = owners = [];
                }
                changed |= change(owners);
            }
            return changed;
        }, parentKind);
        store.Edit((route, body) => StoredItems.SameId(route.ObjectId, parentId) && body is JsonObject root && root["value"] is JsonArray owners && change(owners),
            OwnersKind(parentKind));
    }
}
