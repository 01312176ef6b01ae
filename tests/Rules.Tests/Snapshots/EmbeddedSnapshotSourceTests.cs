using TenantScanner.Inventory.Loading;
using TenantScanner.Inventory;
using TenantScanner.Snapshots;

namespace TenantScanner.Tests.Snapshots;

public sealed class EmbeddedSnapshotSourceTests
{
    private static EmbeddedSnapshotSource Tiny() =>
        new(typeof(EmbeddedSnapshotSourceTests).Assembly, "tiny-snapshot", "embedded test snapshot");

    [Fact]
    public void Loads_a_snapshot_embedded_as_resources()
    {
        var snapshot = InventoryLoader.Load(Tiny());
        Assert.Equal("Łódź Embedded", snapshot.Inventory.TenantDisplayName);
        var user = Assert.Single(snapshot.Inventory.Users);
        Assert.Equal(("山田太郎", "graph/users-0001.json", "/value/0"), (user.DisplayName, user.Source.File, user.Source.JsonPointer));
        Assert.Equal(64, snapshot.ManifestSha256.Length);
    }

    [Fact]
    public void Accepts_a_prefix_with_a_trailing_slash()
    {
        var source = new EmbeddedSnapshotSource(typeof(EmbeddedSnapshotSourceTests).Assembly, "tiny-snapshot/", "embedded test snapshot");
        using var stream = source.Open("graph/users-0001.json");
        Assert.True(stream.Length > 0);
    }

    [Fact]
    public void Names_the_missing_file_and_the_description()
    {
        var error = Assert.Throws<SnapshotFormatException>(() => Tiny().Open("graph/missing.json"));
        Assert.Equal("graph/missing.json: file listed in the manifest is missing from embedded test snapshot.", error.Message);
    }

    [Fact]
    public void Refuses_paths_that_leave_the_prefix()
    {
        var error = Assert.Throws<SnapshotFormatException>(() => Tiny().Open("../tiny-snapshot/manifest.json"));
        Assert.Contains("leaves the snapshot folder", error.Message);
    }
}
