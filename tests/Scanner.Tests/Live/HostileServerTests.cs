using TenantScanner.Cli;
using TenantScanner.Inventory.Loading;
using System.CommandLine;
using TenantScanner.Cli.Collect;
using TenantScanner.Cli.Commands;
using TenantScanner.FakeTenant;
using TenantScanner.Inventory;
using TenantScanner.Snapshots;
using TenantScanner.TestKit.SecretCorpus;

namespace TenantScanner.Cli.Tests.Live;

/// <summary>
/// The real collector against a fake tenant that turns hostile or broken for one source or host: whatever
/// it answers, no token leaves the trusted hosts, nothing loops or hangs, no secret it sends is printed, and
/// the run ends with a snapshot the loader reads and the failing source listed as a coverage gap.
/// </summary>
public sealed class HostileServerTests : IDisposable
{
    /// <summary>Turns a hang into a failure: collecting the small test tenant takes seconds, even throttled.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    private readonly string _served = TestSnapshotBuilder.Create(Path.Combine(Path.GetTempPath(), "scanner-served-" + Guid.NewGuid().ToString("N")));

    public void Dispose() => Directory.Delete(_served, recursive: true);

    [Theory]
    [InlineData("flow.flows", "https://api.flow.evil-attacker.test/providers/Microsoft.ProcessSimple/scopes/admin/environments/env-a/v2/flows?$skiptoken=hostile-marker")]
    [InlineData("graph.users", "https://graph.microsoft.com.evil-attacker.test/v1.0/users?$skiptoken=hostile-marker")]
    [InlineData("graph.users", "http://graph.microsoft.com/v1.0/users?$skiptoken=hostile-marker")]
    [InlineData("dataverse.workflows", "https://orga.crm.dynamics.com:8443/api/data/v9.2/workflows?$skiptoken=hostile-marker")]
    [InlineData("keyvault.secrets", "https://kv-evil.vault.azure.net/secrets?api-version=7.5&hostile-marker=1")]
    [InlineData("keyvault.secrets", "https://kv1.vault.azure.net/secrets/db-password?api-version=7.5&hostile-marker=1")]
    public async Task A_next_link_off_the_trusted_hosts_and_lists_is_never_requested_and_becomes_a_gap(string source, string link)
    {
        await using var fake = await FakeTenantHost.StartAsync(_served, hostile: [new HostileRule(Hostility.NextLinkTo, source) { Text = link }]);

        var result = await CollectAsync(fake, fake.Options());

        Assert.DoesNotContain(fake.Server.Requests.All, r => r.PathAndQuery.Contains("hostile-marker", StringComparison.Ordinal)
            || r.CanonicalHost.Contains("evil", StringComparison.Ordinal) || r.PathAndQuery.Contains("/secrets/db-password", StringComparison.Ordinal));
        Assert.NotEmpty(result.Coverage);
        Assert.All(result.Coverage, gap => Assert.Equal(source, gap.Source));
        Assert.All(result.Coverage, gap => Assert.StartsWith("Not sent", gap.Error, StringComparison.Ordinal));
        AssertLoads(result.SnapshotFolder);
    }

    [Fact]
    public async Task A_flow_list_linking_to_a_foreign_host_makes_collect_exit_incomplete_not_crash()
    {
        const string evil = "https://api.flow.evil-attacker.test/providers/Microsoft.ProcessSimple/scopes/admin/environments/env-a/v2/flows?$skiptoken=2";
        await using var fake = await FakeTenantHost.StartAsync(_served, hostile: [new HostileRule(Hostility.NextLinkTo, "flow.flows") { Text = evil }]);
        var output = new StringWriter();

        var exit = await CollectCliAsync(fake, output, "out");

        Assert.True(exit == ExitCodes.Incomplete, output.ToString());
        Assert.Contains("GAP flow.flows [env-a]", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("https://api.flow.evil-attacker.test", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Server.Requests.All, r => r.CanonicalHost == "api.flow.evil-attacker.test");
    }

    [Theory]
    [InlineData("graph.users", 1)]
    [InlineData("flow.flows", 2)]
    [InlineData("dataverse.workflows", 1)]
    [InlineData("keyvault.secrets", 1)]
    public async Task A_next_link_back_to_the_same_page_is_not_followed_and_the_list_becomes_a_gap(string source, int lists)
    {
        await using var fake = await FakeTenantHost.StartAsync(_served, hostile: [new HostileRule(Hostility.NextLinkToSelf, source)]);

        var result = await CollectAsync(fake, fake.Options());

        Assert.Equal(lists, result.Coverage.Count);
        Assert.All(result.Coverage, gap => Assert.Equal(source, gap.Source));
        Assert.All(result.Coverage, gap => Assert.Contains("leads back to a page already read", gap.Error, StringComparison.Ordinal));
        // Each list was asked for once: the link back to its first page was recognised before a second request.
        Assert.Equal(lists, fake.Server.Requests.All.Count(r => r.HadBearerToken && SourceOf(r) == source));
        AssertLoads(result.SnapshotFolder);
    }

    [Fact]
    public async Task Next_links_that_never_end_stop_at_the_page_cap()
    {
        await using var fake = await FakeTenantHost.StartAsync(_served, hostile: [new HostileRule(Hostility.EndlessNextLinks, "flow.flows")]);
        var options = fake.Options() with { Limits = new CollectLimits { MaxPagesPerSource = 5 } };

        var result = await CollectAsync(fake, options);

        Assert.Equal(2, result.Coverage.Count(gap => gap.Source == "flow.flows" && gap.Error.Contains("more than 5 pages (limits.maxPagesPerSource)", StringComparison.Ordinal)));
        Assert.Equal(2 * 5, fake.Server.Requests.All.Count(r => SourceOf(r) == "flow.flows"));
        AssertLoads(result.SnapshotFolder);
    }

    [Fact]
    public async Task A_dead_host_is_given_up_after_its_failure_limit_while_the_other_hosts_are_read()
    {
        await using var fake = await FakeTenantHost.StartAsync(_served, hostile: [new HostileRule(Hostility.DropConnection, Host: "api.flow.microsoft.com")]);
        var options = fake.Options() with { Resilience = fake.Options().Resilience with { HostFailureLimit = 3 } };

        var result = await CollectAsync(fake, options);

        // Without the breaker the two flow lists would take 2 x 12 attempts. With it: the limit, plus what was in flight when
        // it broke; doubled, because the socket handler may itself resend a request whose reused connection was dropped.
        var attempts = fake.Server.Requests.All.Count(r => r.CanonicalHost == "api.flow.microsoft.com");
        Assert.True(attempts <= 2 * (options.Resilience.HostFailureLimit + options.Resilience.MaxConcurrencyPerHost),
            $"{attempts} attempts reached a host given up after {options.Resilience.HostFailureLimit} failures in a row");
        Assert.Equal(2, result.Coverage.Count);
        Assert.All(result.Coverage, gap => Assert.Equal("flow.flows", gap.Source));
        Assert.All(result.Coverage, gap => Assert.Contains("resilience.hostFailureLimit", gap.Error, StringComparison.Ordinal));
        AssertLoads(result.SnapshotFolder);
    }

    [Fact]
    public async Task A_stalled_host_meets_the_collection_deadline_and_the_snapshot_is_written_with_what_was_read()
    {
        await using var fake = await FakeTenantHost.StartAsync(_served, hostile: [new HostileRule(Hostility.Stall, Host: "api.flow.microsoft.com")]);
        var options = fake.Options() with
        {
            Resilience = fake.Options().Resilience with { RequestTimeout = TimeSpan.FromHours(1), HostFailureLimit = 1000 },
            Limits = new CollectLimits { Deadline = TimeSpan.FromSeconds(5) },
        };

        var result = await CollectAsync(fake, options);

        var flowGaps = result.Coverage.Where(gap => gap.Source == "flow.flows").ToList();
        Assert.Equal(2, flowGaps.Count);
        Assert.All(flowGaps, gap => Assert.Contains("collection deadline", gap.Error, StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(result.SnapshotFolder, SnapshotManifest.FileName)));
        AssertLoads(result.SnapshotFolder);
    }

    [Fact]
    public async Task A_retry_after_above_the_cap_makes_that_source_a_gap_without_pausing_its_host()
    {
        await using var fake = await FakeTenantHost.StartAsync(_served, hostile: [new HostileRule(Hostility.RetryAfter, "graph.users") { Seconds = 86400 }]);

        var result = await CollectAsync(fake, fake.Options());

        var gap = Assert.Single(result.Coverage);
        Assert.Equal(("graph.users", 429), (gap.Source, gap.Status));
        Assert.Contains("resilience.maxRetryAfterSeconds", gap.Error, StringComparison.Ordinal);
        Assert.Contains(SnapshotContent.Read(result.SnapshotFolder).Keys, k => k.StartsWith("GraphServicePrincipals|", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Hostility.HtmlBody, "graph.users", "text/html")]
    [InlineData(Hostility.WrongShapeBody, "graph.servicePrincipals", "snapshot loader would refuse it")]
    [InlineData(Hostility.EmptyBody, "flow.flows", "the body is empty")]
    [InlineData(Hostility.WrongShapeBody, "dataverse.workflows", "snapshot loader would refuse it")]
    [InlineData(Hostility.HtmlBody, "keyvault.secrets", "text/html")]
    public async Task A_successful_answer_that_is_not_the_apis_json_is_not_recorded_and_becomes_a_gap(Hostility kind, string source, string reason)
    {
        await using var fake = await FakeTenantHost.StartAsync(_served, hostile: [new HostileRule(kind, source)]);

        var result = await CollectAsync(fake, fake.Options());

        Assert.NotEmpty(result.Coverage);
        Assert.All(result.Coverage, gap => Assert.Equal((source, 200), (gap.Source, gap.Status)));
        Assert.All(result.Coverage, gap => Assert.Contains(reason, gap.Error, StringComparison.Ordinal));
        Assert.DoesNotContain(ManifestOf(result.SnapshotFolder).Entries, e => SourceRoutes.Match(e.Url)?.Kind.ToId() == source && e.Status == 200);
        AssertLoads(result.SnapshotFolder);
    }

    [Fact]
    public async Task A_secret_in_a_service_error_message_reaches_neither_the_console_nor_the_coverage()
    {
        var secret = new SecretValues(new Random(3)).EntraClientSecret();
        var message = $"Credential {secret} is not valid.\u001b[2J" + new string('x', 3000);
        await using var fake = await FakeTenantHost.StartAsync(_served, hostile: [new HostileRule(Hostility.ErrorMessage, "graph.users") { Text = message }]);
        var output = new StringWriter();

        var exit = await CollectCliAsync(fake, output, "out");

        Assert.True(exit == ExitCodes.Incomplete, output.ToString());
        var manifest = File.ReadAllText(Path.Combine(fake.WorkFolder, "out", SnapshotManifest.FileName));
        foreach (var text in new[] { output.ToString(), manifest })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001b", text, StringComparison.Ordinal);
            Assert.DoesNotContain(new string('x', ServiceText.MaxLength + 1), text, StringComparison.Ordinal);
        }
        var gap = Assert.Single(ManifestOf(Path.Combine(fake.WorkFolder, "out")).Coverage);
        Assert.Contains("withheld", gap.Error, StringComparison.Ordinal);
        Assert.Contains("User.Read.All", gap.Error, StringComparison.Ordinal);
    }

    private static async Task<CollectResult> CollectAsync(FakeTenantHost fake, CollectOptions options)
    {
        using var hang = new CancellationTokenSource(HangGuard);
        return await SnapshotCollector.CollectAsync(options, null, hang.Token, fake.Runtime);
    }

    private static async Task<int> CollectCliAsync(FakeTenantHost fake, StringWriter output, string outName)
    {
        var config = Path.Combine(fake.WorkFolder, "collect.yaml");
        File.WriteAllText(config, $"""
            endpoints:
              baseUrl: {fake.Server.HttpBase}
              keyVaultBaseUrl: {fake.Server.HttpsBase}
              keyVaultCertificateThumbprint: {fake.Server.Certificate.Thumbprint}
            resilience:
              maxAttempts: 10
              baseDelaySeconds: 0.005
            """);
        using var hang = new CancellationTokenSource(HangGuard);
        var root = new RootCommand { new CollectCommand(fake.Runtime).Build() };
        return await root.Parse(["collect", "--tenant", "contoso.onmicrosoft.com", "--out", Path.Combine(fake.WorkFolder, outName), "--config", config,
                "--key-vaults", TestSnapshotBuilder.Vault])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = output }, hang.Token);
    }

    /// <summary>The snapshot a hostile run wrote is one the loader reads: a later scan of it works.</summary>
    private static void AssertLoads(string folder) => InventoryLoader.Load(new FolderSnapshotSource(folder));

    private static SnapshotManifest ManifestOf(string folder) =>
        System.Text.Json.JsonSerializer.Deserialize<SnapshotManifest>(File.ReadAllBytes(Path.Combine(folder, SnapshotManifest.FileName)))!;

    /// <summary>The source id of a request the fake received (its path starts with the canonical host).</summary>
    private static string? SourceOf(RecordedRequest request) =>
        SourceRoutes.Match("https:/" + request.PathAndQuery)?.Kind.ToId();
}
