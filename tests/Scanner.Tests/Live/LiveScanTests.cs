using TenantScanner.Cli;
using TenantScanner.Cli.Collect;
using TenantScanner.Cli.Commands;
using TenantScanner.Cli.Reports;
using TenantScanner.FakeTenant;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;

namespace TenantScanner.Cli.Tests.Live;

/// <summary>
/// <c>scanner scan --tenant</c> end to end: the fake tenant serves samples/demo-tenant, the real collector
/// reads it, the real engine scans what was collected, and the findings must be those of <c>scan --demo</c>.
/// </summary>
public sealed class LiveScanTests : IDisposable
{
    private const string AsOf = "2026-11-20T02:00:00Z";
    private const string ProductionEnvironment = "d6eb91a4-0566-4b17-b3eb-c3cb6758b474";
    private readonly string _work = Path.Combine(Path.GetTempPath(), "scanner-livescan-" + Guid.NewGuid().ToString("N"));

    public LiveScanTests() => Directory.CreateDirectory(_work);

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }

    [DemoTenantFact]
    public async Task Live_scan_of_the_fake_demo_tenant_finds_exactly_what_the_demo_scan_finds()
    {
        await using var fake = await FakeTenantHost.StartAsync(DemoTenantFactAttribute.DemoFolder!);

        var (exit, live, output) = await ScanLiveAsync(fake, "live");

        Assert.True(exit == ExitCodes.Success, output);
        Assert.Empty(live.Coverage);
        Assert.False(live.Incomplete);
        AssertSameOutcome(await ScanDemoAsync(), live);
        Assert.True(Directory.Exists(Path.Combine(_work, "live", "snapshot")), "the collected snapshot is kept next to the reports");
    }

    [DemoTenantFact]
    public async Task Live_scan_finds_the_same_when_a_tenth_of_requests_fail_transiently()
    {
        // Which request gets which fault depends on arrival order, so the assertions below hold for any draw; the first three
        // sub-requests are always throttled, since with few $batch sub-requests a run could otherwise draw none.
        var faults = new FaultOptions { Rate = 0.10, Seed = 11, RetryAfterSeconds = 0.015, SlowDelay = TimeSpan.FromMilliseconds(20), SubRequestThrottleRate = 0.5, ThrottledFirstSubRequests = 3 };
        await using var fake = await FakeTenantHost.StartAsync(DemoTenantFactAttribute.DemoFolder!, faults);

        var (exit, live, output) = await ScanLiveAsync(fake, "faulty");

        Assert.True(exit == ExitCodes.Success, output);
        Assert.Empty(live.Coverage);
        AssertSameOutcome(await ScanDemoAsync(), live);
        Assert.Contains("retry ", output, StringComparison.Ordinal);
        // Throttled $batch sub-requests are sent again and left out of entries[].batch; the loader must accept that.
        Assert.Contains("throttled sub-requests", output, StringComparison.Ordinal);
    }

    [DemoTenantTheory]
    [InlineData(FaultKind.Throttle429, "HTTP 429, Retry-After 0.015 s")]
    [InlineData(FaultKind.Unavailable503, "HTTP 503")]
    [InlineData(FaultKind.DropConnection, "connection failed")]
    [InlineData(FaultKind.TruncatedBody, "truncated body")]
    public async Task Live_scan_finds_the_same_under_each_kind_of_transient_fault(FaultKind kind, string retryReason)
    {
        var faults = new FaultOptions { Rate = 0.10, Seed = 3, Kinds = [kind], RetryAfterSeconds = 0.015 };
        await using var fake = await FakeTenantHost.StartAsync(DemoTenantFactAttribute.DemoFolder!, faults);

        var (exit, live, output) = await ScanLiveAsync(fake, kind.ToString());

        Assert.True(exit == ExitCodes.Success, output);
        Assert.Empty(live.Coverage);
        AssertSameOutcome(await ScanDemoAsync(), live);
        Assert.Contains(retryReason, output, StringComparison.Ordinal);
    }

    [DemoTenantFact]
    public async Task Live_scan_with_one_environment_failing_lists_the_gap_and_exits_incomplete()
    {
        var faults = new FaultOptions { FailingSources = [new FailingSource(null, ProductionEnvironment, 403)] };
        await using var fake = await FakeTenantHost.StartAsync(DemoTenantFactAttribute.DemoFolder!, faults);

        var (exit, live, output) = await ScanLiveAsync(fake, "gap");

        Assert.True(exit == ExitCodes.Incomplete, output);
        Assert.True(live.Incomplete);
        var flowGap = Assert.Single(live.Coverage, c => c.Source == "flow.flows" && c.EnvironmentId == ProductionEnvironment);
        Assert.Equal(403, flowGap.Status);
        Assert.Contains("FLOW001", flowGap.AffectedRules);
        Assert.All(live.Coverage, c => Assert.Equal(ProductionEnvironment, c.EnvironmentId));
        // The production environment's flows were never listed: each flow rule says so instead of passing them.
        var flowRules = live.Rules.Where(r => r.ResourceType == "flow" && r.Enabled).ToList();
        Assert.NotEmpty(flowRules);
        Assert.All(flowRules, rule => Assert.Contains(live.Inconclusive, i => i.RuleId == rule.Id && i.Resource.EnvironmentId == ProductionEnvironment));
        Assert.All(flowRules, rule => Assert.True(rule.Inconclusive > 0, $"{rule.Id} must be inconclusive for the unread environment"));
        Assert.DoesNotContain(live.Findings, f => f.Resource.EnvironmentId == ProductionEnvironment);
        // Findings in the environments that were read are unchanged.
        var demo = await ScanDemoAsync();
        Assert.Equal(
            Keys(demo.Findings.Where(f => f.Resource.Type == "flow" && f.Resource.EnvironmentId != ProductionEnvironment)),
            Keys(live.Findings.Where(f => f.Resource.Type == "flow")));
    }

    [DemoTenantFact]
    public async Task The_fake_receives_no_write_during_a_whole_live_scan()
    {
        await using var fake = await FakeTenantHost.StartAsync(DemoTenantFactAttribute.DemoFolder!, new FaultOptions { Rate = 0.05, Seed = 5 });

        var (exit, _, output) = await ScanLiveAsync(fake, "reads");

        Assert.True(exit == ExitCodes.Success, output);
        var log = fake.Server.Requests.All;
        Assert.NotEmpty(log);
        Assert.All(log, r => Assert.True(r.Method == "GET"
            || (r.Method == "POST" && (r.PathAndQuery.EndsWith("/$batch", StringComparison.Ordinal) || r.PathAndQuery.EndsWith("/directoryObjects/getByIds", StringComparison.Ordinal))),
            $"{r.Method} {r.PathAndQuery} is not a read"));
    }

    [DemoTenantFact]
    public async Task Live_scan_with_an_access_token_from_the_environment_reads_key_vault_over_pinned_tls_and_keeps_the_snapshot_where_asked()
    {
        const string token = "fake-tenant-token-7f3a";
        var served = DemoTenantFactAttribute.DemoFolder!;
        await using var fake = await FakeTenantHost.StartAsync(served, accessToken: token);
        var runtime = new CollectRuntime { Environment = name => name == AccessTokenCredential.Variable ? token : null };
        var output = new StringWriter();

        var exit = await CommandCatalog.InvokeAsync(
            ["scan", "--tenant", "contoso.onmicrosoft.com", "--config", WriteConfig(fake, auth: "access-token"), "--key-vaults", DemoVault,
             "--as-of", AsOf, "--format", "json", "--out", Path.Combine(_work, "token"), "--snapshot-out", Path.Combine(_work, "kept-snapshot")],
            output, output, runtime);

        Assert.True(exit == ExitCodes.Success, output.ToString());
        Assert.DoesNotContain(token, output.ToString(), StringComparison.Ordinal);
        Assert.All(fake.Server.Requests.All.Where(r => !r.HadBearerToken), r => Assert.Equal(401, r.Status));
        Assert.Contains(fake.Server.Requests.All, r => r.CanonicalHost == new Uri(DemoVault).Host && r.HadBearerToken && r.Status == 200);
        var live = JsonReportWriter.Read(Path.Combine(_work, "token", "scan.json"));
        Assert.Contains("keyvault.secrets", live.Scope.Sources);
        Assert.True(File.Exists(Path.Combine(_work, "kept-snapshot", "manifest.json")), "--snapshot-out names where the snapshot is kept");
        Assert.False(Directory.Exists(Path.Combine(_work, "token", "snapshot")));
    }

    [DemoTenantFact]
    public async Task A_bad_rules_overlay_stops_a_live_scan_before_any_request_is_sent()
    {
        await using var fake = await FakeTenantHost.StartAsync(DemoTenantFactAttribute.DemoFolder!);
        var overlay = Path.Combine(_work, "overlay.yaml");
        File.WriteAllText(overlay, "rules:\n  - id: SP003\n    severity: extreme\n");
        var output = new StringWriter();

        var exit = await CommandCatalog.InvokeAsync(
            ["scan", "--tenant", "contoso.onmicrosoft.com", "--config", WriteConfig(fake), "--rules", overlay, "--out", Path.Combine(_work, "typo")],
            output, output, fake.Runtime);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("overlay.yaml:3", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(fake.Server.Requests.All);
        Assert.False(Directory.Exists(Path.Combine(_work, "typo", "snapshot")));
    }

    [Fact]
    public async Task Scan_refuses_more_than_one_of_demo_snapshot_and_tenant()
    {
        var error = new StringWriter();

        var exit = await CommandCatalog.InvokeAsync(["scan", "--demo", "--tenant", "contoso.onmicrosoft.com"], new StringWriter(), error);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("exactly one of --demo, --snapshot DIR or --tenant", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_with_access_token_auth_but_no_token_variable_exits_with_bad_input_before_any_request()
    {
        var error = new StringWriter();
        var runtime = new CollectRuntime { Environment = _ => null };

        var exit = await CommandCatalog.InvokeAsync(
            ["scan", "--tenant", "contoso.onmicrosoft.com", "--auth", "access-token", "--out", Path.Combine(_work, "none")], new StringWriter(), error, runtime);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(AccessTokenCredential.Variable, error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_work, "none", "snapshot")));
    }

    [Fact]
    public async Task A_secret_given_to_scan_is_refused_without_being_echoed()
    {
        var output = new StringWriter();
        const string secret = "abc8Q~s3cr3tvalueherethatisquitelongxyz12";

        var exit = await CommandCatalog.InvokeAsync(["scan", "--tenant", "contoso.onmicrosoft.com", "--client-secret", secret], output, output);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.DoesNotContain(secret, output.ToString(), StringComparison.Ordinal);
        Assert.Contains("workload-identity", output.ToString(), StringComparison.Ordinal);
    }

    private const string DemoVault = "https://kv-contoso-automation.vault.azure.net";

    private async Task<(int Exit, ScanResult Result, string Output)> ScanLiveAsync(FakeTenantHost fake, string name)
    {
        var output = new StringWriter();
        var outFolder = Path.Combine(_work, name);
        var exit = await CommandCatalog.InvokeAsync(
            ["scan", "--tenant", "contoso.onmicrosoft.com", "--config", WriteConfig(fake), "--key-vaults", DemoVault,
             "--as-of", AsOf, "--format", "json", "--out", outFolder],
            output, output, fake.Runtime);
        var scanJson = Path.Combine(outFolder, "scan.json");
        Assert.True(File.Exists(scanJson), $"no scan.json (exit {exit}):\n{output}");
        return (exit, JsonReportWriter.Read(scanJson), output.ToString());
    }

    private async Task<ScanResult> ScanDemoAsync()
    {
        var output = new StringWriter();
        var outFolder = Path.Combine(_work, "demo-" + Guid.NewGuid().ToString("N")[..8]);
        var exit = await CommandCatalog.InvokeAsync(["scan", "--demo", "--as-of", AsOf, "--format", "json", "--out", outFolder], output, output);
        Assert.True(exit == ExitCodes.Success, output.ToString());
        return JsonReportWriter.Read(Path.Combine(outFolder, "scan.json"));
    }

    private string WriteConfig(FakeTenantHost fake, string? auth = null)
    {
        var path = Path.Combine(_work, $"collect-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, $"""
            {(auth is null ? "" : $"auth: {auth}")}
            endpoints:
              baseUrl: {fake.Server.HttpBase}
              keyVaultBaseUrl: {fake.Server.HttpsBase}
              keyVaultCertificateThumbprint: {fake.Server.Certificate.Thumbprint}
            resilience:
              maxAttempts: 12
              baseDelaySeconds: 0.005
            """);
        return path;
    }

    /// <summary>Everything a finding says except where its evidence lives (file paths differ between the two snapshots).</summary>
    private static List<string> Keys(IEnumerable<Finding> findings) =>
        [.. findings.Select(f => $"{f.RuleId}|{f.Resource.Type}|{f.Resource.Id}|{f.Severity}|{f.Status}|{f.Message}|{f.Fingerprint}").Order(StringComparer.Ordinal)];

    private static void AssertSameOutcome(ScanResult demo, ScanResult live)
    {
        Assert.NotEmpty(demo.Findings);
        var expected = Keys(demo.Findings);
        var actual = Keys(live.Findings);
        Assert.True(expected.SequenceEqual(actual),
            $"findings differ.\nOnly in demo:\n  {string.Join("\n  ", expected.Except(actual))}\nOnly in live:\n  {string.Join("\n  ", actual.Except(expected))}");
        string Counts(RuleSummary r) => $"{r.Id}: passed {r.Passed}, failed {r.Failed}, inconclusive {r.Inconclusive}";
        var expectedCounts = demo.Rules.Select(Counts).ToList();
        var actualCounts = live.Rules.Select(Counts).ToList();
        Assert.True(expectedCounts.SequenceEqual(actualCounts),
            $"per-rule counts differ.\nDemo:\n  {string.Join("\n  ", expectedCounts.Except(actualCounts))}\nLive:\n  {string.Join("\n  ", actualCounts.Except(expectedCounts))}");
        Assert.Equal(
            demo.Inconclusive.Select(i => $"{i.RuleId}|{i.Resource.Type}|{i.Resource.Id}").Order(StringComparer.Ordinal),
            live.Inconclusive.Select(i => $"{i.RuleId}|{i.Resource.Type}|{i.Resource.Id}").Order(StringComparer.Ordinal));
    }
}

/// <summary>A theory that runs only when samples/demo-tenant exists in the repository.</summary>
public sealed class DemoTenantTheoryAttribute : TheoryAttribute
{
    public DemoTenantTheoryAttribute()
    {
        if (DemoTenantFactAttribute.DemoFolder is null)
            Skip = "samples/demo-tenant is not in this checkout yet.";
    }
}
