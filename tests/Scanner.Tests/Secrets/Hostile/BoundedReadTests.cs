using TenantScanner.Cli.Secrets;

namespace TenantScanner.Cli.Tests.Secrets.Hostile;

/// <summary>
/// Reading never trusts a declared length. (.NET stops unpacking a zip entry at its declared size, so an entry
/// cannot unpack more than it declares today; this is the guard if a stream ever does.)
/// </summary>
public sealed class BoundedReadTests
{
    [Fact]
    public void Stream_longer_than_the_limit_gives_nothing_whatever_length_it_declared()
    {
        using var stream = new MemoryStream(new byte[5000]);

        Assert.Null(BoundedRead.ReadAtMost(stream, limit: 4999, expectedLength: 10));
        Assert.InRange(stream.Position, 4999, 5000);
    }

    [Fact]
    public void Stream_of_exactly_the_limit_is_read_whole()
    {
        var content = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();

        Assert.Equal(content, BoundedRead.ReadAtMost(new MemoryStream(content), limit: 5000, expectedLength: 5000));
        Assert.Equal(content, BoundedRead.ReadAtMost(new MemoryStream(content), limit: 5000, expectedLength: 3));
    }

    [Fact]
    public void Declared_length_far_above_the_content_allocates_no_more_than_the_limit_and_returns_the_content()
    {
        var content = new byte[] { 1, 2, 3 };

        Assert.Equal(content, BoundedRead.ReadAtMost(new MemoryStream(content), limit: 1024, expectedLength: long.MaxValue));
    }
}
