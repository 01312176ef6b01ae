using TenantScanner.Cli;
using TenantScanner.Cli.Commands;
using TenantScanner.Cli.Reports;
using TenantScanner.FakeTenant;
using TenantScanner.TestKit.SecretCorpus;

namespace TenantScanner.Cli.Tests.Live;

/// <summary><c>scanner scan --tenant</c> end to end against the fake demo tenant turned hostile for one source: the scan still reports, with exit code 3.</summary>
public sealed class HostileLiveScanTests : IDisposable
{
    private const string AsOf = "2026-11-20T02:00:00Z";
    private const string DemoVault = "https://kv-contoso-automation.vault.azure.net";
    private readonly TempFolder _work = new();

    public void Dispose() => _work.Dispose();

    [DemoTenantFact]
    public async Task A_live_scan_whose_users_page_is_an_html_sign_in_page_reports_a_gap_and_its_snapshot_scans_again()
    {
        await using var fake = await FakeTenantHost.StartAsync(DemoTenantFactAttribute.DemoFolder!, hostile: [new HostileRule(Hostility.HtmlBody, "graph.users")]);
        var output = new StringWriter();

        var exit = await ScanLiveAsync(fake, output, "live");

        Assert.True(exit == ExitCodes.Incomplete, output.ToString());
        var live = JsonReportWriter.Read(Path.Combine(_work.Path, "live", "scan.json"));
        var gap = Assert.Single(live.Coverage, c => c.Source == "graph.users");
        Assert.Contains("text/html", gap.Error, StringComparison.Ordinal);
        var again = new StringWriter();
        var rescan = await CommandCatalog.InvokeAsync(
            ["scan", "--snapshot", Path.Combine(_work.Path, "live", "snapshot"), "--as-of", AsOf, "--format", "json", "--out", Path.Combine(_work.Path, "again")],
            again, again);
        Assert.True(rescan == ExitCodes.Incomplete, again.ToString());
    }

    [DemoTenantFact]
    public async Task A_secret_in_a_service_error_message_appears_in_no_report_and_no_console_line()
    {
        var secret = new SecretValues(new Random(11)).EntraClientSecret();
        await using var fake = await FakeTenantHost.StartAsync(DemoTenantFactAttribute.DemoFolder!,
            hostile: [new HostileRule(Hostility.ErrorMessage, "graph.users") { Text = $"The credential {secret} was revoked." }]);
        var output = new StringWriter();

        var exit = await ScanLiveAsync(fake, output, "secret");

        Assert.True(exit == ExitCodes.Incomplete, output.ToString());
        Assert.DoesNotContain(secret, output.ToString(), StringComparison.Ordinal);
        var reports = Directory.EnumerateFiles(Path.Combine(_work.Path, "secret"), "*", SearchOption.TopDirectoryOnly).ToList();
        Assert.NotEmpty(reports);
        Assert.All(reports, report => Assert.DoesNotContain(secret, File.ReadAllText(report), StringComparison.Ordinal));
        Assert.DoesNotContain(secret, File.ReadAllText(Path.Combine(_work.Path, "secret", "snapshot", "manifest.json")), StringComparison.Ordinal);
    }

    private async Task<int> ScanLiveAsync(FakeTenantHost fake, StringWriter output, string name)
    {
        var config = _work.Write($"{name}.yaml", $"""
            endpoints:
              baseUrl: {fake.Server.HttpBase}
              keyVaultBaseUrl: {fake.Server.HttpsBase}
              keyVaultCertificateThumbprint: {fake.Server.Certificate.Thumbprint}
            resilience:
              maxAttempts: 12
              baseDelaySeconds: 0.005
            """);
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        return await CommandCatalog.InvokeAsync(
            ["scan", "--tenant", "contoso.onmicrosoft.com", "--config", config, "--key-vaults", DemoVault,
             "--as-of", AsOf, "--format", "json,csv", "--out", Path.Combine(_work.Path, name)],
            output, output, fake.Runtime, hang.Token);
    }
}
