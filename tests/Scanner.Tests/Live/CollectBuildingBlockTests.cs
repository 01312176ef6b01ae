using Spectre.Console;
using System.Net;
using TenantScanner.Cli.Collect;
using TenantScanner.Cli.Collect.Http;

namespace TenantScanner.Cli.Tests.Live;

public sealed class CollectBuildingBlockTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("3", 3000)]
    [InlineData("0.25", 250)]
    [InlineData("1.5", 1500)]
    [InlineData("Fri, 27 Nov 2026 02:00:07 GMT", 7000)]
    [InlineData("Fri, 27 Nov 2026 01:59:00 GMT", 0)]
    public void Retry_after_accepts_fractional_seconds_and_http_dates(string header, int expectedMilliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), RetryAfter.Parse(header, Now));

    [Fact]
    public void Retry_after_that_is_not_a_number_or_date_is_ignored() => Assert.Null(RetryAfter.Parse("soon", Now));

    [Fact]
    public void Endpoint_map_serves_canonical_urls_under_the_base_and_maps_them_back()
    {
        var map = new EndpointMap(new EndpointOptions { BaseUrl = new Uri("http://127.0.0.1:5080"), KeyVaultBaseUrl = new Uri("https://127.0.0.1:5443/") });
        var canonical = new Uri("https://graph.microsoft.com/v1.0/servicePrincipals?$top=999");
        var vault = new Uri("https://kv1.vault.azure.net/secrets?api-version=7.5");

        var actual = map.ToActual(canonical);

        Assert.Equal("http://127.0.0.1:5080/graph.microsoft.com/v1.0/servicePrincipals?$top=999", actual.OriginalString);
        Assert.Equal(canonical.AbsoluteUri, map.ToCanonical(actual).AbsoluteUri);
        Assert.Equal("https://127.0.0.1:5443/kv1.vault.azure.net/secrets?api-version=7.5", map.ToActual(vault).OriginalString);
        Assert.Equal(vault.AbsoluteUri, map.ToCanonical(map.ToActual(vault)).AbsoluteUri);
        Assert.Equal(actual, map.ToActual(actual)); // already redirected: unchanged
    }

    [Fact]
    public void Endpoint_map_without_overrides_calls_the_real_services() =>
        Assert.Equal("https://api.bap.microsoft.com/x", new EndpointMap(new EndpointOptions()).ToActual(new Uri("https://api.bap.microsoft.com/x")).AbsoluteUri);

    [Theory]
    [InlineData("PATCH", "https://graph.microsoft.com/v1.0/applications/1", null)]
    [InlineData("DELETE", "https://graph.microsoft.com/v1.0/servicePrincipals/1", null)]
    [InlineData("POST", "https://graph.microsoft.com/v1.0/applications/1/addPassword", null)]
    [InlineData("POST", "https://graph.microsoft.com/v1.0/$batch", """{"requests":[{"id":"1","method":"DELETE","url":"/applications/1"}]}""")]
    public async Task Read_only_guard_refuses_anything_but_reads(string method, string url, string? body)
    {
        var (client, inner) = Guarded();
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : new StringContent(body) };

        await Assert.ThrowsAsync<ReadOnlyViolationException>(() => client.SendAsync(request));
        Assert.Equal(0, inner.Calls);
    }

    [Theory]
    [InlineData("GET", "https://graph.microsoft.com/v1.0/users", null)]
    [InlineData("POST", "https://graph.microsoft.com/v1.0/directoryObjects/getByIds", """{"ids":["1"]}""")]
    [InlineData("POST", "https://graph.microsoft.com/v1.0/$batch", """{"requests":[{"id":"1","method":"GET","url":"/users"}]}""")]
    public async Task Read_only_guard_lets_reads_through(string method, string url, string? body)
    {
        var (client, inner) = Guarded();
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : new StringContent(body) };

        using var response = await client.SendAsync(request);

        Assert.Equal(1, inner.Calls);
    }

    [Theory]
    [InlineData("--client-secret")]
    [InlineData("--password=x")]
    [InlineData("--AZURE_CLIENT_SECRET")]
    public void Secret_like_options_are_refused(string token) => Assert.NotNull(SecretArguments.Refusal([token]));

    [Fact]
    public void Ordinary_arguments_are_not_mistaken_for_secrets() =>
        Assert.Null(SecretArguments.Refusal(["collect", "--tenant", "contoso.onmicrosoft.com", "--out", "snapshots/2026-11-27", "--auth", "workload-identity"]));

    [Fact]
    public void A_config_file_with_a_secret_setting_is_refused_naming_the_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"collect-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "tenant: contoso.onmicrosoft.com\nclientSecret: do-not-print-me\n");
        try
        {
            var error = Assert.Throws<CollectConfigurationException>(() => CollectConfigFile.Load(path));
            Assert.Contains($"{path}(2,", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("do-not-print-me", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_malformed_config_file_names_the_file_and_position()
    {
        var path = Path.Combine(Path.GetTempPath(), $"collect-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "tenant: [unclosed\n");
        try
        {
            var error = Assert.Throws<CollectConfigurationException>(() => CollectConfigFile.Load(path));
            Assert.StartsWith($"{path}(", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (HttpClient Client, CountingHandler Inner) Guarded()
    {
        var inner = new CountingHandler();
        var guard = new ReadOnlyGuardHandler(new EndpointMap(new EndpointOptions())) { InnerHandler = inner };
        return (new HttpClient(guard), inner);
    }

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

public sealed class CollectProgressTests
{
    [Fact]
    public async Task Live_progress_shows_pages_objects_and_retries_per_source()
    {
        var output = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(output),
            Interactive = Spectre.Console.InteractionSupport.Yes,
            Ansi = Spectre.Console.AnsiSupport.Yes,
        });

        await console.Progress().AutoClear(false).Columns(new Spectre.Console.TaskDescriptionColumn()).StartAsync(context =>
        {
            var progress = new LiveCollectProgress(context);
            progress.Report(new SourceProgress("graph.servicePrincipals", 12, 11, 10_000, 1, 0));
            progress.Report(new SourceProgress("flow.flows[env-a]", 3, 3, 500, 0, 1));
            progress.StopAll();
            return Task.CompletedTask;
        });

        var text = output.ToString();
        Assert.Contains("graph.servicePrincipals: 11 pages, 10000 objects, 1 retries", text, StringComparison.Ordinal);
        Assert.Contains("flow.flows[env-a]: 3 pages, 500 objects, 1 FAILED", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_progress_logs_retries_and_gaps_but_not_every_page()
    {
        var output = new StringWriter();
        var statistics = new CollectStatistics(new PlainCollectProgress(output));

        statistics.PageRecorded("graph.users", 999);
        statistics.Retried("graph.users", "HTTP 429, Retry-After 2 s");
        statistics.Failed("flow.flows[env-a]", "403 Forbidden");

        Assert.Equal(["retry graph.users: HTTP 429, Retry-After 2 s", "gap flow.flows[env-a]: 403 Forbidden"],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}

public sealed class AccessTokenCredentialTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Hands_out_the_token_from_the_environment_for_every_scope()
    {
        var credential = AccessTokenCredential.FromEnvironment(name => name == AccessTokenCredential.Variable ? "opaque-token" : null, Clock);

        var graph = credential.GetToken(new Azure.Core.TokenRequestContext(["https://graph.microsoft.com/.default"]), CancellationToken.None);
        var vault = credential.GetToken(new Azure.Core.TokenRequestContext(["https://vault.azure.net/.default"]), CancellationToken.None);

        Assert.Equal(("opaque-token", "opaque-token"), (graph.Token, vault.Token));
        Assert.Equal(Clock.GetUtcNow().AddHours(12), graph.ExpiresOn);
    }

    [Fact]
    public void Takes_the_expiry_of_a_jwt_from_its_exp_claim()
    {
        static string Part(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var jwt = $"{Part("""{"alg":"none"}""")}.{Part("""{"aud":"https://graph.microsoft.com","exp":1795000000}""")}.sig";

        var token = new AccessTokenCredential(jwt, Clock).GetToken(new Azure.Core.TokenRequestContext(["x"]), CancellationToken.None);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795000000), token.ExpiresOn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("two words")]
    public void A_missing_or_malformed_token_is_a_configuration_error_that_does_not_show_the_value(string? value)
    {
        var error = Assert.Throws<CollectConfigurationException>(() => AccessTokenCredential.FromEnvironment(_ => value, Clock));

        Assert.Contains(AccessTokenCredential.Variable, error.Message, StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(value))
            Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Access_token_is_an_auth_mode_name()
    {
        Assert.True(AuthModeNames.TryParse("access-token", out var mode));
        Assert.Equal(AuthMode.AccessToken, mode);
    }
}
