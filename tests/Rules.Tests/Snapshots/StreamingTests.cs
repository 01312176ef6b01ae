using TenantScanner.Inventory.Loading;
using TenantScanner.Inventory;
using TenantScanner.Snapshots;
using static TenantScanner.Tests.Snapshots.SnapshotFixture;

namespace TenantScanner.Tests.Snapshots;

public sealed class StreamingTests
{
    /// <summary>Counts how often each file is opened and how many are open at once.</summary>
    private sealed class CountingSource(ISnapshotSource inner) : ISnapshotSource
    {
        public Dictionary<string, int> Opens { get; } = [];
        public int OpenNow { get; private set; }
        public int MaxOpenAtOnce { get; private set; }

        public string Description => inner.Description;

        public Stream Open(string relativePath)
        {
            Opens[relativePath] = Opens.GetValueOrDefault(relativePath) + 1;
            OpenNow++;
            MaxOpenAtOnce = Math.Max(MaxOpenAtOnce, OpenNow);
            return new TrackedStream(inner.Open(relativePath), () => OpenNow--);
        }
    }

    private sealed class TrackedStream(Stream inner, Action onDispose) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false; // exercise the growing-buffer path
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 7));
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                onDispose();
            }
            base.Dispose(disposing);
        }
    }

    [Fact]
    public void Reads_every_file_exactly_once_and_one_at_a_time()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/users", string.Join(",", Enumerable.Range(0, 3000).Select(i => $$"""{"id":"u{{i}}","displayName":"Zoë {{i}}"}""")));
        fixture.AddList($"{Graph}/servicePrincipals", """{"id":"sp1","appId":"a1"}""");
        fixture.Add($"{FlowAdmin}/env1/v2/flows", "failed", status: 500);
        fixture.WriteFile("manifest.json", fixture.ManifestJson());
        var source = new CountingSource(new FolderSnapshotSource(fixture.Folder));

        var inventory = InventoryLoader.Load(source).Inventory;

        Assert.Equal(3000, inventory.Users.Count);
        Assert.Equal(4, source.Opens.Count);
        Assert.All(source.Opens.Values, count => Assert.Equal(1, count));
        Assert.Equal(1, source.MaxOpenAtOnce);
        Assert.Equal(0, source.OpenNow);
    }
}
