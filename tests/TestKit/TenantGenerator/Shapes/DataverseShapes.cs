using System.Text.Json;
using System.Text.Json.Nodes;
using TenantScanner.TestKit.TenantGenerator.Model;

namespace TenantScanner.TestKit.TenantGenerator.Shapes;

/// <summary>Dataverse Web API (v9.2) rows, with the OData annotations and columns the service adds.</summary>
internal static class DataverseShapes
{
    public const string ApiPath = "api/data/v9.2";

    public static JsonObject Workflow(FlowSpec flow, JsonObject definition, string? ownerFullName, string etagSeed)
    {
        var solution = flow.Solution ?? throw new ArgumentException("Only solution flows live in Dataverse.", nameof(flow));
        var statecode = flow.State switch { "Started" => 1, "Suspended" => 2, _ => 0 };
        var row = new JsonObject
        {
            ["@odata.etag"] = $"W/\"{etagSeed}\"",
            ["workflowid"] = solution.WorkflowId,
            ["name"] = flow.DisplayName,
            ["category"] = 5,
            ["type"] = 1,
            ["mode"] = 0,
            ["scope"] = 4,
            ["primaryentity"] = "none",
            ["statecode"] = statecode,
            ["statuscode"] = statecode == 1 ? 2 : 1,
            ["ismanaged"] = false,
            ["modernflowtype"] = 0,
            ["_ownerid_value"] = solution.OwnerSystemUserId,
            ["_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname"] = "systemuser",
            ["_createdby_value"] = solution.CreatedBySystemUserId,
            ["createdon"] = Json.Iso(flow.CreatedTime),
            ["modifiedon"] = Json.Iso(flow.LastModifiedTime),
            ["resourceid"] = flow.Name,
            ["workflowidunique"] = solution.WorkflowIdUnique,
            ["description"] = null,
            // The service stores the flow as a JSON document inside a string column.
            ["clientdata"] = ClientData(flow, definition),
        };
        if (ownerFullName is not null)
            row.Insert(row.IndexOf("_createdby_value"), "_ownerid_value@OData.Community.Display.V1.FormattedValue", ownerFullName);
        return row;
    }

    public static JsonObject ConnectionReference(ConnectionReferenceSpec reference, string etagSeed) => new()
    {
        ["@odata.etag"] = $"W/\"{etagSeed}\"",
        ["connectionreferenceid"] = reference.Id,
        ["connectionreferencelogicalname"] = reference.LogicalName,
        ["connectionreferencedisplayname"] = reference.DisplayName,
        ["connectorid"] = Connectors.ApiId(reference.Connection.ApiName),
        ["connectionid"] = reference.Connection.Name,
        ["description"] = null,
        ["statecode"] = 0,
        ["statuscode"] = 1,
        ["ismanaged"] = false,
        ["_ownerid_value"] = reference.OwnerSystemUserId,
        ["createdon"] = Json.Iso(reference.CreatedOn),
        ["modifiedon"] = Json.Iso(reference.CreatedOn.AddDays(1)),
    };

    public static JsonObject SystemUser(SystemUserSpec user, string etagSeed) => new()
    {
        ["@odata.etag"] = $"W/\"{etagSeed}\"",
        ["systemuserid"] = user.SystemUserId,
        ["fullname"] = user.FullName,
        ["applicationid"] = user.ApplicationId,
        ["isdisabled"] = user.IsDisabled,
        ["azureactivedirectoryobjectid"] = user.AzureActiveDirectoryObjectId,
        ["domainname"] = user.DomainName,
        ["accessmode"] = user.ApplicationId is null ? 0 : 4,
        ["islicensed"] = user.ApplicationId is null,
        ["createdon"] = Json.Iso(user.CreatedOn),
    };

    public static JsonObject VariableDefinition(EnvironmentVariableSpec variable, string etagSeed) => new()
    {
        ["@odata.etag"] = $"W/\"{etagSeed}\"",
        ["environmentvariabledefinitionid"] = variable.DefinitionId,
        ["schemaname"] = variable.SchemaName,
        ["displayname"] = variable.DisplayName,
        ["type"] = variable.Type,
        ["type@OData.Community.Display.V1.FormattedValue"] = TypeName(variable.Type),
        ["defaultvalue"] = variable.DefaultValue,
        ["description"] = variable.Description,
        ["secretstore"] = variable.Type == 100000005 ? 0 : null,
        ["valueschema"] = null,
        ["statecode"] = 0,
        ["ismanaged"] = false,
        ["createdon"] = Json.Iso(variable.CreatedOn),
    };

    public static JsonObject VariableValue(EnvironmentVariableSpec variable, string etagSeed) => new()
    {
        ["@odata.etag"] = $"W/\"{etagSeed}\"",
        ["environmentvariablevalueid"] = variable.ValueId,
        ["schemaname"] = variable.SchemaName,
        ["value"] = variable.Value,
        ["_environmentvariabledefinitionid_value"] = variable.DefinitionId,
        ["statecode"] = 0,
        ["ismanaged"] = false,
        ["createdon"] = Json.Iso(variable.CreatedOn.AddDays(2)),
    };

    private static string ClientData(FlowSpec flow, JsonObject definition)
    {
        var references = new JsonObject();
        foreach (var use in flow.Connections)
        {
            references[use.ReferenceName] = new JsonObject
            {
                ["runtimeSource"] = "embedded",
                ["connection"] = new JsonObject { ["connectionReferenceLogicalName"] = use.ConnectionReferenceLogicalName },
                ["api"] = new JsonObject { ["name"] = use.Connection.ApiName },
            };
        }
        var clientData = new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["connectionReferences"] = references,
                ["definition"] = definition.DeepClone(),
                ["templateName"] = null,
            },
            ["schemaVersion"] = "1.0.0.0",
        };
        return clientData.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string TypeName(int type) => type switch
    {
        100000000 => "String",
        100000001 => "Number",
        100000002 => "Boolean",
        100000003 => "JSON",
        100000004 => "Data source",
        100000005 => "Secret",
        _ => "Unknown",
    };
}
