using TenantScanner.Inventory.Loading;
using System.Text;
using System.Text.Json.Nodes;
using TenantScanner.Inventory;
using TenantScanner.Snapshots;
using static TenantScanner.Tests.Snapshots.SnapshotFixture;

namespace TenantScanner.Tests.Snapshots;

/// <summary>
/// Snapshots made to hurt: every one must end in a <see cref="SnapshotFormatException"/> naming the file and
/// position (exit 2), never another exception (exit 70), and no error may carry the file's text.
/// </summary>
public sealed class HostileSnapshotTests
{
    /// <summary>A fake GitHub token the built-in catalog finds by its keyword.</summary>
    private const string Secret = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";

    private static SnapshotFormatException LoadFails(SnapshotFixture fixture, string manifestJson)
    {
        fixture.WriteFile(SnapshotManifest.FileName, manifestJson);
        return Assert.Throws<SnapshotFormatException>(() => InventoryLoader.Load(new FolderSnapshotSource(fixture.Folder)));
    }

    [Fact]
    public void A_broken_literal_after_a_secret_is_refused_by_position_without_quoting_the_file()
    {
        using var fixture = new SnapshotFixture();
        // The parser's own message for "tru" quotes everything after it: here the secret and 70 KB of padding.
        var body = "{\"value\":[{\"id\":\"u1\",\"x\": tru, \"notes\": \"" + Secret + "\", \"pad\": \"" + new string('z', 70_000) + "\"}]}";
        var file = fixture.Add($"{Graph}/users", body);
        var error = fixture.LoadFails();
        Assert.Equal($"{file}: malformed JSON at line 1, byte 30 of the line: an incomplete literal (true, false or null)", error.Message);
        Assert.Null(error.InnerException);
        Assert.DoesNotContain("ghp_", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_literal_in_the_manifest_is_refused_by_position_without_quoting_it()
    {
        using var fixture = new SnapshotFixture();
        var manifest = fixture.ManifestJson().Replace("\"tenantDisplayName\": \"Contoso\"", "\"tenantDisplayName\": \"" + Secret + "\", \"x\": fals", StringComparison.Ordinal);
        var error = LoadFails(fixture, manifest);
        Assert.StartsWith("manifest.json: malformed JSON at line 4, byte ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(": an incomplete literal (true, false or null)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("entries", "manifest.json: entries[1] is null; every entry must be an object.")]
    [InlineData("coverage", "manifest.json: coverage[1] is null; every coverage gap must be an object.")]
    public void A_null_in_a_manifest_list_is_refused_naming_its_index(string list, string expected)
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/users", "");
        fixture.AddGap("graph.users");
        var manifest = JsonNode.Parse(fixture.ManifestJson())!.AsObject();
        manifest[list]!.AsArray().Add(null);
        Assert.Equal(expected, LoadFails(fixture, manifest.ToJsonString()).Message);
    }

    [Fact]
    public void A_null_sub_request_of_a_batch_is_refused_naming_its_index()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddBatch("""{"responses":[]}""", ("1", "/users"));
        fixture.LastEntry["batch"]!.AsArray().Add(null);
        Assert.Equal("manifest.json: entries[0].batch[1] is null; every sub-request must be an object.", fixture.LoadFails().Message);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_in_a_response_are_refused_naming_file_and_line()
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.AddList($"{Graph}/users", "{\"id\":\"u1\",\n\"displayName\":\"Ann\"}");
        var bytes = File.ReadAllBytes(Path.Combine(fixture.Folder, file));
        var at = Array.IndexOf(bytes, (byte)'A');
        bytes[at] = 0xC3; // a lead byte followed by 'n': not UTF-8
        File.WriteAllBytes(Path.Combine(fixture.Folder, file), bytes);
        fixture.LastEntry["sha256"] = Sha256(bytes);
        var error = fixture.LoadFails();
        Assert.Equal($"{file}: invalid text at line 2, byte 16 of the line: bytes that are not valid UTF-8.", error.Message);
    }

    [Theory]
    [InlineData("""{"id":"u1","displayName":"x\ud800y"}""", 28)]
    [InlineData("""{"id":"u1","displayName":"x\udc00y"}""", 28)]
    [InlineData("""{"id":"u1","x\ud83dz":1}""", 14)]
    public void An_escaped_lone_surrogate_in_a_response_is_refused_naming_file_and_position(string item, int byteInLine)
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.AddList($"{Graph}/users", item);
        var error = fixture.LoadFails();
        Assert.Equal($"{file}: invalid text at line 1, byte {byteInLine + 10} of the line: an escaped UTF-16 surrogate without its pair (\\uD800-\\uDFFF), which is not valid Unicode text.", error.Message);
    }

    [Theory]
    [InlineData("""{"id":"u1","displayName":"smile \ud83d\ude00"}""")]
    [InlineData("""{"id":"u1","displayName":"a backslash then text: \\ud800"}""")]
    public void Escaped_surrogate_pairs_and_escaped_backslashes_are_sound_text(string item)
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/users", item);
        Assert.Single(fixture.Load().Inventory.Users);
    }

    [Fact]
    public void A_lone_surrogate_inside_a_flow_definition_in_clientdata_is_refused_naming_the_file()
    {
        using var fixture = new SnapshotFixture();
        var clientData = """{"properties":{"definition":{"actions":{"a":{"inputs":"x\ud800"}}}}}""";
        var item = new JsonObject { ["workflowid"] = "w1", ["category"] = 5, ["clientdata"] = clientData }.ToJsonString();
        var file = fixture.AddList("https://contoso.crm.dynamics.com/api/data/v9.2/workflows", item);
        var error = fixture.LoadFails();
        Assert.StartsWith($"{file}: invalid text inside the clientdata string at JSON pointer /value/0/clientdata, line 1, byte ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicated_format_version_is_refused()
    {
        using var fixture = new SnapshotFixture();
        var manifest = fixture.ManifestJson().Replace("\"formatVersion\": 1,", "\"formatVersion\": 1,\n  \"formatVersion\": 2,", StringComparison.Ordinal);
        var error = LoadFails(fixture, manifest);
        Assert.Equal("manifest.json: field 'formatVersion' appears twice in the same object (line 3); a reader could take either value.", error.Message);
    }

    [Fact]
    public void A_field_given_twice_in_a_manifest_entry_is_refused()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/users", "");
        var manifest = fixture.ManifestJson().Replace("\"status\": 200,", "\"status\": 200,\n\"status\": 403,", StringComparison.Ordinal);
        Assert.StartsWith("manifest.json: field 'status' appears twice in the same object (line ", LoadFails(fixture, manifest).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted_in_the_manifest_and_in_response_files()
    {
        using var fixture = new SnapshotFixture();
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"value":[{"id":"u1","displayName":"Ann"}]}""")).ToArray();
        var file = fixture.AddList($"{Graph}/users", "");
        File.WriteAllBytes(Path.Combine(fixture.Folder, file), body);
        fixture.LastEntry["sha256"] = Sha256(body); // the hash covers the file as it is, mark included
        var manifest = fixture.ManifestJson(); // completes the snapshot: Folder is its final folder from here on
        File.WriteAllBytes(Path.Combine(fixture.Folder, SnapshotManifest.FileName),
            [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(manifest)]);
        var snapshot = InventoryLoader.Load(new FolderSnapshotSource(fixture.Folder));
        Assert.Equal("Ann", Assert.Single(snapshot.Inventory.Users).DisplayName);
    }

    [Fact]
    public void A_folder_without_manifest_is_refused_for_the_missing_manifest()
    {
        using var fixture = new SnapshotFixture();
        var error = Assert.Throws<SnapshotFormatException>(() => InventoryLoader.Load(new FolderSnapshotSource(fixture.Folder)));
        Assert.StartsWith("manifest.json: the manifest is missing from snapshot '", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("listed in the manifest", error.Message, StringComparison.Ordinal);
    }
}
