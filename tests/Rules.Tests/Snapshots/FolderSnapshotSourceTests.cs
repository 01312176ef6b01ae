using TenantScanner.Snapshots;

namespace TenantScanner.Tests.Snapshots;

public sealed class FolderSnapshotSourceTests
{
    [Fact]
    public void Opens_a_file_inside_the_folder()
    {
        using var fixture = new SnapshotFixture();
        fixture.WriteFile("graph/users.json", "{}");
        using var stream = new FolderSnapshotSource(fixture.Folder).Open("graph/users.json");
        Assert.Equal(2, stream.Length);
    }

    [Theory]
    [InlineData("../x.json")]
    [InlineData("a/../../x.json")]
    [InlineData("/x.json")]
    [InlineData("D:/x.json")]
    [InlineData("a\\x.json")]
    [InlineData("a//x.json")]
    [InlineData("")]
    public void Refuses_paths_that_leave_the_folder_or_are_not_relative(string path)
    {
        using var fixture = new SnapshotFixture();
        var error = Assert.Throws<SnapshotFormatException>(() => new FolderSnapshotSource(fixture.Folder).Open(path));
        Assert.Contains("leaves the snapshot folder or is not a valid relative path", error.Message);
    }

    [Fact]
    public void Refuses_a_symbolic_link_to_a_file_outside_the_folder()
    {
        using var fixture = new SnapshotFixture();
        using var outside = new SnapshotFixture();
        outside.WriteFile("secret.json", "{}");
        File.CreateSymbolicLink(Path.Combine(fixture.Folder, "link.json"), Path.Combine(outside.Folder, "secret.json"));
        var error = Assert.Throws<SnapshotFormatException>(() => new FolderSnapshotSource(fixture.Folder).Open("link.json"));
        Assert.Contains("symbolic link", error.Message);
    }

    [Fact]
    public void Refuses_a_symbolic_link_to_a_directory_outside_the_folder()
    {
        using var fixture = new SnapshotFixture();
        using var outside = new SnapshotFixture();
        outside.WriteFile("graph/users.json", "{}");
        Directory.CreateSymbolicLink(Path.Combine(fixture.Folder, "graph"), Path.Combine(outside.Folder, "graph"));
        var error = Assert.Throws<SnapshotFormatException>(() => new FolderSnapshotSource(fixture.Folder).Open("graph/users.json"));
        Assert.Contains("symbolic link", error.Message);
    }

    [Fact]
    public void Accepts_a_symbolic_link_that_stays_inside_the_folder()
    {
        using var fixture = new SnapshotFixture();
        fixture.WriteFile("real/users.json", "{}");
        File.CreateSymbolicLink(Path.Combine(fixture.Folder, "alias.json"), Path.Combine(fixture.Folder, "real", "users.json"));
        using var stream = new FolderSnapshotSource(fixture.Folder).Open("alias.json");
        Assert.Equal(2, stream.Length);
    }

    [Fact]
    public void Refuses_a_folder_that_does_not_exist()
    {
        var error = Assert.Throws<SnapshotFormatException>(() => new FolderSnapshotSource(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));
        Assert.Contains("does not exist", error.Message);
    }
}
