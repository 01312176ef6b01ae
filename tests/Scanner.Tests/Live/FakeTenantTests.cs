using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TenantScanner.Cli.Tests.Live;

/// <summary>The fake tenant's own behaviour, over plain HTTP.</summary>
public sealed class FakeTenantTests : IAsyncLifetime, IDisposable
{
    private readonly string _served = TestSnapshotBuilder.Create(Path.Combine(Path.GetTempPath(), "scanner-fake-" + Guid.NewGuid().ToString("N")));
    private FakeTenantHost _fake = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTenantHost.StartAsync(_served);
        _http = new HttpClient { BaseAddress = _fake.Server.HttpBase };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "t");
    }

    public void Dispose() => _http.Dispose();

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        Directory.Delete(_served, recursive: true);
    }

    [Fact]
    public async Task A_request_without_a_bearer_token_is_refused()
    {
        using var anonymous = new HttpClient { BaseAddress = _fake.Server.HttpBase };

        using var response = await anonymous.GetAsync("graph.microsoft.com/v1.0/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_fake_started_with_an_access_token_accepts_only_that_token()
    {
        await using var strict = await FakeTenantHost.StartAsync(_served, accessToken: "the-right-token");
        using var http = new HttpClient { BaseAddress = strict.Server.HttpBase };

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "graph.microsoft.com/v1.0/users") { Headers = { Authorization = new("Bearer", "another-token") } };
        using var right = new HttpRequestMessage(HttpMethod.Get, "graph.microsoft.com/v1.0/users") { Headers = { Authorization = new("Bearer", "the-right-token") } };

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(right)).StatusCode);
    }

    [Fact]
    public async Task Federated_credentials_of_an_application_the_snapshot_does_not_hold_them_for_are_an_empty_list()
    {
        using var body = new StringContent("""{"requests":[{"id":"1","method":"GET","url":"/applications/app-3/federatedIdentityCredentials"},{"id":"2","method":"GET","url":"/applications/no-such-app/federatedIdentityCredentials"}]}""",
            System.Text.Encoding.UTF8, "application/json");

        using var response = await _http.PostAsync("graph.microsoft.com/v1.0/$batch", body);
        var responses = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("responses").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);

        Assert.Equal(200, responses["1"].GetProperty("status").GetInt32());
        Assert.Equal(0, responses["1"].GetProperty("body").GetProperty("value").GetArrayLength());
        Assert.Equal(404, responses["2"].GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Next_links_point_back_at_the_fake_and_lead_to_the_next_stored_page()
    {
        var first = await _http.GetFromJsonAsync<JsonElement>("graph.microsoft.com/v1.0/users?$top=999");
        var next = first.GetProperty("@odata.nextLink").GetString()!;

        Assert.StartsWith(_fake.Server.HttpBase.AbsoluteUri, next, StringComparison.Ordinal);
        var second = await _http.GetFromJsonAsync<JsonElement>(next);
        Assert.Equal("user-2", second.GetProperty("value")[0].GetProperty("id").GetString());
        Assert.False(second.TryGetProperty("@odata.nextLink", out _));
    }

    [Fact]
    public async Task Get_by_ids_answers_from_the_stored_users_with_their_type()
    {
        using var response = await _http.PostAsJsonAsync("graph.microsoft.com/v1.0/directoryObjects/getByIds", new { ids = new[] { "user-1", "nobody" } });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        var only = Assert.Single(body.GetProperty("value").EnumerateArray());
        Assert.Equal(("user-1", "#microsoft.graph.user", false),
            (only.GetProperty("id").GetString(), only.GetProperty("@odata.type").GetString(), only.GetProperty("accountEnabled").GetBoolean()));
    }

    [Fact]
    public async Task Batch_answers_each_sub_request_and_derives_reads_the_snapshot_does_not_hold()
    {
        var requests = new[]
        {
            new { id = "1", method = "GET", url = "/servicePrincipals/sp-graph/appRoleAssignedTo" },
            new { id = "2", method = "GET", url = "/servicePrincipals/sp-1/appRoleAssignments" },
            new { id = "3", method = "GET", url = "/servicePrincipals/unknown/appRoleAssignedTo" },
        };

        using var response = await _http.PostAsJsonAsync("graph.microsoft.com/v1.0/$batch", new { requests });
        var responses = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("responses").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!);

        Assert.Equal(2, responses["1"].GetProperty("body").GetProperty("value").GetArrayLength());
        var derived = Assert.Single(responses["2"].GetProperty("body").GetProperty("value").EnumerateArray());
        Assert.Equal("a1", derived.GetProperty("id").GetString());
        Assert.Equal(404, responses["3"].GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Key_vault_challenges_an_unauthenticated_request_over_tls()
    {
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _fake.Server.Certificate.Thumbprint,
        };
        using var client = new HttpClient(handler) { BaseAddress = _fake.Server.HttpsBase };

        using var response = await client.GetAsync("kv1.vault.azure.net/secrets?api-version=7.5");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.Contains("authorization=\"https://login.microsoftonline.com/tenant-1\"", challenge, StringComparison.Ordinal);
        Assert.Contains("resource=\"https://vault.azure.net\"", challenge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_throttle_answers_429_with_the_wait_that_refills_the_bucket()
    {
        await using var throttled = await FakeTenantHost.StartAsync(_served, throttle: new TenantScanner.FakeTenant.ThrottleOptions(2, 1));
        using var client = new HttpClient { BaseAddress = throttled.Server.HttpBase };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "t");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync("graph.microsoft.com/v1.0/organization");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                Assert.True(double.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 1);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
