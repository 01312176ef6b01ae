using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TenantScanner.TestKit.TenantGenerator.Model;
using TenantScanner.TestKit.TenantGenerator.Output;

namespace TenantScanner.Tests.Generator;

public sealed class GeneratorBuildingBlocksTests : IDisposable
{
    private readonly string _temp = SnapshotFolder.NewTemporaryFolder();

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Manifest_check_reports_a_file_changed_after_it_was_written()
    {
        var folder = Path.Combine(_temp, "tampered");
        var writer = new SnapshotWriter(folder, DateTimeOffset.UnixEpoch, indented: false);
        writer.WriteResponse("graph/users-0001.json", "https://graph.microsoft.com/v1.0/users", new JsonObject { ["value"] = new JsonArray() });
        writer.Complete("t", "T", DateTimeOffset.UnixEpoch, []);
        Assert.Empty(SnapshotFolder.ManifestProblems(folder));

        File.AppendAllText(Path.Combine(folder, "graph", "users-0001.json"), " ");

        Assert.Contains(SnapshotFolder.ManifestProblems(folder), problem => problem.StartsWith("graph/users-0001.json: sha256", StringComparison.Ordinal));
    }

    [Fact]
    public void Writer_refuses_a_url_that_no_source_route_knows()
    {
        var writer = new SnapshotWriter(Path.Combine(_temp, "unknown"), DateTimeOffset.UnixEpoch, indented: false);

        var error = Assert.Throws<InvalidOperationException>(() =>
            writer.WriteResponse("x.json", "https://graph.microsoft.com/v1.0/groups", new JsonObject()));

        Assert.Contains("matches no source route", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_list_is_still_written_as_one_page_without_a_next_link()
    {
        var folder = Path.Combine(_temp, "empty");
        var writer = new SnapshotWriter(folder, DateTimeOffset.UnixEpoch, indented: false);
        var pages = new PagedListWriter(writer, new StableIds("s"));

        var count = pages.Write(new ListRequest("graph/oauth2PermissionGrants", "https://graph.microsoft.com/v1.0/oauth2PermissionGrants", 999,
            PagingStyle.OData, "https://graph.microsoft.com/v1.0/$metadata#oauth2PermissionGrants"), []);

        Assert.Equal(0, count);
        using var page = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "graph", "oauth2PermissionGrants-0001.json")));
        Assert.Equal(0, page.RootElement.GetProperty("value").GetArrayLength());
        Assert.False(page.RootElement.TryGetProperty("@odata.nextLink", out _));
        Assert.Equal(1, writer.FileCount);
    }

    [Fact]
    public void Fake_entra_secrets_have_the_real_shape_and_depend_on_seed_and_key()
    {
        var ids = new StableIds("seed");
        var secret = ids.EntraClientSecret("a");

        Assert.Matches(new Regex("^[A-Za-z0-9]{3}8Q~[A-Za-z0-9~._-]{34}$"), secret);
        Assert.Equal(secret, new StableIds("seed").EntraClientSecret("a"));
        Assert.NotEqual(secret, ids.EntraClientSecret("b"));
        Assert.NotEqual(secret, new StableIds("other").EntraClientSecret("a"));
    }

    [Fact]
    public void Stable_guids_are_version_4_and_differ_by_key()
    {
        var ids = new StableIds("seed");

        var first = Guid.Parse(ids.Guid("user:1"));
        var second = Guid.Parse(ids.Guid("user:2"));

        Assert.Equal(4, first.Version);
        Assert.NotEqual(first, second);
        Assert.Equal(first.ToString(), ids.Guid("user:1"));
    }
}
