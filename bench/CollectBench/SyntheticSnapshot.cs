using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using TenantScanner.Cli.Collect;
using TenantScanner.Snapshots;

namespace TenantScanner.Bench.Collect;

/// <summary>
/// A minimal generator of a large tenant in the snapshot format, enough to serve from the fake tenant
/// (the realistic large-tenant generator lives elsewhere): the right number of objects and pages per source.
/// </summary>
public sealed class SyntheticSnapshot
{
    private const string Graph = "https://graph.microsoft.com/v1.0";
    private readonly List<ManifestEntry> _entries = [];
    private readonly string _folder;
    private readonly TenantShape _shape;
    private int _n;

    private SyntheticSnapshot(string folder, TenantShape shape)
    {
        _folder = folder;
        _shape = shape;
    }

    public static void Write(string folder, TenantShape shape) => new SyntheticSnapshot(folder, shape).Build();

    private void Build()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "raw"));
        Paged($"{Graph}/organization", "@odata.nextLink", [new JsonObject { ["id"] = "tenant-bench", ["displayName"] = "Bench" }], TenantShape.GraphPage);
        Paged($"{Graph}/servicePrincipals?$top=999", "@odata.nextLink", [.. Enumerable.Range(0, _shape.ServicePrincipals).Select(ServicePrincipal)], TenantShape.GraphPage);
        for (var i = 0; i < _shape.OverflowingOwners; i++)
            Paged($"{Graph}/servicePrincipals/sp-{i:D6}/owners", "@odata.nextLink", [.. Enumerable.Range(0, 25).Select(o => Owner(o))], TenantShape.GraphPage);
        for (var i = 0; i < _shape.ResourceServicePrincipals; i++)
            Paged($"{Graph}/servicePrincipals/sp-{i:D6}/appRoleAssignedTo", "@odata.nextLink",
                [.. Enumerable.Range(0, 5).Select(a => new JsonObject { ["id"] = $"as-{i}-{a}", ["principalId"] = $"sp-{(i * 7 + a) % _shape.ServicePrincipals:D6}", ["resourceId"] = $"sp-{i:D6}", ["principalType"] = "ServicePrincipal", ["appRoleId"] = "r1" })],
                TenantShape.GraphPage);
        Paged($"{Graph}/applications?$top=999", "@odata.nextLink", [.. Enumerable.Range(0, _shape.Applications).Select(Application)], TenantShape.GraphPage);
        // A quarter of the applications with secrets also have a federated credential; the fake answers the rest with an empty list.
        for (var i = 0; i < _shape.ApplicationsWithSecrets; i += 4)
            Paged($"{Graph}/applications/app-{i:D6}/federatedIdentityCredentials", "@odata.nextLink",
                [new JsonObject { ["id"] = $"fic-{i}", ["name"] = "github", ["issuer"] = "https://token.actions.githubusercontent.com", ["subject"] = $"repo:bench/app{i}:ref:refs/heads/main" }],
                TenantShape.GraphPage);
        Paged($"{Graph}/users?$top=999", "@odata.nextLink", [.. Enumerable.Range(0, _shape.Users).Select(i => new JsonObject { ["id"] = $"user-{i:D6}", ["userPrincipalName"] = $"u{i}@bench.example", ["accountEnabled"] = i % 10 != 0 })], TenantShape.GraphPage);
        // One item per list, with the fields the snapshot loader requires (the collector refuses a page the loader would refuse).
        Paged($"{Graph}/directory/deletedItems/microsoft.graph.user", "@odata.nextLink", [new JsonObject { ["id"] = "deleted-user-1" }], TenantShape.GraphPage);
        Paged($"{Graph}/oauth2PermissionGrants", "@odata.nextLink",
            [new JsonObject { ["id"] = "grant-1", ["clientId"] = "sp-000001", ["resourceId"] = "sp-000000", ["consentType"] = "AllPrincipals", ["scope"] = "User.Read" }], TenantShape.GraphPage);
        Paged($"{Graph}/roleManagement/directory/roleAssignments", "@odata.nextLink",
            [new JsonObject { ["id"] = "role-assignment-1", ["principalId"] = "sp-000001", ["roleDefinitionId"] = "role-1" }], TenantShape.GraphPage);
        Paged($"{Graph}/roleManagement/directory/roleDefinitions", "@odata.nextLink", [new JsonObject { ["id"] = "role-1", ["displayName"] = "Reader" }], TenantShape.GraphPage);

        const string bap = "https://api.bap.microsoft.com/providers/Microsoft.BusinessAppPlatform";
        var environments = Enumerable.Range(0, _shape.Environments).Select(e => $"env-{e:D2}").ToList();
        Paged($"{bap}/scopes/admin/environments?api-version=2020-10-01", "nextLink",
            [.. environments.Select((env, i) => Environment(env, i < _shape.DataverseEnvironments ? $"https://org{i}.crm.dynamics.com/" : null))], TenantShape.AdminPage);
        Paged($"{bap}/adminApplications?api-version=2020-10-01", "nextLink", [], TenantShape.AdminPage);
        var flowsPerEnvironment = _shape.Flows / _shape.Environments;
        foreach (var (env, e) in environments.Select((env, e) => (env, e)))
        {
            var root = $"https://api.flow.microsoft.com/providers/Microsoft.ProcessSimple/scopes/admin/environments/{env}";
            var flows = Enumerable.Range(0, flowsPerEnvironment).Select(f => new JsonObject
            {
                ["name"] = $"{env}-flow-{f:D5}", ["properties"] = new JsonObject { ["displayName"] = $"Flow {f}", ["state"] = "Started", ["creator"] = new JsonObject { ["objectId"] = $"user-{f:D6}" } },
            }).ToList();
            Paged($"{root}/v2/flows?api-version=2016-11-01", "nextLink", [.. flows], TenantShape.AdminPage);
            foreach (var flow in flows)
            {
                var name = flow["name"]!.GetValue<string>();
                var details = (JsonObject)flow.DeepClone();
                ((JsonObject)details["properties"]!)["definition"] = new JsonObject { ["actions"] = new JsonObject { ["a"] = new JsonObject { ["type"] = "Http" } } };
                Write($"{root}/flows/{name}?api-version=2016-11-01", details);
                Paged($"{root}/flows/{name}/owners?api-version=2016-11-01", "nextLink", [new JsonObject { ["name"] = "o", ["properties"] = new JsonObject { ["roleName"] = "Owner" } }], TenantShape.AdminPage);
            }
            Paged($"https://api.powerapps.com/providers/Microsoft.PowerApps/scopes/admin/environments/{env}/connections?api-version=2016-11-01", "nextLink",
                [.. Enumerable.Range(0, 100).Select(c => new JsonObject { ["name"] = $"{env}-c{c}" })], TenantShape.AdminPage);
            if (e < _shape.DataverseEnvironments)
            {
                foreach (var (table, key) in DataverseTables)
                    Paged($"https://org{e}.crm.dynamics.com/api/data/v9.2/{table}", "@odata.nextLink",
                        [.. Enumerable.Range(0, 50).Select(r => DataverseRow(table, key, r))], TenantShape.DataversePage);
            }
        }
        Paged("https://kv1.vault.azure.net/secrets?api-version=7.5", "nextLink",
            [.. Enumerable.Range(0, _shape.Secrets).Select(s => new JsonObject { ["id"] = $"https://kv1.vault.azure.net/secrets/s{s}", ["attributes"] = new JsonObject { ["enabled"] = true } })], TenantShape.KeyVaultPage);

        var manifest = new SnapshotManifest
        {
            FormatVersion = 1, TenantId = "tenant-bench", CollectedAt = DateTimeOffset.UnixEpoch, Tool = new ToolInfo("CollectBench", "1"), Entries = _entries,
        };
        File.WriteAllBytes(Path.Combine(_folder, "manifest.json"), JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson.Options));
    }

    private JsonObject ServicePrincipal(int i)
    {
        var owners = i < _shape.OverflowingOwners ? 20 : i % 3;
        var sp = new JsonObject
        {
            ["id"] = $"sp-{i:D6}", ["appId"] = $"spapp-{i:D6}", ["displayName"] = $"Service principal {i}", ["servicePrincipalType"] = "Application",
            ["appRoles"] = i < _shape.ResourceServicePrincipals
                ? new JsonArray(new JsonObject { ["id"] = "r1", ["value"] = "Read.All", ["allowedMemberTypes"] = new JsonArray("Application") })
                : new JsonArray(),
            ["owners"] = new JsonArray([.. Enumerable.Range(0, owners).Select(o => Owner(i + o))]),
        };
        if (i < _shape.OverflowingOwners)
            sp["owners@odata.nextLink"] = $"{Graph}/servicePrincipals/sp-{i:D6}/owners?$skiptoken=20";
        return sp;
    }

    private JsonObject Application(int i) => new()
    {
        ["id"] = $"app-{i:D6}", ["appId"] = $"appid-{i:D6}", ["displayName"] = $"App {i}", ["owners"] = new JsonArray(Owner(i)),
        ["passwordCredentials"] = i < _shape.ApplicationsWithSecrets
            ? new JsonArray(new JsonObject { ["keyId"] = $"k-{i}", ["hint"] = "abc", ["endDateTime"] = "2027-06-01T00:00:00Z" })
            : new JsonArray(),
    };

    /// <summary>Each Dataverse table read and its primary key.</summary>
    private static readonly (string Table, string Key)[] DataverseTables =
    [
        ("workflows", "workflowid"), ("connectionreferences", "connectionreferenceid"), ("systemusers", "systemuserid"),
        ("environmentvariabledefinitions", "environmentvariabledefinitionid"), ("environmentvariablevalues", "environmentvariablevalueid"),
    ];

    private static JsonObject DataverseRow(string table, string key, int r)
    {
        var row = new JsonObject { [key] = $"{table}-{r}" };
        switch (table)
        {
            case "connectionreferences": row["connectionreferencelogicalname"] = $"new_reference{r}"; break;
            case "environmentvariabledefinitions": row["schemaname"] = $"new_variable{r}"; break;
            case "environmentvariablevalues": row["_environmentvariabledefinitionid_value"] = $"environmentvariabledefinitions-{r}"; break;
        }
        return row;
    }

    private static JsonObject Owner(int i) => new() { ["@odata.type"] = "#microsoft.graph.user", ["id"] = $"user-{i % 5000:D6}" };

    private static JsonObject Environment(string name, string? instanceUrl)
    {
        var properties = new JsonObject { ["displayName"] = name };
        if (instanceUrl is not null)
            properties["linkedEnvironmentMetadata"] = new JsonObject { ["instanceUrl"] = instanceUrl };
        return new JsonObject { ["name"] = name, ["properties"] = properties };
    }

    private void Paged(string url, string linkName, List<JsonObject> items, int pageSize)
    {
        var pages = items.Chunk(pageSize).ToList();
        if (pages.Count == 0)
            pages.Add([]);
        var current = url;
        for (var p = 0; p < pages.Count; p++)
        {
            var body = new JsonObject { ["value"] = new JsonArray([.. pages[p]]) };
            var next = p + 1 < pages.Count ? $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}$skiptoken=p{p + 2}" : null;
            if (next is not null)
                body[linkName] = next;
            Write(current, body);
            current = next!;
        }
    }

    private void Write(string url, JsonNode body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        var file = $"raw/{++_n:D6}.json";
        File.WriteAllBytes(Path.Combine(_folder, file), bytes);
        _entries.Add(new ManifestEntry { File = file, Method = "GET", Url = url, Status = 200, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), CollectedAt = DateTimeOffset.UnixEpoch });
    }
}
