using System.Globalization;
using TenantScanner.FakeTenant;

// Stand-alone mode: dotnet run --project tests/FakeTenant -- --snapshot samples/demo-tenant [--fault-rate 0.1] [--seed 7]
//   [--http-port 5080] [--https-port 5443] [--throttle CAPACITY:REFILL_PER_SECOND]
var arguments = args.Select((value, index) => (value, index)).ToList();
string? Value(string name) => arguments.Where(a => a.value == name && a.index + 1 < args.Length).Select(a => args[a.index + 1]).FirstOrDefault();
var snapshot = Value("--snapshot");
if (snapshot is null || !File.Exists(Path.Combine(snapshot, "manifest.json")))
{
    await Console.Error.WriteLineAsync("Usage: FakeTenant --snapshot <snapshot folder with manifest.json> [--fault-rate 0.1] [--seed 1] [--http-port 0] [--https-port 0] [--throttle 2000:800]");
    return 2;
}
var throttle = Value("--throttle")?.Split(':') is [var capacity, var refill]
    ? new ThrottleOptions(double.Parse(capacity, CultureInfo.InvariantCulture), double.Parse(refill, CultureInfo.InvariantCulture))
    : null;
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
};
await using var server = await FakeTenantServer.StartAsync(options);
var vaults = server.State.Store.Manifest.Entries.Select(e => new Uri(e.Url)).Where(u => u.Host.EndsWith(".vault.azure.net", StringComparison.OrdinalIgnoreCase))
    .Select(u => $"https://{u.Host}").Distinct().ToList();
var config = Path.Combine(Path.GetTempPath(), $"fake-tenant-{Environment.ProcessId}.yaml");
await File.WriteAllTextAsync(config, $"""
    # scanner collect configuration for the fake tenant serving {Path.GetFullPath(snapshot)}
    tenant: {server.State.Store.Manifest.TenantId}
    endpoints:
      baseUrl: {server.HttpBase.AbsoluteUri.TrimEnd('/')}
      keyVaultBaseUrl: {server.HttpsBase.AbsoluteUri.TrimEnd('/')}
      keyVaultCertificateThumbprint: {server.Certificate.Thumbprint}
    """);
Console.WriteLine($"Fake tenant serving {Path.GetFullPath(snapshot)}");
Console.WriteLine($"  HTTP  base: {server.HttpBase}   (Graph, Power Platform, Dataverse)");
Console.WriteLine($"  HTTPS base: {server.HttpsBase}   (Key Vault; certificate thumbprint {server.Certificate.Thumbprint})");
Console.WriteLine($"  config:     {config}");
Console.WriteLine("Any bearer token is accepted; e.g. with a throw-away token from the Azure CLI:");
Console.WriteLine($"  dotnet run --project src/Scanner -- collect --config {config} --auth azure-cli --out snapshots/fake-{DateTime.UtcNow:yyyyMMddHHmmss}"
    + (vaults.Count > 0 ? $" --key-vaults {string.Join(',', vaults)}" : ""));
Console.WriteLine("Press Ctrl+C to stop.");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
await stop.Task;
return 0;
