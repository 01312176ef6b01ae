using TenantScanner.Cli;
using TenantScanner.Cli.Collect;
using TenantScanner.Cli.Commands;
using TenantScanner.Cli.Reports;
using TenantScanner.Cli.Tests.Live;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Tests.Remediation;

/// <summary>
/// The fake demo tenant plus a work folder, and the CLI commands a remediation test runs against it exactly as a
/// user would: scan --tenant, plan, apply, undo.
/// </summary>
internal sealed class RemediationWorkspace : IAsyncDisposable
{
    public const string TenantId = "4d3c2b1a-8e7f-4a6b-9c5d-2e1f0a9b8c7d";
    private const string AsOf = "2026-11-20T02:00:00Z";
    private const string DemoVault = "https://kv-contoso-automation.vault.azure.net";

    /// <summary>Enabled users of the demo tenant, named as owners by <see cref="WriteOwners"/>.</summary>
    public const string Astrid = "57b19ce8-71ba-4fd9-8c5e-212aa25a08cb";
    public const string Oliver = "c3b235ea-11b9-4035-b406-d8c39094a0a7";
    public const string David = "33e38cda-0d54-4884-8d74-dd0d4c3a86a6";
    public const string Priya = "00b90897-e79d-49ca-8256-4ea53a14103a";

    private RemediationWorkspace(FakeTenantHost fake) => Fake = fake;

    public FakeTenantHost Fake { get; }
    public string Folder => Fake.WorkFolder;
    public JwtTokenCredential Credential { get; } = new();
    public CollectRuntime Runtime => new() { Credential = Credential, Jitter = new Random(3), Environment = _ => null };
    public string Config { get; private set; } = "";

    public static async Task<RemediationWorkspace> StartAsync(FakeTenant.FaultOptions? faults = null)
    {
        var workspace = new RemediationWorkspace(await FakeTenantHost.StartAsync(DemoTenantFactAttribute.DemoFolder!, faults));
        workspace.Config = workspace.Write("fake.yaml", $"""
            endpoints:
              baseUrl: {workspace.Fake.Server.HttpBase}
              keyVaultBaseUrl: {workspace.Fake.Server.HttpsBase}
              keyVaultCertificateThumbprint: {workspace.Fake.Server.Certificate.Thumbprint}
            resilience:
              maxAttempts: 12
              baseDelaySeconds: 0.005
            """);
        return workspace;
    }

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Legacy SAP Bridge by name; everything else by the fallback.</summary>
    public string WriteOwners() => Write("owners.yaml", $"""
        owners:
          - name: "Legacy SAP*"
            owners:
              - {"{"} id: {Astrid}, name: Astrid Lindqvist {"}"}
              - {"{"} id: {Oliver}, name: Oliver Bennett {"}"}
        fallback:
          owners:
            - {"{"} id: {David}, name: David Cohen {"}"}
            - {"{"} id: {Priya}, name: Priya Raman {"}"}
        """);

    public async Task<ScanResult> ScanAsync(string name)
    {
        var outFolder = Path.Combine(Folder, name);
        var run = await RunAsync("scan", "--tenant", "contoso.onmicrosoft.com", "--config", Config, "--key-vaults", DemoVault,
            "--as-of", AsOf, "--format", "json", "--out", outFolder);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
        return JsonReportWriter.Read(Path.Combine(outFolder, "scan.json"));
    }

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    public async Task<CliResult> RunAsync(CancellationToken cancellation, params string[] args)
    {
        var output = new StringWriter();
        var exit = await CommandCatalog.InvokeAsync(args, output, output, Runtime, cancellation);
        return new CliResult(exit, output.ToString());
    }

    public Task<CliResult> ApplyAsync(string plan, params string[] more) =>
        RunAsync(["apply", plan, "--tenant", "contoso.onmicrosoft.com", "--config", Config, .. more]);

    public Task<CliResult> UndoAsync(string journal, params string[] more) =>
        RunAsync(["undo", journal, "--tenant", "contoso.onmicrosoft.com", "--config", Config, .. more]);

    /// <summary>Every write the fake received, as "METHOD path body", with its status.</summary>
    public IReadOnlyList<FakeTenant.RecordedRequest> Writes => [.. Fake.Server.Requests.All.Where(r => r.Body is not null)];

    public ValueTask DisposeAsync() => Fake.DisposeAsync();
}

internal sealed record CliResult(int ExitCode, string Output);
