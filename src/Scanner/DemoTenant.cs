using TenantScanner.Snapshots;

namespace TenantScanner.Cli;

/// <summary>
/// The demo tenant (samples/demo-tenant) is embedded in the scanner so <c>scanner scan --demo</c> works
/// from any folder, with nothing to download.
/// </summary>
public static class DemoTenant
{
    public const string ResourcePrefix = "demo-tenant/";

    public static ISnapshotSource Source =>
        new EmbeddedSnapshotSource(typeof(DemoTenant).Assembly, ResourcePrefix, "embedded demo tenant");
}
