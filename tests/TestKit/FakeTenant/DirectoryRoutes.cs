namespace TenantScanner.FakeTenant;

/// <summary>
/// The routing table of the write side (and the per-object reads apply uses to check a target before changing
/// it). Listed before the read routes, whose catch-all GET would otherwise answer these paths.
/// </summary>
public static class DirectoryRoutes
{
    public static IReadOnlyList<FakeRoute> All() =>
    [
        Route("graph.object", "GET", "v1.0/{}/{}", (v, r, s) => s.Directory.Get(DirectoryWrites.ParentKind(v[0]), v[1])),
        Route("graph.owners.add", "POST", "v1.0/{}/{}/owners/$ref", (v, r, s) => s.Directory.AddOwner(DirectoryWrites.ParentKind(v[0]), v[1], r)),
        Route("graph.owners.remove", "DELETE", "v1.0/{}/{}/owners/{}/$ref", (v, r, s) => s.Directory.RemoveOwner(DirectoryWrites.ParentKind(v[0]), v[1], v[2])),
        Route("graph.removePassword", "POST", "v1.0/{}/{}/removePassword", (v, r, s) => s.Directory.RemovePassword(DirectoryWrites.ParentKind(v[0]), v[1], r)),
        Route("graph.appRoleAssignedTo.delete", "DELETE", "v1.0/servicePrincipals/{}/appRoleAssignedTo/{}", (v, r, s) => s.Permissions.DeleteAppRoleAssignment(v[0], v[1])),
        Route("graph.appRoleAssignedTo.create", "POST", "v1.0/servicePrincipals/{}/appRoleAssignedTo", (v, r, s) => s.Permissions.CreateAppRoleAssignment(v[0], r)),
        Route("graph.roleAssignment.get", "GET", "v1.0/roleManagement/directory/roleAssignments/{}", (v, r, s) => s.Permissions.GetRoleAssignment(v[0])),
        Route("graph.roleAssignment.delete", "DELETE", "v1.0/roleManagement/directory/roleAssignments/{}", (v, r, s) => s.Permissions.DeleteRoleAssignment(v[0])),
        Route("graph.roleAssignment.create", "POST", "v1.0/roleManagement/directory/roleAssignments", (v, r, s) => s.Permissions.CreateRoleAssignment(r)),
        Route("graph.grant.get", "GET", "v1.0/oauth2PermissionGrants/{}", (v, r, s) => s.Permissions.GetGrant(v[0])),
        Route("graph.grant.delete", "DELETE", "v1.0/oauth2PermissionGrants/{}", (v, r, s) => s.Permissions.DeleteGrant(v[0])),
        Route("graph.grant.create", "POST", "v1.0/oauth2PermissionGrants", (v, r, s) => s.Permissions.CreateGrant(r)),
    ];

    private static bool IsParent(string segment) =>
        segment.Equals("applications", StringComparison.OrdinalIgnoreCase) || segment.Equals("servicePrincipals", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A route for a path template; a template starting with a placeholder (<c>v1.0/{}/...</c>) matches only applications
    /// and service principals, so that e.g. GET /v1.0/users/{id} goes on to the read routes.
    /// </summary>
    private static FakeRoute Route(string name, string method, string template, Func<string[], FakeRequest, FakeTenantState, FakeResponse> handle) =>
        new(name, method,
            request => StoredItems.TryMatch(request, template, out var values) && (!template.StartsWith("v1.0/{}/", StringComparison.Ordinal) || IsParent(values[0])),
            (request, state) => StoredItems.TryMatch(request, template, out var values) ? handle(values, request, state) : TenantRoutes.Get(request, state));

    /// <summary>Writes the fake understands: everything but the read-only POSTs of collection.</summary>
    public static bool IsWrite(FakeRequest request) =>
        !request.Method.Equals("GET", StringComparison.OrdinalIgnoreCase)
        && !request.Uri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal)
        && !request.Uri.AbsolutePath.EndsWith("/directoryObjects/getByIds", StringComparison.OrdinalIgnoreCase);
}
