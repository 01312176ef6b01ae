using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TenantScanner.FakeTenant;

// Stand-alone mode: dotnet run --project tests/TestKit/FakeTenant -- --snapshot samples/demo-tenant [--fault-rate 0.1] [--seed 7]
//   [--http-port 5080] [--https-port 5443] [--throttle CAPACITY:REFILL_PER_SECOND] [--work-dir DIR]
// Prints the commands that scan it with `scanner scan --tenant ... --auth access-token`: no Azure account needed.
var arguments = args.Select((value, index) => (value, index)).ToList();
string? Value(string name) => arguments.Where(a => a.value == name && a.index + 1 < args.Length).Select(a => args[a.index + 1]).FirstOrDefault();
var snapshot = Value("--snapshot");
if (snapshot is null || !File.Exists(Path.Combine(snapshot, "manifest.json")))
{
    await Console.Error.WriteLineAsync("Usage: FakeTenant --snapshot <snapshot folder with manifest.json> [--fault-rate 0.1] [--seed 1] [--http-port 0] [--https-port 0] [--throttle 2000:800] [--work-dir DIR]");
    return 2;
}
var throttle = Value("--throttle")?.Split(':') is [var capacity, var refill]
    ? new ThrottleOptions(double.Parse(capacity, CultureInfo.InvariantCulture), double.Parse(refill, CultureInfo.InvariantCulture))
    : null;
// A fresh random token per run: the fake accepts only this one, so a scan that reaches it proves the
// scanner sent the token it was given (and a stray real token is refused, never logged).
var token = "fake-tenant-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
var options = new FakeTenantOptions
{
    SnapshotFolder = snapshot,
    HttpPort = int.Parse(Value("--http-port") ?? "0", CultureInfo.InvariantCulture),
    HttpsPort = int.Parse(Value("--https-port") ?? "0", CultureInfo.InvariantCulture),
    Faults = new FaultOptions
    {
        Rate = double.Parse(Value("--fault-rate") ?? "0", CultureInfo.InvariantCulture),
        Seed = int.Parse(Value("--seed") ?? "1", CultureInfo.InvariantCulture),
    },
    Throttle = throttle,
    AccessToken = token,
};
await using var server = await FakeTenantServer.StartAsync(options);
var vaults = server.State.Store.Manifest.Entries.Select(e => new Uri(e.Url)).Where(u => u.Host.EndsWith(".vault.azure.net", StringComparison.OrdinalIgnoreCase))
    .Select(u => $"https://{u.Host}").Distinct().ToList();
var work = Path.GetFullPath(Value("--work-dir") ?? Path.Combine(Path.GetTempPath(), $"fake-tenant-{Environment.ProcessId}"));
Directory.CreateDirectory(work);
var config = Path.Combine(work, "scanner.yaml");
var tokenFile = Path.Combine(work, "access-token");
await File.WriteAllTextAsync(config, $"""
    # scanner configuration for the fake tenant serving {Path.GetFullPath(snapshot)} (see docs/live-scanning.md)
    tenant: {server.State.Store.Manifest.TenantId}
    auth: access-token          # bearer token from SCANNER_ACCESS_TOKEN
    keyVaults: [{string.Join(", ", vaults)}]
    endpoints:
      baseUrl: {server.HttpBase.AbsoluteUri.TrimEnd('/')}
      keyVaultBaseUrl: {server.HttpsBase.AbsoluteUri.TrimEnd('/')}
      keyVaultCertificateThumbprint: {server.Certificate.Thumbprint}   # trusted for this loopback URL only
    """);
await File.WriteAllTextAsync(tokenFile, token);
if (!OperatingSystem.IsWindows())
    File.SetUnixFileMode(tokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

Console.WriteLine($"Fake tenant serving {Path.GetFullPath(snapshot)} (tenant {server.State.Store.Manifest.TenantId})");
Console.WriteLine($"  HTTP  base: {server.HttpBase}   (Graph, Power Platform, Dataverse)");
Console.WriteLine($"  HTTPS base: {server.HttpsBase}   (Key Vault; self-signed certificate, SHA-1 thumbprint {server.Certificate.Thumbprint})");
Console.WriteLine($"  config:     {config}");
Console.WriteLine($"  token file: {tokenFile}   (the only bearer token this fake accepts)");
Console.WriteLine();
var scan = $"scan --tenant {server.State.Store.Manifest.TenantId} --auth access-token --config {config} --out reports/fake-tenant --fail-on high";
Console.WriteLine("Scan it from another shell at the repository root (bash/zsh):");
Console.WriteLine($"  export SCANNER_ACCESS_TOKEN=\"$(cat {tokenFile})\"");
Console.WriteLine($"  dotnet run --project src/Scanner -- {scan}");
Console.WriteLine("PowerShell:");
Console.WriteLine($"  $env:SCANNER_ACCESS_TOKEN = Get-Content {tokenFile}");
Console.WriteLine($"  dotnet run --project src/Scanner -- {scan}");
Console.WriteLine("Press Ctrl+C (or send SIGTERM) to stop.");

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.TrySetResult(); });
await stop.Task;
Console.WriteLine($"Stopped; {server.Requests.All.Count} requests served.");
File.Delete(tokenFile);
File.Delete(config);
if (Value("--work-dir") is null)
    Directory.Delete(work);
return 0;
