using System.Net;
using TenantScanner.Cli.Collect;
using TenantScanner.Cli.Collect.Http;
using TenantScanner.TestKit.SecretCorpus;

namespace TenantScanner.Cli.Tests.Live;

/// <summary>The building blocks that keep a hostile or broken service from getting a token, a write, a loop or a secret out of a run.</summary>
public sealed class NetworkGuardTests
{
    private const string Vault = "https://kv1.vault.azure.net";

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0/users", TokenAudiences.Graph)]
    [InlineData("https://api.bap.microsoft.com/providers/x", TokenAudiences.PowerApps)]
    [InlineData("https://api.powerapps.com/providers/x", TokenAudiences.PowerApps)]
    [InlineData("https://api.flow.microsoft.com/providers/x", TokenAudiences.Flow)]
    [InlineData("https://contoso.crm4.dynamics.com/api/data/v9.2/workflows", "https://contoso.crm4.dynamics.com/.default")]
    [InlineData("https://kv1.vault.azure.net/secrets", TokenAudiences.KeyVault)]
    public void Each_trusted_host_gets_the_token_audience_it_accepts(string url, string scope) =>
        Assert.Equal(scope, Trusted().ScopeFor(new Uri(url)));

    [Theory]
    [InlineData("https://api.flow.evil-attacker.test/providers/x")]
    [InlineData("https://api.bap.evil-attacker.test/providers/x")]
    [InlineData("https://api.powerapps.evil-attacker.test/providers/x")]
    [InlineData("https://graph.microsoft.com.evil-attacker.test/v1.0/users")]
    [InlineData("https://emea.api.flow.microsoft.com/providers/x")]
    [InlineData("http://graph.microsoft.com/v1.0/users")]
    [InlineData("https://graph.microsoft.com:8443/v1.0/users")]
    [InlineData("https://kv2.vault.azure.net/secrets")]
    [InlineData("https://other.crm.dynamics.com/api/data/v9.2/workflows")]
    public void A_host_that_is_not_exactly_one_of_the_run_gets_no_token(string url)
    {
        var refusal = Assert.Throws<SourceReadException>(() => Trusted().ScopeFor(new Uri(url)));

        Assert.Contains("no token", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/providers/x", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://orga.crm.dynamics.com.evil-attacker.test/")]
    [InlineData("http://orga.crm.dynamics.com/")]
    [InlineData("https://orga.crm.dynamics.com:8443/")]
    [InlineData("https://evil-attacker.test/")]
    public void An_environment_whose_dataverse_url_is_not_https_dynamics_com_is_not_trusted(string instanceUrl)
    {
        var hosts = Trusted();

        Assert.False(hosts.TryAddDataverse(new Uri(instanceUrl)));
        Assert.False(hosts.IsTrusted(new Uri(new Uri(instanceUrl), "/api/data/v9.2/workflows")));
    }

    [Fact]
    public async Task The_trusted_host_guard_refuses_a_foreign_host_before_sending()
    {
        var inner = new CountingHandler();
        using var client = new HttpClient(new TrustedHostHandler(new EndpointMap(new EndpointOptions()), Trusted()) { InnerHandler = inner });

        await Assert.ThrowsAsync<SourceReadException>(() => client.GetAsync(new Uri("https://api.flow.evil-attacker.test/x")));

        Assert.Equal(0, inner.Calls);
    }

    [Theory]
    [InlineData("https://kv1.vault.azure.net/secrets/db-password?api-version=7.5")]
    [InlineData("https://kv1.vault.azure.net/secrets/db-password/6f1e?api-version=7.5")]
    [InlineData("https://graph.microsoft.com/v1.0/me/messages")]
    [InlineData("https://graph.microsoft.com/beta/users")]
    public async Task Read_only_guard_sends_no_get_outside_the_lists_the_scanner_reads(string url)
    {
        var inner = new CountingHandler();
        using var client = new HttpClient(new ReadOnlyGuardHandler(new EndpointMap(new EndpointOptions())) { InnerHandler = inner });

        var refusal = await Assert.ThrowsAsync<SourceReadException>(() => client.GetAsync(new Uri(url)));

        Assert.Equal(0, inner.Calls);
        Assert.StartsWith("Not sent", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_only_guard_refuses_a_batch_whose_get_is_not_a_list_the_scanner_reads()
    {
        var inner = new CountingHandler();
        using var client = new HttpClient(new ReadOnlyGuardHandler(new EndpointMap(new EndpointOptions())) { InnerHandler = inner });
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://graph.microsoft.com/v1.0/$batch")
        {
            Content = new StringContent("""{"requests":[{"id":"1","method":"GET","url":"/me/messages"}]}"""),
        };

        await Assert.ThrowsAsync<ReadOnlyViolationException>(() => client.SendAsync(request));
        Assert.Equal(0, inner.Calls);
    }

    [Fact]
    public void A_next_link_back_to_a_page_already_read_ends_the_list()
    {
        var trail = Trail("https://graph.microsoft.com/v1.0/users?$top=999&$select=id", maxPages: 100);

        trail.Follow("https://graph.microsoft.com/v1.0/users?$top=999&$skiptoken=2");
        var loop = Assert.Throws<SourceReadException>(() => trail.Follow("https://graph.microsoft.com/v1.0/users?%24select=id&%24top=999"));

        Assert.Contains("leads back to a page already read", loop.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_next_link_through_the_base_url_is_the_same_page_as_its_canonical_url()
    {
        var endpoints = new EndpointMap(new EndpointOptions { BaseUrl = new Uri("http://127.0.0.1:5080") });
        var trail = new PageTrail("https://api.flow.microsoft.com/providers/p/v2/flows?api-version=2016-11-01", 100, endpoints);

        Assert.Throws<SourceReadException>(() => trail.Follow("http://127.0.0.1:5080/api.flow.microsoft.com/providers/p/v2/flows?api-version=2016-11-01"));
    }

    [Fact]
    public void A_list_longer_than_the_page_cap_ends_with_a_gap_naming_the_setting()
    {
        var trail = Trail("https://graph.microsoft.com/v1.0/users", maxPages: 3);
        trail.Follow("https://graph.microsoft.com/v1.0/users?$skiptoken=2");
        trail.Follow("https://graph.microsoft.com/v1.0/users?$skiptoken=3");

        var cap = Assert.Throws<SourceReadException>(() => trail.Follow("https://graph.microsoft.com/v1.0/users?$skiptoken=4"));

        Assert.Contains("limits.maxPagesPerSource", cap.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("users?$skiptoken=2")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public void A_next_link_that_is_not_an_absolute_http_url_ends_the_list(string link) =>
        Assert.Throws<SourceReadException>(() => Trail("https://graph.microsoft.com/v1.0/users", 100).Follow(link));

    [Fact]
    public void A_secret_in_a_service_message_is_withheld_with_only_its_preview_and_fingerprint()
    {
        var secret = new SecretValues(new Random(18)).EntraClientSecret();

        var clean = ServiceText.Clean($"Authorization_RequestDenied: the client secret {secret} has expired.");

        Assert.DoesNotContain(secret, clean, StringComparison.Ordinal);
        Assert.Contains("withheld", clean, StringComparison.Ordinal);
        Assert.Contains("EntraClientSecret", clean, StringComparison.Ordinal);
        Assert.Contains("sha256:", clean, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_message_loses_control_characters_and_is_cut_to_a_line()
    {
        var clean = ServiceText.Clean("Forbidden\u001b[2J\u001b]0;pwned\u0007\r\nsecond line \u202Eevil" + new string('x', 5000));

        Assert.DoesNotContain('\u001b', clean);
        Assert.DoesNotContain('\n', clean);
        Assert.DoesNotContain('\u202E', clean);
        Assert.Equal(ServiceText.MaxLength + 1, clean.Length);
        Assert.EndsWith("…", clean, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ordinary_service_message_is_kept()
    {
        const string message = "Authorization_RequestDenied: Insufficient privileges to complete the operation.";

        Assert.Equal(message, ServiceText.Clean(message));
    }

    [Fact]
    public async Task A_paused_or_backing_off_request_fails_at_once_when_its_wait_would_pass_the_deadline()
    {
        var deadline = new CollectionDeadline(TimeSpan.FromMinutes(1), TimeProvider.System);

        var reached = await Assert.ThrowsAsync<SourceReadException>(() => deadline.DelayAsync(TimeSpan.FromHours(1), CancellationToken.None));

        Assert.Contains("deadline", reached.Message, StringComparison.Ordinal);
        Assert.Contains("--deadline-minutes", reached.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_is_given_up_after_its_failure_limit_and_an_answer_resets_the_count()
    {
        var gate = new HostGates(new ResilienceOptions { HostFailureLimit = 3 }).For("api.flow.microsoft.com");

        gate.Failed();
        gate.Failed();
        gate.Answered();
        gate.Failed();
        gate.Failed();
        gate.ThrowIfBroken();
        gate.Failed();

        var broken = Assert.Throws<SourceReadException>(gate.ThrowIfBroken);
        Assert.Contains("api.flow.microsoft.com failed 3 times in a row", broken.Message, StringComparison.Ordinal);
    }

    private static TrustedHosts Trusted()
    {
        var hosts = new TrustedHosts([new Uri(Vault)]);
        Assert.True(hosts.TryAddDataverse(new Uri("https://contoso.crm4.dynamics.com/")));
        return hosts;
    }

    private static PageTrail Trail(string first, int maxPages) => new(first, maxPages, new EndpointMap(new EndpointOptions()));

    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
