using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace TenantScanner.Cli.Tests.Live;

/// <summary>
/// The fake tenant is stateful for the writes remediation uses: each changes what later reads return (the next scan
/// included) and is refused the way Graph refuses it when it makes no sense.
/// </summary>
public sealed class FakeTenantWriteTests : IAsyncLifetime, IDisposable
{
    private const string Graph = "graph.microsoft.com/v1.0";
    private const string LegacySapBridgeApplication = "f233f82a-0f2c-4024-9695-30e9f05305d2";
    private const string Astrid = "57b19ce8-71ba-4fd9-8c5e-212aa25a08cb";
    private const string MicrosoftGraphServicePrincipal = "c8e2a2a5-55f9-4817-a957-b84865f4806e";
    private FakeTenantHost _fake = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        if (DemoTenantFactAttribute.DemoFolder is null)
            return;
        _fake = await FakeTenantHost.StartAsync(DemoTenantFactAttribute.DemoFolder);
        _http = new HttpClient { BaseAddress = _fake.Server.HttpBase };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "t");
    }

    public void Dispose() => _http?.Dispose();

    public async Task DisposeAsync()
    {
        if (_fake is not null)
            await _fake.DisposeAsync();
    }

    [DemoTenantFact]
    public async Task An_added_owner_shows_in_every_later_read_and_adding_it_twice_is_refused_like_graph_does()
    {
        var reference = $$"""{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/{{Astrid}}"}""";

        using var first = await _http.PostAsync($"{Graph}/applications/{LegacySapBridgeApplication}/owners/$ref", Json(reference));
        using var second = await _http.PostAsync($"{Graph}/applications/{LegacySapBridgeApplication}/owners/$ref", Json(reference));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var error = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("Request_BadRequest", error.GetProperty("code").GetString());
        Assert.Contains("already exist for the following modified properties: 'owners'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var owners = await GetAsync($"{Graph}/applications/{LegacySapBridgeApplication}/owners");
        Assert.Equal([Astrid], owners.GetProperty("value").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        var list = await GetAsync($"{Graph}/applications?$expand=owners($select=id)");
        var app = list.GetProperty("value").EnumerateArray().Single(a => a.GetProperty("id").GetString() == LegacySapBridgeApplication);
        Assert.Equal(Astrid, app.GetProperty("owners")[0].GetProperty("id").GetString());
        Assert.Equal("#microsoft.graph.user", app.GetProperty("owners")[0].GetProperty("@odata.type").GetString());
    }

    [DemoTenantFact]
    public async Task An_owner_that_is_not_in_the_directory_or_not_an_owner_is_refused_with_404()
    {
        using var unknown = await _http.PostAsync($"{Graph}/applications/{LegacySapBridgeApplication}/owners/$ref",
            Json("""{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/00000000-0000-0000-0000-000000000009"}"""));
        using var notOwner = await _http.DeleteAsync($"{Graph}/applications/{LegacySapBridgeApplication}/owners/{Astrid}/$ref");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notOwner.StatusCode);
        Assert.Equal("Request_ResourceNotFound", (await notOwner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }

    [DemoTenantFact]
    public async Task A_removed_password_is_gone_from_the_application_and_removing_it_again_is_refused()
    {
        const string keyId = "ebbb0794-f8fc-4d97-824e-18edbf6acf9d";

        using var removed = await _http.PostAsync($"{Graph}/applications/{LegacySapBridgeApplication}/removePassword", Json($$"""{"keyId":"{{keyId}}"}"""));
        using var again = await _http.PostAsync($"{Graph}/applications/{LegacySapBridgeApplication}/removePassword", Json($$"""{"keyId":"{{keyId}}"}"""));

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var app = await GetAsync($"{Graph}/applications/{LegacySapBridgeApplication}?$select=id,passwordCredentials");
        Assert.DoesNotContain(app.GetProperty("passwordCredentials").EnumerateArray(), p => p.GetProperty("keyId").GetString() == keyId);
    }

    [DemoTenantFact]
    public async Task Removing_an_app_role_assignment_that_does_not_exist_is_refused_and_a_removed_one_can_be_granted_again_once()
    {
        var assignments = await GetAsync($"{Graph}/servicePrincipals/55862db9-b8cb-4259-936e-64bd84c1a1a2/appRoleAssignments");
        var assignment = assignments.GetProperty("value").EnumerateArray().First(a => a.GetProperty("resourceId").GetString() == MicrosoftGraphServicePrincipal);
        var id = assignment.GetProperty("id").GetString();
        var grant = $$"""{"principalId":"55862db9-b8cb-4259-936e-64bd84c1a1a2","resourceId":"{{MicrosoftGraphServicePrincipal}}","appRoleId":"{{assignment.GetProperty("appRoleId").GetString()}}"}""";

        using var deleted = await _http.DeleteAsync($"{Graph}/servicePrincipals/{MicrosoftGraphServicePrincipal}/appRoleAssignedTo/{id}");
        using var missing = await _http.DeleteAsync($"{Graph}/servicePrincipals/{MicrosoftGraphServicePrincipal}/appRoleAssignedTo/{id}");
        using var recreated = await _http.PostAsync($"{Graph}/servicePrincipals/{MicrosoftGraphServicePrincipal}/appRoleAssignedTo", Json(grant));
        using var duplicate = await _http.PostAsync($"{Graph}/servicePrincipals/{MicrosoftGraphServicePrincipal}/appRoleAssignedTo", Json(grant));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Created, recreated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var assignedTo = await GetAsync($"{Graph}/servicePrincipals/{MicrosoftGraphServicePrincipal}/appRoleAssignedTo");
        Assert.Single(assignedTo.GetProperty("value").EnumerateArray(), a => a.GetProperty("principalId").GetString() == "55862db9-b8cb-4259-936e-64bd84c1a1a2"
            && a.GetProperty("appRoleId").GetString() == assignment.GetProperty("appRoleId").GetString());
    }

    [DemoTenantFact]
    public async Task A_deleted_delegated_grant_created_again_gets_its_old_id_back_as_in_graph()
    {
        var grants = await GetAsync($"{Graph}/oauth2PermissionGrants");
        var grant = grants.GetProperty("value").EnumerateArray().First(g => g.GetProperty("consentType").GetString() == "AllPrincipals");
        var id = grant.GetProperty("id").GetString();

        using var deleted = await _http.DeleteAsync($"{Graph}/oauth2PermissionGrants/{id}");
        using var gone = await _http.GetAsync($"{Graph}/oauth2PermissionGrants/{id}");
        using var created = await _http.PostAsync($"{Graph}/oauth2PermissionGrants", Json(JsonSerializer.Serialize(new
        {
            clientId = grant.GetProperty("clientId").GetString(), consentType = "AllPrincipals", principalId = (string?)null,
            resourceId = grant.GetProperty("resourceId").GetString(), scope = grant.GetProperty("scope").GetString(),
        })));
        using var duplicate = await _http.PostAsync($"{Graph}/oauth2PermissionGrants", Json(JsonSerializer.Serialize(new
        {
            clientId = grant.GetProperty("clientId").GetString(), consentType = "AllPrincipals", resourceId = grant.GetProperty("resourceId").GetString(), scope = "User.Read",
        })));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(id, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [DemoTenantFact]
    public async Task Every_write_is_in_the_request_log_with_its_body()
    {
        using var removed = await _http.DeleteAsync($"{Graph}/roleManagement/directory/roleAssignments/no-such-assignment");

        var logged = Assert.Single(_fake.Server.Requests.All, r => r.Method == "DELETE");
        Assert.Equal(404, logged.Status);
        Assert.Equal($"DELETE /{Graph}/roleManagement/directory/roleAssignments/no-such-assignment", logged.Write);
    }

    private async Task<JsonElement> GetAsync(string url)
    {
        using var response = await _http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
