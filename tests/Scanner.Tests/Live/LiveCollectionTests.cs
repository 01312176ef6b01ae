using TenantScanner.Cli;
using System.CommandLine;
using TenantScanner.Cli.Collect;
using TenantScanner.Cli.Commands;
using TenantScanner.FakeTenant;

namespace TenantScanner.Cli.Tests.Live;

/// <summary>The real Graph and Key Vault SDKs and the HTTP collectors against the loopback fake tenant.</summary>
public sealed class LiveCollectionTests : IDisposable
{
    private readonly string _served = TestSnapshotBuilder.Create(Path.Combine(Path.GetTempPath(), "scanner-served-" + Guid.NewGuid().ToString("N")));

    public void Dispose() => Directory.Delete(_served, recursive: true);

    [Fact]
    public async Task Collecting_from_the_fake_tenant_yields_the_content_it_serves()
    {
        await using var fake = await FakeTenantHost.StartAsync(_served);

        var result = await SnapshotCollector.CollectAsync(fake.Options(), null, CancellationToken.None, fake.Runtime);

        Assert.Empty(result.Coverage);
        AssertSameContent(SnapshotContent.Read(_served), SnapshotContent.Read(result.SnapshotFolder));
        Assert.False(Directory.EnumerateDirectories(fake.WorkFolder, "*.partial-*").Any());
    }

    [Fact]
    public async Task Collected_content_is_identical_when_a_tenth_of_requests_fail_transiently()
    {
        var faults = new FaultOptions { Rate = 0.10, Seed = 42, RetryAfterSeconds = 0.02, SlowDelay = TimeSpan.FromMilliseconds(30) };
        await using var fake = await FakeTenantHost.StartAsync(_served, faults);

        var result = await SnapshotCollector.CollectAsync(fake.Options(), null, CancellationToken.None, fake.Runtime);

        Assert.Empty(result.Coverage);
        AssertSameContent(SnapshotContent.Read(_served), SnapshotContent.Read(result.SnapshotFolder));
        var log = fake.Server.Requests.All;
        Assert.Contains(log, r => r.Status == 429);
        Assert.True(result.Sources.Sum(s => s.Retries) > 0, "faults were injected, so some requests must have been retried");
    }

    [Fact]
    public async Task Federated_credentials_are_read_in_batches_only_for_applications_with_a_client_secret()
    {
        await using var fake = await FakeTenantHost.StartAsync(_served);

        var result = await SnapshotCollector.CollectAsync(fake.Options(), null, CancellationToken.None, fake.Runtime);

        var read = SnapshotContent.Read(result.SnapshotFolder).Keys.Where(k => k.StartsWith("GraphApplicationFederatedCredentials|", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, read.Count);
        Assert.Contains(read, k => k.Contains("app-1", StringComparison.Ordinal));
        Assert.Contains(read, k => k.Contains("app-2", StringComparison.Ordinal));
        Assert.DoesNotContain(fake.Server.Requests.All, r => r.Method == "GET" && r.PathAndQuery.Contains("federatedIdentityCredentials", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(FaultKind.TruncatedBody)]
    [InlineData(FaultKind.DropConnection)]
    [InlineData(FaultKind.Unavailable503)]
    public async Task Truncated_bodies_and_dropped_connections_are_retried_until_the_content_is_whole(FaultKind kind)
    {
        await using var fake = await FakeTenantHost.StartAsync(_served, new FaultOptions { Rate = 0.3, Seed = 7, Kinds = [kind] });

        var result = await SnapshotCollector.CollectAsync(fake.Options(), null, CancellationToken.None, fake.Runtime);

        Assert.Empty(result.Coverage);
        AssertSameContent(SnapshotContent.Read(_served), SnapshotContent.Read(result.SnapshotFolder));
        Assert.True(result.Sources.Sum(s => s.Retries) > 0, $"{kind} was injected on 30 % of requests, so some must have been retried");
    }

    [Fact]
    public async Task Permanently_failing_environment_is_listed_in_coverage_and_exits_incomplete()
    {
        var faults = new FaultOptions { FailingSources = [new FailingSource(null, TestSnapshotBuilder.EnvA, 403)] };
        await using var fake = await FakeTenantHost.StartAsync(_served, faults);
        var config = WriteConfig(fake);
        var output = new StringWriter();

        var exit = await Invoke(fake, output, "collect", "--tenant", "contoso.onmicrosoft.com", "--out", Path.Combine(fake.WorkFolder, "out"),
            "--config", config, "--key-vaults", TestSnapshotBuilder.Vault);

        Assert.Equal(ExitCodes.Incomplete, exit);
        var collected = SnapshotContent.Read(Path.Combine(fake.WorkFolder, "out"));
        var manifest = System.Text.Json.JsonSerializer.Deserialize<TenantScanner.Snapshots.SnapshotManifest>(
            File.ReadAllBytes(Path.Combine(fake.WorkFolder, "out", "manifest.json")))!;
        var gaps = manifest.Coverage;
        Assert.Contains(gaps, g => g.Source == "flow.flows" && g.EnvironmentId == TestSnapshotBuilder.EnvA && g.Status == 403
            && g.Error.Contains("management application", StringComparison.Ordinal));
        Assert.Contains(gaps, g => g.Source == "dataverse.workflows" && g.EnvironmentId == TestSnapshotBuilder.EnvA
            && g.Error.Contains("application user", StringComparison.Ordinal));
        Assert.DoesNotContain(gaps, g => g.EnvironmentId == TestSnapshotBuilder.EnvB);
        Assert.Contains(collected.Keys, k => k.StartsWith("Flows|", StringComparison.Ordinal) && k.Contains(TestSnapshotBuilder.EnvB, StringComparison.Ordinal));
        Assert.Contains("GAP flow.flows [env-a]", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collecting_into_an_existing_folder_exits_with_bad_input_and_leaves_the_folder_alone()
    {
        await using var fake = await FakeTenantHost.StartAsync(_served);
        var existing = Path.Combine(fake.WorkFolder, "taken");
        Directory.CreateDirectory(existing);
        File.WriteAllText(Path.Combine(existing, "notes.txt"), "keep me");
        var output = new StringWriter();

        var exit = await Invoke(fake, output, "collect", "--tenant", "contoso.onmicrosoft.com", "--out", existing, "--config", WriteConfig(fake));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"The output folder '{existing}' already exists; choose a new folder for each snapshot.", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(existing).Select(Path.GetFileName));
        Assert.Empty(fake.Server.Requests.All);
    }

    [Theory]
    [InlineData("graph.users", "User.Read.All")]
    [InlineData("graph.servicePrincipals", "Application.Read.All")]
    [InlineData("graph.roleAssignments", "RoleManagement.Read.Directory")]
    [InlineData("keyvault.secrets", "Key Vault Reader")]
    public async Task A_forbidden_source_becomes_a_gap_naming_the_missing_permission(string source, string permission)
    {
        await using var fake = await FakeTenantHost.StartAsync(_served, new FaultOptions { FailingSources = [new FailingSource(source, null, 403)] });

        var result = await SnapshotCollector.CollectAsync(fake.Options(), null, CancellationToken.None, fake.Runtime);

        var gap = Assert.Single(result.Coverage);
        Assert.Equal((source, 403), (gap.Source, gap.Status));
        Assert.Contains(permission, gap.Error, StringComparison.Ordinal);
        Assert.Contains(SnapshotContent.Read(result.SnapshotFolder).Keys, k => k.StartsWith("Flows|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_fake_receives_only_reads_and_every_request_carries_a_bearer_token()
    {
        await using var fake = await FakeTenantHost.StartAsync(_served);

        await SnapshotCollector.CollectAsync(fake.Options(), null, CancellationToken.None, fake.Runtime);

        var log = fake.Server.Requests.All;
        Assert.NotEmpty(log);
        Assert.All(log, r => Assert.True(r.Method == "GET"
            || (r.Method == "POST" && (r.PathAndQuery.Contains("/$batch", StringComparison.Ordinal) || r.PathAndQuery.Contains("/getByIds", StringComparison.Ordinal))),
            $"{r.Method} {r.PathAndQuery} is not a read"));
        // Key Vault's SDK first sends an unauthenticated request to learn the challenge; that is its only exception.
        Assert.All(log.Where(r => !r.HadBearerToken), r => Assert.Equal(("kv1.vault.azure.net", 401), (r.CanonicalHost, r.Status)));
        Assert.Contains(log, r => r.CanonicalHost == "kv1.vault.azure.net" && r.HadBearerToken && r.Status == 200);
        Assert.Contains(log, r => r.Method == "POST" && r.PathAndQuery.Contains("/$batch", StringComparison.Ordinal));
        Assert.Equal(
            new[] { "https://graph.microsoft.com/.default", "https://orga.crm.dynamics.com/.default", "https://service.flow.microsoft.com/.default",
                    "https://service.powerapps.com/.default", "https://vault.azure.net/.default" },
            fake.Credential.ScopesRequested.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Key_vault_is_read_over_https_with_the_certificate_of_this_test_only()
    {
        await using var fake = await FakeTenantHost.StartAsync(_served);
        var untrusted = fake.Options() with { Endpoints = fake.Endpoints with { KeyVaultCertificateThumbprint = new string('0', 40) } };

        var rejected = await SnapshotCollector.CollectAsync(untrusted, null, CancellationToken.None, fake.Runtime);
        var trusted = await SnapshotCollector.CollectAsync(fake.Options("trusted"), null, CancellationToken.None, fake.Runtime);

        Assert.Contains(rejected.Coverage, g => g.Source == "keyvault.secrets");
        Assert.DoesNotContain(trusted.Coverage, g => g.Source == "keyvault.secrets");
        var secrets = SnapshotContent.Read(trusted.SnapshotFolder).Single(p => p.Key.StartsWith("KeyVaultSecrets|", StringComparison.Ordinal));
        Assert.Equal(3, secrets.Value.Count);
    }

    [Theory]
    [InlineData("--client-secret", "s3cr3t-value-here")]
    [InlineData("--password", "s3cr3t-value-here")]
    [InlineData("--tenant", "abc8Q~s3cr3tvalueherethatisquitelongxyz12")]
    public async Task A_secret_on_the_command_line_is_refused_without_being_echoed(string option, string value)
    {
        await using var fake = await FakeTenantHost.StartAsync(_served);
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { new CollectCommand(fake.Runtime).Build() };

        var exit = await root.Parse(["collect", "--out", Path.Combine(fake.WorkFolder, "x"), option, value])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("workload-identity", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.ToString() + output.ToString(), StringComparison.Ordinal);
        Assert.Empty(fake.Server.Requests.All);
    }

    [Fact]
    public async Task A_sign_in_failure_exits_with_bad_input_and_leaves_no_snapshot()
    {
        await using var fake = await FakeTenantHost.StartAsync(_served);
        var output = new StringWriter();
        var root = new RootCommand { new CollectCommand(fake.Runtime with { Credential = new FailingCredential() }).Build() };
        var outFolder = Path.Combine(fake.WorkFolder, "never");

        var exit = await root.Parse(["collect", "--tenant", "contoso.onmicrosoft.com", "--out", outFolder, "--config", WriteConfig(fake)])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = output });

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("Sign-in failed", output.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(outFolder));
        Assert.Empty(Directory.EnumerateDirectories(fake.WorkFolder, "never.partial-*"));
    }

    private sealed class FailingCredential : Azure.Core.TokenCredential
    {
        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new Azure.Identity.AuthenticationFailedException("AADSTS700016: application not found in the directory.");

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new Azure.Identity.AuthenticationFailedException("AADSTS700016: application not found in the directory.");
    }

    [DemoTenantFact]
    public async Task Collecting_the_demo_tenant_from_the_fake_yields_its_content()
    {
        var demo = DemoTenantFactAttribute.DemoFolder!;
        var vaults = System.Text.Json.JsonSerializer.Deserialize<TenantScanner.Snapshots.SnapshotManifest>(File.ReadAllBytes(Path.Combine(demo, "manifest.json")))!
            .Entries.Select(e => new Uri(e.Url)).Where(u => EndpointMap.IsKeyVaultHost(u.Host)).Select(u => new Uri($"https://{u.Host}")).Distinct().ToList();
        await using var fake = await FakeTenantHost.StartAsync(demo);

        var result = await SnapshotCollector.CollectAsync(fake.Options(vaults: vaults), null, CancellationToken.None, fake.Runtime);

        var served = SnapshotContent.Read(demo);
        var collected = SnapshotContent.Read(result.SnapshotFolder);
        // Every list the collector always reads must come back identical. Per-object Graph reads (owners,
        // app-role assignments, federated credentials, getByIds) depend on what the lists say, so they are
        // compared where both snapshots hold them.
        string[] perObject = ["GraphServicePrincipalOwners|", "GraphApplicationOwners|", "GraphAppRoleAssignments|", "GraphAppRoleAssignedTo|",
            "GraphApplicationFederatedCredentials|", "GraphDirectoryObjectsByIds|"];
        foreach (var (key, items) in served)
        {
            var isPerObject = perObject.Any(p => key.StartsWith(p, StringComparison.Ordinal));
            if (!collected.TryGetValue(key, out var got))
            {
                Assert.True(isPerObject, $"the collector did not collect {key}");
                continue;
            }
            Assert.True(items.SequenceEqual(got), $"collected content differs for {key}");
        }
    }

    private static void AssertSameContent(SortedDictionary<string, List<string>> expected, SortedDictionary<string, List<string>> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (key, items) in expected)
            Assert.True(items.SequenceEqual(actual[key]), $"content differs for {key}: expected {items.Count} items, got {actual[key].Count}");
    }

    private static string WriteConfig(FakeTenantHost fake)
    {
        var path = Path.Combine(fake.WorkFolder, "collect.yaml");
        File.WriteAllText(path, $"""
            endpoints:
              baseUrl: {fake.Server.HttpBase}
              keyVaultBaseUrl: {fake.Server.HttpsBase}
              keyVaultCertificateThumbprint: {fake.Server.Certificate.Thumbprint}
            resilience:
              maxAttempts: 10
              baseDelaySeconds: 0.005
            """);
        return path;
    }

    private static async Task<int> Invoke(FakeTenantHost fake, TextWriter output, params string[] args)
    {
        var root = new RootCommand { new CollectCommand(fake.Runtime).Build() };
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
    }
}

/// <summary>A fact that runs only when samples/demo-tenant exists in the repository (it arrives with another branch).</summary>
public sealed class DemoTenantFactAttribute : FactAttribute
{
    public static string? DemoFolder { get; } = FindDemo();

    public DemoTenantFactAttribute()
    {
        if (DemoFolder is null)
            Skip = "samples/demo-tenant is not in this checkout yet.";
    }

    private static string? FindDemo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Scanner.sln")))
            {
                var demo = Path.Combine(dir.FullName, "samples", "demo-tenant");
                return File.Exists(Path.Combine(demo, "manifest.json")) ? demo : null;
            }
        }
        return null;
    }
}
