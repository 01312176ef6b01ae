using System.Runtime.InteropServices;
using TenantScanner.Snapshots;
using static TenantScanner.Tests.Snapshots.SnapshotFixture;

namespace TenantScanner.Tests.Snapshots;

/// <summary>Snapshot files a loader must refuse before reading them: too large to be a page, or not a file at all.</summary>
public sealed class HostileSnapshotFileTests
{
    [Fact]
    public void Sparse_file_larger_than_the_limit_is_refused_by_name_before_it_is_read()
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.AddList($"{Graph}/users", """{"id":"u1","displayName":"Ann"}""");
        using (var stream = File.OpenWrite(Path.Combine(fixture.Folder, file)))
            stream.SetLength(1L << 30); // a gigabyte of nothing, taking no disk space

        var error = fixture.LoadFails();

        Assert.Equal(file, error.File);
        Assert.Equal($"{file}: the file is 1,073,741,824 bytes, over the limit of 268,435,456 bytes for one snapshot file; it was not loaded.", error.Message);
    }

    [Fact]
    public void Stream_without_a_length_is_cut_off_at_the_limit()
    {
        var source = new EndlessSource();

        var error = Assert.Throws<SnapshotFormatException>(() => SnapshotFileReader.Read(source, "graph/users.json", maxFileBytes: 100_000, CancellationToken.None));

        Assert.Equal("graph/users.json: the file is over the limit of 100,000 bytes for one snapshot file; it was not loaded.", error.Message);
        Assert.InRange(source.Stream.Served, 100_001, 300_000);
    }

    [Fact]
    public async Task Fifo_listed_in_the_manifest_is_refused_without_being_opened()
    {
        if (OperatingSystem.IsWindows())
            return; // no FIFOs
        using var fixture = new SnapshotFixture();
        var file = fixture.AddList($"{Graph}/users", """{"id":"u1","displayName":"Ann"}""");
        fixture.ManifestJson(); // completes the snapshot: Folder is its final folder from here on
        var path = Path.Combine(fixture.Folder, file);
        File.Delete(path);
        Assert.Equal(0, mkfifo(path, Convert.ToUInt32("644", 8)));
        // Lets the old code (which opened the FIFO) finish instead of hanging; released below when nothing opened it.
        var writer = Task.Run(() => new FileStream(path, FileMode.Open, FileAccess.Write).Dispose());

        var error = Record.Exception(() => fixture.Load());

        if (!writer.IsCompleted)
            new FileStream(path, FileMode.Open, FileAccess.Read).Dispose();
        await writer;
        var refused = Assert.IsType<SnapshotFormatException>(error);
        Assert.Contains($"{file}: not a regular file (a FIFO, socket or device)", refused.Message, StringComparison.Ordinal);
    }

#pragma warning disable CA1401, SYSLIB1054, CA5392 // a plain libc call for test set-up
    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
#pragma warning restore CA1401, SYSLIB1054, CA5392

    /// <summary>A source whose file never ends and cannot tell its length (a pipe, a device).</summary>
    private sealed class EndlessSource : ISnapshotSource
    {
        public EndlessStream Stream { get; } = new();

        public string Description => "endless";

        public Stream Open(string relativePath) => Stream;
    }

    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            Served += count;
            return count;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
