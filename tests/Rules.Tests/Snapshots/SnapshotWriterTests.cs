using TenantScanner.Inventory.Loading;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TenantScanner.Inventory;
using TenantScanner.Snapshots;

namespace TenantScanner.Tests.Snapshots;

public sealed class SnapshotWriterTests : IDisposable
{
    private const string Graph = "https://graph.microsoft.com/v1.0";
    private static readonly ToolInfo Tool = new("tests", "1");
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-27T02:00:00Z", CultureInfo.InvariantCulture);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "snapshot-writer-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    /// <summary>A clock that moves one second each time it is read.</summary>
    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private int _reads;
        public override DateTimeOffset GetUtcNow() => start.AddSeconds(Interlocked.Increment(ref _reads) - 1);
    }

    private string Output(string name = "snapshot") => Path.Combine(_root, name);

    [Fact]
    public void A_written_snapshot_loads_with_its_responses_batch_and_coverage()
    {
        string folder;
        using (var writer = new SnapshotWriter(Output(), new SteppingClock(Start)))
        {
            writer.Record("GET", $"{Graph}/users?$top=999", 200, """{"value":[{"id":"u1","displayName":"Zoë"}]}"""u8.ToArray());
            writer.Record(new RecordedResponse
            {
                File = "graph/sp-1.json", Method = "GET", Url = $"{Graph}/servicePrincipals", Status = 200,
                Body = """{"value":[{"id":"sp1","appId":"a1"}]}"""u8.ToArray(), CollectedAt = Start.AddMinutes(1),
            });
            writer.Record("POST", $"{Graph}/$batch", 200, """{"responses":[{"id":"1","status":200,"body":{"value":[{"@odata.type":"#microsoft.graph.user","id":"u1"}]}}]}"""u8.ToArray(),
                [new BatchRequestInfo("1", "GET", $"{Graph}/servicePrincipals/sp1/owners")]);
            writer.AddCoverageGap(new CoverageGap { Source = "flow.flows", EnvironmentId = "env1", Status = 403, Error = "Forbidden" });
            folder = writer.Complete("tenant-1", "Contoso", Tool);
        }

        var loaded = InventoryLoader.Load(new FolderSnapshotSource(folder));

        Assert.Equal(Output(), folder);
        Assert.Equal(("tenant-1", Start), (loaded.Manifest.TenantId, loaded.Manifest.CollectedAt));
        Assert.Equal("Zoë", Assert.Single(loaded.Inventory.Users).DisplayName);
        var sp = Assert.Single(loaded.Inventory.ServicePrincipals);
        Assert.Equal(("u1", true), (Assert.Single(sp.Owners).Id, sp.OwnersKnown));
        Assert.Equal(403, loaded.Inventory.Coverage.GapFor(SourceKind.Flows, "env1")!.Status);
        Assert.Equal([Start.AddSeconds(1), Start.AddMinutes(1), Start.AddSeconds(2)], loaded.Manifest.Entries.Select(e => e.CollectedAt));
    }

    [Fact]
    public void Bodies_are_stored_byte_for_byte_and_hashed_in_the_manifest()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{ \"value\" : [ ],\r\n  \"x\":\"\\u00e9 山\" }\n")];
        using var writer = new SnapshotWriter(Output());
        var entry = writer.Record("GET", $"{Graph}/users", 200, body);
        writer.Complete("t", null, Tool);

        var stored = File.ReadAllBytes(Path.Combine(Output(), entry.File));
        Assert.Equal(body, stored);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(body)), entry.Sha256);
    }

    [Theory]
    [InlineData($"{Graph}/users?$top=999", "graph/graph.users-00001.json")]
    [InlineData("https://api.flow.microsoft.com/providers/Microsoft.ProcessSimple/scopes/admin/environments/Default-1/v2/flows", "flow/Default-1/flow.flows-00001.json")]
    [InlineData("https://api.flow.microsoft.com/providers/Microsoft.ProcessSimple/scopes/admin/environments/.../v2/flows", "flow/___/flow.flows-00001.json")]
    [InlineData("https://contoso.crm4.dynamics.com/api/data/v9.2/workflows", "dataverse/contoso.crm4.dynamics.com/dataverse.workflows-00001.json")]
    [InlineData("https://kv1.vault.azure.net/secrets?api-version=7.5", "keyvault/kv1.vault.azure.net/keyvault.secrets-00001.json")]
    [InlineData("https://example.com/anything", "other/response-00001.json")]
    public void A_response_without_a_file_name_is_stored_under_its_source_and_scope(string url, string expected)
    {
        using var writer = new SnapshotWriter(Output());

        Assert.Equal(expected, writer.Record("GET", url, 200, "{}"u8.ToArray()).File);
    }

    [Fact]
    public void Manifest_has_utc_times_unix_newlines_and_a_final_newline()
    {
        using (var writer = new SnapshotWriter(Output()))
        {
            writer.Record(new RecordedResponse
            {
                File = "a.json", Method = "GET", Url = $"{Graph}/users", Status = 200, Body = "{}"u8.ToArray(),
                CollectedAt = new DateTimeOffset(2026, 11, 27, 4, 0, 3, 250, TimeSpan.FromHours(2)),
            });
            writer.Complete("t", null, Tool, Start);
        }

        var text = File.ReadAllText(Path.Combine(Output(), SnapshotManifest.FileName));
        Assert.Contains("\"collectedAt\": \"2026-11-27T02:00:00Z\"", text, StringComparison.Ordinal);
        Assert.Contains("\"collectedAt\": \"2026-11-27T02:00:03.25Z\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tenantDisplayName", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Output(), SnapshotManifest.FileName + ".tmp")));
    }

    [Fact]
    public void An_interrupted_write_leaves_neither_a_partial_folder_nor_an_output_folder()
    {
        var partial = "";
        void CollectUntilTheServiceStopsAnswering()
        {
            using var writer = new SnapshotWriter(Output());
            partial = writer.PartialFolder;
            writer.Record("GET", $"{Graph}/users", 200, """{"value":[]}"""u8.ToArray());
            Assert.True(File.Exists(Path.Combine(partial, "graph", "graph.users-00001.json")));
            throw new TimeoutException("the service stopped answering");
        }

        Assert.Throws<TimeoutException>(CollectUntilTheServiceStopsAnswering);

        Assert.False(Directory.Exists(partial));
        Assert.False(Directory.Exists(Output()));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public void An_existing_output_folder_or_file_is_refused_and_left_untouched()
    {
        Directory.CreateDirectory(Output());
        File.WriteAllText(Path.Combine(Output(), "notes.txt"), "keep me");
        File.WriteAllText(Output("file"), "keep me too");

        var folderError = Assert.Throws<SnapshotOutputException>(() => new SnapshotWriter(Output()));
        var fileError = Assert.Throws<SnapshotOutputException>(() => new SnapshotWriter(Output("file")));

        Assert.Equal($"The output folder '{Output()}' already exists; choose a new folder for each snapshot.", folderError.Message);
        Assert.Contains("already exists", fileError.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(Output(), "notes.txt")));
        Assert.Equal(2, Directory.EnumerateFileSystemEntries(_root).Count());
    }

    [Fact]
    public void A_finished_snapshot_that_cannot_be_moved_into_place_is_kept_in_its_partial_folder()
    {
        using var writer = new SnapshotWriter(Output());
        writer.Record("GET", $"{Graph}/users", 200, """{"value":[]}"""u8.ToArray());
        Directory.CreateDirectory(Output()); // someone else took the name meanwhile

        var error = Assert.Throws<SnapshotOutputException>(() => writer.Complete("t", null, Tool));
        writer.Dispose();

        Assert.Contains(writer.PartialFolder, error.Message, StringComparison.Ordinal);
        Assert.Single(InventoryLoader.Load(new FolderSnapshotSource(writer.PartialFolder)).Manifest.Entries);
    }

    [Fact]
    public void Concurrent_records_each_get_their_own_file_and_manifest_entry()
    {
        const int Count = 400;
        using (var writer = new SnapshotWriter(Output()))
        {
            Parallel.For(0, Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            {
                var body = Encoding.UTF8.GetBytes($$"""{"value":[{"id":"u{{i}}"}]}""");
                if (i % 2 == 0)
                    writer.Record("GET", $"{Graph}/users?$skiptoken={i}", 200, body);
                else
                    writer.Record(new RecordedResponse { File = $"explicit/{i}.json", Method = "GET", Url = $"{Graph}/users?$skiptoken={i}", Status = 200, Body = body });
            });
            writer.Complete("t", null, Tool);
        }

        var loaded = InventoryLoader.Load(new FolderSnapshotSource(Output()));
        Assert.Equal(Count, loaded.Manifest.Entries.Select(e => e.File).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Count, loaded.Inventory.Users.Count);
        Assert.Equal(Count, Directory.EnumerateFiles(Output(), "*.json", SearchOption.AllDirectories).Count() - 1);
    }

    [Theory]
    [InlineData("../outside.json", "'..' segment")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("graph\\users.json", "'\\'")]
    [InlineData("manifest.json", "reserved for the manifest")]
    public void An_explicit_file_name_that_is_unsafe_or_the_manifest_is_refused(string file, string reason)
    {
        using var writer = new SnapshotWriter(Output());

        var error = Assert.Throws<ArgumentException>(() =>
            writer.Record(new RecordedResponse { File = file, Method = "GET", Url = $"{Graph}/users", Status = 200, Body = "{}"u8.ToArray() }));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, writer.FileCount);
    }

    [Fact]
    public void The_same_file_cannot_be_recorded_twice_nor_anything_after_completion()
    {
        using var writer = new SnapshotWriter(Output());
        var response = new RecordedResponse { File = "graph/users.json", Method = "GET", Url = $"{Graph}/users", Status = 200, Body = "{}"u8.ToArray() };
        writer.Record(response);

        var twice = Assert.Throws<InvalidOperationException>(() => writer.Record(response with { File = "GRAPH/Users.json" }));
        writer.Complete("t", null, Tool);
        var late = Assert.Throws<InvalidOperationException>(() => writer.Record(response with { File = "graph/late.json" }));

        Assert.Contains("recorded twice", twice.Message, StringComparison.Ordinal);
        Assert.Contains("already complete", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifests_with_offset_times_from_earlier_collectors_still_load()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/users", """{"id":"u1"}""");
        fixture.LastEntry["collectedAt"] = "2026-11-27T04:00:03+02:00";

        var entry = Assert.Single(fixture.Load().Manifest.Entries);

        Assert.Equal(Start.AddSeconds(3), entry.CollectedAt);
    }
}
