using System.Text.Json.Nodes;
using TenantScanner.TestKit.TenantGenerator.Model;

namespace TenantScanner.TestKit.TenantGenerator.Shapes;

/// <summary>BAP, Power Automate admin and Power Apps admin API shapes.</summary>
internal static class PowerPlatformShapes
{
    public const string BapBase = "https://api.bap.microsoft.com/providers/Microsoft.BusinessAppPlatform";
    public const string FlowBase = "https://api.flow.microsoft.com/providers/Microsoft.ProcessSimple/scopes/admin/environments";
    public const string PowerAppsBase = "https://api.powerapps.com/providers/Microsoft.PowerApps/scopes/admin/environments";

    public static JsonObject Environment(EnvironmentSpec env, string tenantId)
    {
        var properties = new JsonObject
        {
            ["tenantId"] = tenantId,
            ["azureRegion"] = env.AzureRegion,
            ["displayName"] = env.DisplayName,
            ["description"] = "",
            ["createdTime"] = Json.IsoPrecise(env.CreatedTime),
            ["createdBy"] = new JsonObject
            {
                ["id"] = env.CreatedBy.Id,
                ["displayName"] = env.CreatedBy.DisplayName,
                ["email"] = env.CreatedBy.Mail,
                ["type"] = "User",
                ["tenantId"] = tenantId,
                ["userPrincipalName"] = env.CreatedBy.UserPrincipalName,
            },
            ["lastModifiedTime"] = Json.IsoPrecise(env.CreatedTime.AddDays(30)),
            ["provisioningState"] = "Succeeded",
            ["creationType"] = env.IsDefault ? "DefaultTenant" : "User",
            ["environmentSku"] = env.Sku,
            ["isDefault"] = env.IsDefault,
            ["clientUris"] = new JsonObject
            {
                ["admin"] = $"https://admin.powerplatform.microsoft.com/environments/environment/{env.Name}/hub",
                ["maker"] = $"https://make.powerapps.com/environments/{env.Name}/home",
            },
            ["runtimeEndpoints"] = new JsonObject
            {
                ["microsoft.BusinessAppPlatform"] = "https://europe.api.bap.microsoft.com",
                ["microsoft.PowerApps"] = "https://europe.api.powerapps.com",
                ["microsoft.Flow"] = "https://europe.api.flow.microsoft.com",
            },
            ["databaseType"] = env.InstanceUrl is null ? "None" : "CommonDataService",
            ["protectionStatus"] = new JsonObject { ["keyManagedBy"] = "Microsoft" },
            ["retentionPeriod"] = "SevenDays",
            ["states"] = new JsonObject
            {
                ["management"] = new JsonObject { ["id"] = "Ready" },
                ["runtime"] = new JsonObject { ["id"] = "Enabled" },
            },
            ["updateCadence"] = new JsonObject { ["id"] = "Frequent" },
        };
        if (env.InstanceUrl is not null)
        {
            properties["linkedEnvironmentMetadata"] = new JsonObject
            {
                ["type"] = "Dynamics365Instance",
                ["resourceId"] = env.Name,
                ["friendlyName"] = env.DisplayName,
                ["uniqueName"] = env.DataverseUniqueName,
                ["domainName"] = new Uri(env.InstanceUrl).Host.Split('.')[0],
                ["version"] = "9.2.26103.00180",
                ["instanceUrl"] = env.InstanceUrl,
                ["instanceApiUrl"] = env.InstanceUrl.Replace(".crm4.", ".api.crm4.", StringComparison.Ordinal),
                ["baseLanguage"] = 1033,
                ["instanceState"] = "Ready",
                ["createdTime"] = Json.IsoPrecise(env.CreatedTime.AddMinutes(7)),
                ["platformSku"] = "Standard",
            };
        }
        return new JsonObject
        {
            ["id"] = $"/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments/{env.Name}",
            ["type"] = "Microsoft.BusinessAppPlatform/scopes/environments",
            ["location"] = env.Location,
            ["name"] = env.Name,
            ["properties"] = properties,
        };
    }

    public static JsonObject AdminApplication(string applicationId) => new() { ["applicationId"] = applicationId };

    public static JsonObject FlowListItem(FlowSpec flow, string tenantId, JsonObject definition) =>
        Flow(flow, tenantId, definition, includeDefinition: false);

    public static JsonObject FlowDetails(FlowSpec flow, string tenantId, JsonObject definition) =>
        Flow(flow, tenantId, definition, includeDefinition: true);

    public static JsonObject FlowOwner(FlowSpec flow, FlowOwnerSpec owner, string tenantId) => new()
    {
        ["name"] = owner.PrincipalId,
        ["id"] = $"/providers/Microsoft.ProcessSimple/environments/{flow.Environment.Name}/flows/{flow.Name}/permissions/{owner.PrincipalId}",
        ["type"] = "Microsoft.ProcessSimple/environments/flows/permissions",
        ["properties"] = new JsonObject
        {
            ["roleName"] = owner.RoleName,
            ["permissionType"] = "Principal",
            ["principal"] = new JsonObject
            {
                ["id"] = owner.PrincipalId,
                ["type"] = owner.Type,
                ["tenantId"] = tenantId,
                ["displayName"] = owner.DisplayName,
                ["email"] = owner.Email,
            },
        },
    };

    public static JsonObject Connection(ConnectionSpec connection, string tenantId)
    {
        var properties = new JsonObject
        {
            ["apiId"] = Connectors.ApiId(connection.ApiName),
            ["displayName"] = connection.DisplayName,
            ["iconUri"] = Connectors.IconUri(connection.ApiName),
            ["statuses"] = connection.Error is null
                ? new JsonArray(new JsonObject { ["status"] = "Connected" })
                : new JsonArray(new JsonObject
                {
                    ["status"] = "Error",
                    ["target"] = "token",
                    ["error"] = new JsonObject { ["code"] = connection.Error.Code, ["message"] = connection.Error.Message },
                }),
        };
        switch (connection.Identity)
        {
            case UserOAuthIdentity user:
                properties["connectionParameters"] = new JsonObject { ["token:grantType"] = "code" };
                properties["authenticatedUser"] = new JsonObject { ["name"] = user.User.SignInName };
                properties["accountName"] = user.User.SignInName;
                break;
            case ServicePrincipalIdentity sp:
                properties["connectionParametersSet"] = new JsonObject
                {
                    ["name"] = "oauthSP",
                    ["values"] = new JsonObject
                    {
                        ["token:clientId"] = new JsonObject { ["value"] = sp.ClientId },
                        ["token:TenantId"] = new JsonObject { ["value"] = sp.TenantId },
                        ["token:grantType"] = new JsonObject { ["value"] = "client_credentials" },
                    },
                };
                break;
        }
        properties["keywordsRemaining"] = 1000;
        properties["createdBy"] = new JsonObject
        {
            ["id"] = connection.CreatedBy.Id,
            ["displayName"] = connection.CreatedBy.DisplayName,
            ["email"] = connection.CreatedBy.Mail,
            ["type"] = "User",
            ["tenantId"] = tenantId,
            ["userPrincipalName"] = connection.CreatedBy.SignInName,
        };
        properties["createdTime"] = Json.IsoPrecise(connection.CreatedTime);
        properties["lastModifiedTime"] = Json.IsoPrecise(connection.CreatedTime.AddHours(3));
        properties["environment"] = new JsonObject
        {
            ["id"] = $"/providers/Microsoft.PowerApps/environments/{connection.EnvironmentName}",
            ["name"] = connection.EnvironmentName,
        };
        properties["allowSharing"] = false;
        properties["testLinks"] = new JsonArray();
        return new JsonObject
        {
            ["name"] = connection.Name,
            ["id"] = $"{Connectors.ApiId(connection.ApiName)}/connections/{connection.Name}",
            ["type"] = "Microsoft.PowerApps/apis/connections",
            ["properties"] = properties,
        };
    }

    private static JsonObject Flow(FlowSpec flow, string tenantId, JsonObject definition, bool includeDefinition)
    {
        var env = flow.Environment.Name;
        var properties = new JsonObject
        {
            ["apiId"] = "/providers/Microsoft.PowerApps/apis/shared_logicflows",
            ["displayName"] = flow.DisplayName,
            ["userType"] = "Owner",
            ["state"] = flow.State,
            ["createdTime"] = Json.IsoPrecise(flow.CreatedTime),
            ["lastModifiedTime"] = Json.IsoPrecise(flow.LastModifiedTime),
            ["flowSuspensionReason"] = flow.State == "Suspended" ? "CompanyDlpViolation" : "None",
            ["environment"] = new JsonObject
            {
                ["name"] = env,
                ["type"] = "Microsoft.ProcessSimple/environments",
                ["id"] = $"/providers/Microsoft.ProcessSimple/environments/{env}",
            },
            ["definitionSummary"] = FlowDefinitionSummary.Of(definition),
            ["creator"] = new JsonObject
            {
                ["tenantId"] = tenantId,
                ["objectId"] = flow.Creator.Id,
                ["userId"] = flow.Creator.Id,
                ["userType"] = "ActiveDirectory",
            },
            ["provisioningMethod"] = flow.Solution is null ? "FromDefinition" : "FromSolution",
            ["flowFailureAlertSubscribed"] = false,
            ["isManaged"] = false,
        };
        if (flow.Solution is not null)
            properties["workflowEntityId"] = flow.Solution.WorkflowId;
        if (includeDefinition)
        {
            properties["definition"] = definition.DeepClone();
            properties["connectionReferences"] = ConnectionReferences(flow);
        }
        return new JsonObject
        {
            ["name"] = flow.Name,
            ["id"] = $"/providers/Microsoft.ProcessSimple/environments/{env}/flows/{flow.Name}",
            ["type"] = "Microsoft.ProcessSimple/environments/flows",
            ["properties"] = properties,
        };
    }

    /// <summary>The flow GET's connectionReferences map (solution flows also name their Dataverse connection reference).</summary>
    private static JsonObject ConnectionReferences(FlowSpec flow)
    {
        var map = new JsonObject();
        foreach (var use in flow.Connections)
        {
            var reference = new JsonObject
            {
                ["connectionName"] = use.Connection.Name,
                ["source"] = use.ConnectionReferenceLogicalName is null ? "Embedded" : "Invoker",
                ["id"] = Connectors.ApiId(use.Connection.ApiName),
                ["displayName"] = Connectors.DisplayName(use.Connection.ApiName),
                ["iconUri"] = Connectors.IconUri(use.Connection.ApiName),
                ["tier"] = "NotSpecified",
                ["isProcessSimpleApiReferenceConversionAllowed"] = true,
            };
            if (use.ConnectionReferenceLogicalName is not null)
                reference["connectionReferenceLogicalName"] = use.ConnectionReferenceLogicalName;
            map[use.ReferenceName] = reference;
        }
        return map;
    }
}
