using System.Text.Json.Nodes;
using TenantScanner.TestKit.TenantGenerator.Model;
using TenantScanner.TestKit.TenantGenerator.Shapes;
using TenantScanner.Snapshots;

namespace TenantScanner.TestKit.TenantGenerator.Output;

/// <summary>What was written, for the console summary.</summary>
internal sealed record SnapshotSummary(int Files, long Bytes, long ServicePrincipals, long Users, long Flows);

/// <summary>
/// Writes a <see cref="TenantModel"/> as a snapshot folder in collection order: directory first,
/// then Power Platform per environment, then Key Vault, then the manifest. Every request URL is the
/// canonical one from docs/snapshot-format.md.
/// </summary>
internal sealed class TenantSnapshotWriter(SnapshotLayout layout, StableIds ids)
{
    private const string Graph = GraphShapes.Base;
    private const string ApiVersion = "api-version=2016-11-01";
    private static readonly ToolInfo Tool = new("tenant-generator", "0.1.0");

    public SnapshotSummary Write(TenantModel model, string folder)
    {
        var tenant = model.Tenant;
        using var snapshot = new SnapshotWriter(folder);
        var writer = new GeneratedResponseWriter(snapshot, tenant.CollectedAt, layout.Indented);
        var pages = new PagedListWriter(writer, ids);

        var (servicePrincipals, users) = WriteDirectory(model, writer, pages);
        long flows = 0;
        foreach (var env in model.Environments)
            flows += WriteEnvironment(model, env, writer, pages);
        foreach (var vault in model.KeyVaults)
        {
            pages.Write(new ListRequest($"keyvault/{vault.VaultName}/secrets", $"https://{vault.VaultName}.vault.azure.net/secrets?api-version=7.5&maxresults=25",
                25, NullNextLinkOnLastPage: true), vault.Secrets.Select(s => KeyVaultShapes.Secret(vault.VaultName, s)));
        }

        snapshot.Complete(tenant.TenantId, tenant.DisplayName, Tool, tenant.CollectedAt);
        return new SnapshotSummary(snapshot.FileCount, snapshot.BytesWritten, servicePrincipals, users, flows);
    }

    private (long ServicePrincipals, long Users) WriteDirectory(TenantModel model, GeneratedResponseWriter writer, PagedListWriter pages)
    {
        var tenant = model.Tenant;
        var size = layout.GraphPageSize;
        pages.Write(new ListRequest("graph/organization", $"{Graph}/organization", size, $"{Graph}/$metadata#organization"),
            [GraphShapes.Organization(tenant)]);

        var users = pages.Write(new ListRequest("graph/users",
            $"{Graph}/users?$top={size}&$select=id,displayName,givenName,surname,userPrincipalName,mail,jobTitle,department,officeLocation,accountEnabled,userType,createdDateTime,employeeLeaveDateTime",
            size, $"{Graph}/$metadata#users(id,displayName,givenName,surname,userPrincipalName,mail,jobTitle,department,officeLocation,accountEnabled,userType,createdDateTime,employeeLeaveDateTime)"),
            model.Users.Select(u => GraphShapes.User(u)));
        pages.Write(new ListRequest("graph/deletedUsers", $"{Graph}/directory/deletedItems/microsoft.graph.user?$top={size}",
            size, $"{Graph}/$metadata#directoryObjects/microsoft.graph.user"),
            model.DeletedUsers.Select(u => GraphShapes.User(u, deleted: true)));

        var servicePrincipals = pages.Write(new ListRequest("graph/servicePrincipals",
            $"{Graph}/servicePrincipals?$top={size}&$expand=owners($select=id,displayName,userPrincipalName)",
            size, $"{Graph}/$metadata#servicePrincipals(owners(id,displayName,userPrincipalName))"),
            model.ServicePrincipals.Select(sp => GraphShapes.ServicePrincipal(sp, tenant.TenantId)));

        var expand = layout.FederatedCredentialsPerApplication
            ? "owners($select=id,displayName,userPrincipalName)"
            : "owners($select=id,displayName,userPrincipalName),federatedIdentityCredentials";
        pages.Write(new ListRequest("graph/applications", $"{Graph}/applications?$top={size}&$expand={expand}",
            size, $"{Graph}/$metadata#applications({expand.Replace("($select=", "(", StringComparison.Ordinal)})"),
            model.Applications.Select(a => GraphShapes.Application(a, !layout.FederatedCredentialsPerApplication)));
        if (layout.FederatedCredentialsPerApplication)
        {
            foreach (var app in model.Applications)
            {
                pages.Write(new ListRequest($"graph/federatedIdentityCredentials/{app.Id}", $"{Graph}/applications/{app.Id}/federatedIdentityCredentials",
                    size, $"{Graph}/$metadata#applications('{app.Id}')/federatedIdentityCredentials"),
                    app.FederatedCredentials.Select(GraphShapes.FederatedCredential));
            }
        }

        WriteAppRoleAssignments(model, pages);

        pages.Write(new ListRequest("graph/oauth2PermissionGrants", $"{Graph}/oauth2PermissionGrants?$top={size}",
            size, $"{Graph}/$metadata#oauth2PermissionGrants"), model.PermissionGrants.Select(GraphShapes.PermissionGrant));
        pages.Write(new ListRequest("graph/roleDefinitions", $"{Graph}/roleManagement/directory/roleDefinitions?$select=id,displayName,description,templateId,isBuiltIn,isEnabled,resourceScopes,version,rolePermissions,inheritsPermissionsFrom",
            size, $"{Graph}/$metadata#roleManagement/directory/roleDefinitions"), model.RoleDefinitions.Select(GraphShapes.RoleDefinition));
        pages.Write(new ListRequest("graph/roleAssignments", $"{Graph}/roleManagement/directory/roleAssignments?$top={size}",
            size, $"{Graph}/$metadata#roleManagement/directory/roleAssignments"), model.RoleAssignments.Select(GraphShapes.RoleAssignment));
        return (servicePrincipals, users);
    }

    private void WriteAppRoleAssignments(TenantModel model, PagedListWriter pages)
    {
        var size = layout.GraphPageSize;
        if (layout.AppRoleAssignments == AppRoleAssignmentLayout.AssignedToGraphResource)
        {
            var graphSp = model.GraphServicePrincipal.Id;
            pages.Write(new ListRequest($"graph/appRoleAssignedTo/{graphSp}", $"{Graph}/servicePrincipals/{graphSp}/appRoleAssignedTo?$top={size}",
                size, $"{Graph}/$metadata#servicePrincipals('{graphSp}')/appRoleAssignedTo"),
                model.AppRoleAssignments.Select(GraphShapes.AppRoleAssignment));
            return;
        }
        // A collector of a small tenant asks every service principal for its own assignments; most answer with an empty list.
        var byPrincipal = model.AppRoleAssignments.ToLookup(a => a.PrincipalId, StringComparer.Ordinal);
        foreach (var sp in model.ServicePrincipals)
        {
            pages.Write(new ListRequest($"graph/appRoleAssignments/{sp.Id}", $"{Graph}/servicePrincipals/{sp.Id}/appRoleAssignments",
                size, $"{Graph}/$metadata#servicePrincipals('{sp.Id}')/appRoleAssignments"),
                byPrincipal[sp.Id].Select(GraphShapes.AppRoleAssignment));
        }
    }

    private long WriteEnvironment(TenantModel model, EnvironmentSpec env, GeneratedResponseWriter writer, PagedListWriter pages)
    {
        var tenantId = model.Tenant.TenantId;
        if (ReferenceEquals(env, model.Environments[0]))
        {
            // Tenant-wide Power Platform lists are read once, before the first environment.
            pages.Write(new ListRequest("bap/environments", $"{PowerPlatformShapes.BapBase}/scopes/admin/environments?api-version=2021-04-01&$expand=properties.capacity,properties.addons",
                layout.AdminPageSize), model.Environments.Select(e => PowerPlatformShapes.Environment(e, tenantId)));
            pages.Write(new ListRequest("bap/adminApplications", $"{PowerPlatformShapes.BapBase}/adminApplications?api-version=2020-10-01",
                layout.AdminPageSize), model.ManagementApplicationIds.Select(PowerPlatformShapes.AdminApplication));
        }

        var folder = $"flow/{env.Name}";
        var flowsUrl = $"{PowerPlatformShapes.FlowBase}/{env.Name}/v2/flows?{ApiVersion}&$top={layout.FlowListPageSize}";
        var flowCount = pages.Write(new ListRequest($"{folder}/flows", flowsUrl, layout.FlowListPageSize),
            model.Flows(env).Select(f => PowerPlatformShapes.FlowListItem(f, tenantId, f.Definition())));
        foreach (var flow in model.Flows(env))
        {
            var flowUrl = $"{PowerPlatformShapes.FlowBase}/{env.Name}/flows/{flow.Name}";
            writer.WriteResponse($"{folder}/flows/{flow.Name}.json", $"{flowUrl}?{ApiVersion}&$expand=properties.connectionReferences.apiDefinition,properties.definition",
                PowerPlatformShapes.FlowDetails(flow, tenantId, flow.Definition()));
            pages.Write(new ListRequest($"{folder}/flows/{flow.Name}-owners", $"{flowUrl}/owners?{ApiVersion}", layout.AdminPageSize),
                flow.Owners.Select(o => PowerPlatformShapes.FlowOwner(flow, o, tenantId)));
        }
        pages.Write(new ListRequest($"powerapps/{env.Name}/connections", $"{PowerPlatformShapes.PowerAppsBase}/{env.Name}/connections?api-version=2016-11-01&$top={layout.AdminPageSize}",
            layout.AdminPageSize), model.Connections(env).Select(c => PowerPlatformShapes.Connection(c, tenantId)));

        if (env.InstanceUrl is not null)
            WriteDataverse(model, env, pages);
        return flowCount;
    }

    private void WriteDataverse(TenantModel model, EnvironmentSpec env, PagedListWriter pages)
    {
        var org = env.InstanceUrl!.TrimEnd('/');
        var host = new Uri(org).Host.Split('.')[0];
        var folder = $"dataverse/{host}";
        var size = layout.DataversePageSize;
        var content = model.Dataverse(env);
        var names = content.SystemUsers.ToDictionary(u => u.SystemUserId, u => u.FullName, StringComparer.Ordinal);
        var etag = 4_810_000;

        ListRequest Request(string table, string query) =>
            new($"{folder}/{table}", $"{org}/{DataverseShapes.ApiPath}/{table}?{query}", size,
                $"{org}/{DataverseShapes.ApiPath}/$metadata#{table}", "$skiptoken");

        pages.Write(Request("workflows", "$filter=category%20eq%205&$select=workflowid,name,category,statecode,statuscode,_ownerid_value,_createdby_value,createdon,modifiedon,clientdata,resourceid,workflowidunique"),
            model.Flows(env).Where(f => f.Solution is not null).Select(f => DataverseShapes.Workflow(f, f.Definition(),
                names.GetValueOrDefault(f.Solution!.OwnerSystemUserId), (etag++).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        pages.Write(Request("connectionreferences", "$select=connectionreferenceid,connectionreferencelogicalname,connectionreferencedisplayname,connectorid,connectionid,_ownerid_value"),
            content.ConnectionReferences.Select(r => DataverseShapes.ConnectionReference(r, Etag(ref etag))));
        pages.Write(Request("systemusers", "$filter=applicationid%20ne%20null&$select=systemuserid,applicationid,fullname,isdisabled,azureactivedirectoryobjectid"),
            content.SystemUsers.Where(u => u.ApplicationId is not null).Select(u => DataverseShapes.SystemUser(u, Etag(ref etag))));
        pages.Write(Request("environmentvariabledefinitions", "$select=environmentvariabledefinitionid,schemaname,displayname,type,defaultvalue"),
            content.EnvironmentVariables.Select(v => DataverseShapes.VariableDefinition(v, Etag(ref etag))));
        pages.Write(Request("environmentvariablevalues", "$select=environmentvariablevalueid,_environmentvariabledefinitionid_value,value"),
            content.EnvironmentVariables.Where(v => v.ValueId is not null).Select(v => DataverseShapes.VariableValue(v, Etag(ref etag))));
    }

    private static string Etag(ref int counter) => (counter++).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
