using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TenantScanner.TestKit.TenantGenerator.Model;
using TenantScanner.Snapshots;
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
        using (var snapshot = new SnapshotWriter(folder))
        {
            new GeneratedResponseWriter(snapshot, DateTimeOffset.UnixEpoch, indented: false)
                .WriteResponse("graph/users-0001.json", "https://graph.microsoft.com/v1.0/users", new JsonObject { ["value"] = new JsonArray() });
            snapshot.Complete("t", "T", new ToolInfo("tests", "1"));
        }
        Assert.Empty(SnapshotFolder.ManifestProblems(folder));

        File.AppendAllText(Path.Combine(folder, "graph", "users-0001.json"), " ");

        Assert.Contains(SnapshotFolder.ManifestProblems(folder), problem => problem.StartsWith("graph/users-0001.json: sha256", StringComparison.Ordinal));
    }

    [Fact]
    public void Writer_refuses_a_url_that_no_source_route_knows()
    {
        using var snapshot = new SnapshotWriter(Path.Combine(_temp, "unknown"));
        var writer = new GeneratedResponseWriter(snapshot, DateTimeOffset.UnixEpoch, indented: false);

        var error = Assert.Throws<InvalidOperationException>(() =>
            writer.WriteResponse("x.json", "https://graph.microsoft.com/v1.0/groups", new JsonObject()));

        Assert.Contains("matches no source route", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, snapshot.FileCount);
    }

    [Fact]
    public void An_empty_list_is_still_written_as_one_page_without_a_next_link()
    {
        var folder = Path.Combine(_temp, "empty");
        using var snapshot = new SnapshotWriter(folder);
        var pages = new PagedListWriter(new GeneratedResponseWriter(snapshot, DateTimeOffset.UnixEpoch, indented: false), new StableIds("s"));

        var count = pages.Write(new ListRequest("graph/oauth2PermissionGrants", "https://graph.microsoft.com/v1.0/oauth2PermissionGrants", 999,
            "https://graph.microsoft.com/v1.0/$metadata#oauth2PermissionGrants"), []);
        snapshot.Complete("t", "T", new ToolInfo("tests", "1"));

        Assert.Equal(0, count);
        using var page = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "graph", "oauth2PermissionGrants-0001.json")));
        Assert.Equal(0, page.RootElement.GetProperty("value").GetArrayLength());
        Assert.False(page.RootElement.TryGetProperty("@odata.nextLink", out _));
        Assert.Equal(1, snapshot.FileCount);
    }

    [Fact]
    public void Pages_of_a_list_are_chained_with_the_next_link_property_the_source_table_declares()
    {
        var folder = Path.Combine(_temp, "chained");
        using var snapshot = new SnapshotWriter(folder);
        var pages = new PagedListWriter(new GeneratedResponseWriter(snapshot, DateTimeOffset.UnixEpoch, indented: false), new StableIds("s"));
        var item = new JsonObject { ["name"] = "x" };

        pages.Write(new ListRequest("bap/adminApplications", "https://api.bap.microsoft.com/providers/Microsoft.BusinessAppPlatform/adminApplications", 1),
            [item, (JsonObject)item.DeepClone()]);
        pages.Write(new ListRequest("graph/users", "https://graph.microsoft.com/v1.0/users", 1, "ctx"), [(JsonObject)item.DeepClone(), (JsonObject)item.DeepClone()]);
        snapshot.Complete("t", "T", new ToolInfo("tests", "1"));

        using var admin = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "bap", "adminApplications-0001.json")));
        using var graph = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "graph", "users-0001.json")));
        Assert.True(admin.RootElement.TryGetProperty("nextLink", out _));
        Assert.True(graph.RootElement.TryGetProperty("@odata.nextLink", out _));
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
