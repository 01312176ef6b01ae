using System.Text.Json.Nodes;
using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Tests.Live;

/// <summary>
/// Writes a small but complete snapshot: every source the collector reads, with multi-page lists
/// (nextLink and @odata.nextLink), an owner list that overflows $expand, two environments (one with
/// Dataverse) and a vault. Written with the scanner's own <see cref="SnapshotWriter"/>.
/// </summary>
public sealed class TestSnapshotBuilder
{
    public const string EnvA = "env-a";
    public const string EnvB = "env-b";
    public const string Vault = "https://kv1.vault.azure.net";
    private const string Graph = "https://graph.microsoft.com/v1.0";
    private const string Dataverse = "https://orga.crm.dynamics.com/api/data/v9.2";

    private readonly SnapshotWriter _writer;
    private int _n;

    private TestSnapshotBuilder(SnapshotWriter writer) => _writer = writer;

    /// <summary>Writes the snapshot to <paramref name="folder"/>, which must not exist yet; returns the folder.</summary>
    public static string Create(string folder)
    {
        using var writer = new SnapshotWriter(folder);
        new TestSnapshotBuilder(writer).Build();
        return writer.Complete("tenant-1", null, new ToolInfo("test", "1"),
            DateTimeOffset.Parse("2026-11-27T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    private void Build()
    {
        List($"{Graph}/organization", [new JsonObject { ["id"] = "tenant-1", ["displayName"] = "Contoso Test", ["verifiedDomains"] = new JsonArray() }]);
        var graphSp = Sp("sp-graph", "Microsoft Graph", appRoles: true, owners: 0);
        var sps = new[] { graphSp, Sp("sp-1", "Payroll bot", false, 1), Sp("sp-2", "Zoë Müller's app", false, 0), Sp("sp-3", "Busy app", true, 21), Sp("sp-4", "山田太郎 sync", false, 2) };
        Pages($"{Graph}/servicePrincipals?$top=999", sps.Chunk(2).ToList());
        List($"{Graph}/servicePrincipals/sp-3/owners?$select=id&$top=999", [.. Enumerable.Range(0, 21).Select(i => Owner($"user-{i % 3}"))]);
        Pages($"{Graph}/applications?$top=999", [[App("app-1", 1), App("app-2", 0), App("app-3", 1, secrets: false)]]);
        List($"{Graph}/applications/app-1/federatedIdentityCredentials", [new JsonObject
        {
            ["id"] = "fic-1", ["name"] = "github-main", ["issuer"] = "https://token.actions.githubusercontent.com",
            ["subject"] = "repo:contoso/payroll:ref:refs/heads/main", ["audiences"] = new JsonArray("api://AzureADTokenExchange"),
        }]);
        List($"{Graph}/applications/app-2/federatedIdentityCredentials", []);
        Pages($"{Graph}/users?$top=999", [[User("user-0", true), User("user-1", false)], [User("user-2", true)]]);
        List($"{Graph}/directory/deletedItems/microsoft.graph.user?$top=999", [User("user-9", false)]);
        List($"{Graph}/oauth2PermissionGrants", [new JsonObject { ["id"] = "g1", ["clientId"] = "sp-1", ["consentType"] = "AllPrincipals", ["resourceId"] = "sp-graph", ["scope"] = "User.Read Mail.Read" }]);
        List($"{Graph}/roleManagement/directory/roleAssignments", [new JsonObject { ["id"] = "ra1", ["principalId"] = "sp-1", ["roleDefinitionId"] = "rd1", ["directoryScopeId"] = "/" }]);
        List($"{Graph}/roleManagement/directory/roleDefinitions", [new JsonObject { ["id"] = "rd1", ["displayName"] = "Global Administrator", ["templateId"] = "rd1", ["isBuiltIn"] = true }]);
        List($"{Graph}/servicePrincipals/sp-graph/appRoleAssignedTo?$top=999", [Assignment("a1", "sp-1", "sp-graph"), Assignment("a2", "sp-4", "sp-graph")]);
        List($"{Graph}/servicePrincipals/sp-3/appRoleAssignedTo?$top=999", []);

        const string bap = "https://api.bap.microsoft.com/providers/Microsoft.BusinessAppPlatform";
        Pages($"{bap}/scopes/admin/environments?api-version=2020-10-01", [[Environment(EnvA, "https://orga.crm.dynamics.com/")], [Environment(EnvB, null)]]);
        List($"{bap}/adminApplications?api-version=2020-10-01", [new JsonObject { ["applicationId"] = "00000000-0000-0000-0000-00000000a001" }]);
        foreach (var env in new[] { EnvA, EnvB })
        {
            var flowRoot = $"https://api.flow.microsoft.com/providers/Microsoft.ProcessSimple/scopes/admin/environments/{env}";
            var flows = Enumerable.Range(1, 3).Select(i => Flow(env, $"{env}-flow-{i}")).ToList();
            Pages($"{flowRoot}/v2/flows?api-version=2016-11-01", [[.. flows.Take(2)], [.. flows.Skip(2)]]);
            foreach (var flow in flows)
            {
                var name = flow["name"]!.GetValue<string>();
                var details = (JsonObject)flow.DeepClone();
                ((JsonObject)details["properties"]!)["definition"] = new JsonObject { ["actions"] = new JsonObject { ["Send"] = new JsonObject { ["type"] = "Http" } } };
                Write($"{flowRoot}/flows/{name}?api-version=2016-11-01", details);
                List($"{flowRoot}/flows/{name}/owners?api-version=2016-11-01", [new JsonObject { ["name"] = "o1", ["properties"] = new JsonObject { ["roleName"] = "Owner", ["principal"] = new JsonObject { ["id"] = "user-1", ["type"] = "User" } } }]);
            }
            List($"https://api.powerapps.com/providers/Microsoft.PowerApps/scopes/admin/environments/{env}/connections?api-version=2016-11-01",
                [new JsonObject { ["name"] = $"{env}-conn", ["properties"] = new JsonObject { ["apiId"] = "/providers/Microsoft.PowerApps/apis/shared_office365", ["accountName"] = "user-1@contoso.com" } }]);
        }
        Pages($"{Dataverse}/workflows?$filter=category eq 5",
            [[new JsonObject { ["workflowid"] = "wf1", ["category"] = 5, ["clientdata"] = "{\"properties\":{}}" }], [new JsonObject { ["workflowid"] = "wf2", ["category"] = 5 }]]);
        List($"{Dataverse}/connectionreferences", [new JsonObject { ["connectionreferenceid"] = "cr1", ["connectionreferencelogicalname"] = "new_sharedoffice365", ["connectionid"] = $"{EnvA}-conn" }]);
        List($"{Dataverse}/systemusers?$filter=applicationid ne null", [new JsonObject { ["systemuserid"] = "su1", ["applicationid"] = "app-id-1", ["isdisabled"] = false }]);
        List($"{Dataverse}/environmentvariabledefinitions", [new JsonObject { ["environmentvariabledefinitionid"] = "d1", ["schemaname"] = "new_Password", ["type"] = 100000000 }]);
        List($"{Dataverse}/environmentvariablevalues", [new JsonObject { ["environmentvariablevalueid"] = "v1", ["_environmentvariabledefinitionid_value"] = "d1", ["value"] = "hunter2-not-a-real-one" }]);
        Pages($"{Vault}/secrets?api-version=7.5",
            [[Secret("db-password"), Secret("api-key")], [Secret("old-cert-pass")]]);
    }

    private void List(string url, JsonNode[] items) => Write(url, new JsonObject { ["value"] = new JsonArray([.. items.Select(i => i.DeepClone())]) });

    /// <summary>Writes a paged list; page i links to page i+1 with a skip token and the next-link property the source table names.</summary>
    private void Pages(string url, List<JsonObject[]> pages)
    {
        var linkName = SourceRoutes.Match(url)!.Source.NextLinkProperty!;
        var current = url;
        for (var i = 0; i < pages.Count; i++)
        {
            var body = new JsonObject { ["value"] = new JsonArray([.. pages[i].Select(p => p.DeepClone())]) };
            var next = i + 1 < pages.Count ? $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}$skiptoken=page{i + 2}" : null;
            if (next is not null)
                body[linkName] = next;
            Write(current, body);
            current = next!;
        }
    }

    private void Write(string url, JsonNode body) => _writer.Record(new RecordedResponse
    {
        File = $"raw/{++_n:D4}.json", Method = "GET", Url = url, Status = 200, Body = System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()),
        CollectedAt = DateTimeOffset.UnixEpoch,
    });

    private static JsonObject Sp(string id, string name, bool appRoles, int owners)
    {
        var sp = new JsonObject
        {
            ["id"] = id, ["appId"] = id + "-app", ["displayName"] = name, ["servicePrincipalType"] = "Application", ["accountEnabled"] = true,
            ["passwordCredentials"] = new JsonArray(), ["keyCredentials"] = new JsonArray(),
            ["appRoles"] = appRoles ? new JsonArray(new JsonObject { ["id"] = "r1", ["value"] = "User.Read.All", ["allowedMemberTypes"] = new JsonArray("Application") }) : new JsonArray(),
            ["owners"] = new JsonArray([.. Enumerable.Range(0, Math.Min(owners, 20)).Select(i => Owner($"user-{i % 3}"))]),
        };
        if (owners > 20)
            sp["owners@odata.nextLink"] = $"{Graph}/servicePrincipals/{id}/owners?$skiptoken=x";
        return sp;
    }

    /// <summary>An app registration; only those with <paramref name="secrets"/> get their federated credentials read.</summary>
    private static JsonObject App(string id, int owners, bool secrets = true) => new()
    {
        ["id"] = id, ["appId"] = id + "-appid", ["displayName"] = id,
        ["passwordCredentials"] = secrets ? new JsonArray(new JsonObject { ["keyId"] = "k1", ["hint"] = "abc", ["endDateTime"] = "2027-01-01T00:00:00Z" }) : new JsonArray(),
        ["owners"] = new JsonArray([.. Enumerable.Range(0, owners).Select(i => Owner($"user-{i}"))]),
    };

    private static JsonObject Owner(string id) => new() { ["@odata.type"] = "#microsoft.graph.user", ["id"] = id };
    private static JsonObject User(string id, bool enabled) => new() { ["id"] = id, ["displayName"] = id, ["userPrincipalName"] = $"{id}@contoso.com", ["accountEnabled"] = enabled };
    private static JsonObject Assignment(string id, string principal, string resource) => new()
    { ["id"] = id, ["principalId"] = principal, ["principalType"] = "ServicePrincipal", ["resourceId"] = resource, ["appRoleId"] = "r1" };

    private static JsonObject Environment(string name, string? instanceUrl)
    {
        var properties = new JsonObject { ["displayName"] = name.ToUpperInvariant(), ["environmentSku"] = "Production" };
        if (instanceUrl is not null)
            properties["linkedEnvironmentMetadata"] = new JsonObject { ["instanceUrl"] = instanceUrl };
        return new JsonObject { ["name"] = name, ["id"] = $"/providers/Microsoft.BusinessAppPlatform/environments/{name}", ["properties"] = properties };
    }

    private static JsonObject Flow(string env, string name) => new()
    {
        ["name"] = name, ["id"] = $"/providers/Microsoft.ProcessSimple/environments/{env}/flows/{name}",
        ["properties"] = new JsonObject { ["displayName"] = name, ["state"] = "Started", ["creator"] = new JsonObject { ["objectId"] = "user-1" } },
    };

    private static JsonObject Secret(string name) => new()
    {
        ["id"] = $"{Vault}/secrets/{name}", ["attributes"] = new JsonObject { ["enabled"] = true, ["created"] = 1700000000, ["updated"] = 1700000000 },
    };
}
