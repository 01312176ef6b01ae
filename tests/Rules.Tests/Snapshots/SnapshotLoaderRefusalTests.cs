using TenantScanner.Inventory.Loading;
using TenantScanner.Inventory;
using TenantScanner.Snapshots;
using static TenantScanner.Tests.Snapshots.SnapshotFixture;

namespace TenantScanner.Tests.Snapshots;

public sealed class SnapshotLoaderRefusalTests
{
    [Fact]
    public void Loads_a_valid_snapshot_and_reports_the_manifest_hash()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/users", """{"id":"u1","displayName":"Ann"}""");
        var snapshot = fixture.Load();
        var expected = Sha256(File.ReadAllBytes(Path.Combine(fixture.Folder, "manifest.json")));
        Assert.Equal(expected, snapshot.ManifestSha256);
        Assert.Equal(TenantId, snapshot.Inventory.TenantId);
        Assert.Single(snapshot.Inventory.Users);
    }

    [Fact]
    public void Refuses_an_unknown_format_version()
    {
        using var fixture = new SnapshotFixture { FormatVersion = 2 };
        var error = fixture.LoadFails();
        Assert.Contains("manifest.json", error.Message);
        Assert.Contains("unknown formatVersion 2", error.Message);
    }

    [Fact]
    public void Refuses_a_manifest_without_format_version()
    {
        using var fixture = new SnapshotFixture();
        fixture.WriteFile("manifest.json", """{"tenantId":"t","collectedAt":"2026-11-27T02:00:00Z","tool":{"name":"a","version":"1"},"entries":[]}""");
        var error = Assert.Throws<SnapshotFormatException>(() => InventoryLoader.Load(new FolderSnapshotSource(fixture.Folder)));
        Assert.Contains("'formatVersion' is missing", error.Message);
    }

    [Theory]
    [InlineData("tenantId")]
    [InlineData("entries")]
    [InlineData("collectedAt")]
    public void Refuses_a_manifest_missing_a_required_field_and_names_it(string field)
    {
        using var fixture = new SnapshotFixture();
        var json = System.Text.Json.Nodes.JsonNode.Parse(fixture.ManifestJson())!.AsObject();
        json.Remove(field);
        fixture.WriteFile("manifest.json", json.ToJsonString());
        var error = Assert.Throws<SnapshotFormatException>(() => InventoryLoader.Load(new FolderSnapshotSource(fixture.Folder)));
        Assert.Contains("manifest.json", error.Message);
        Assert.Contains(field, error.Message);
    }

    [Fact]
    public void Refuses_an_entry_missing_its_sha256_and_names_the_field()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/users", "");
        fixture.LastEntry.Remove("sha256");
        var error = fixture.LoadFails();
        Assert.Contains("manifest.json", error.Message);
        Assert.Contains("sha256", error.Message);
    }

    [Fact]
    public void Refuses_a_manifest_field_of_the_wrong_type_naming_its_path_and_line()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/users", "");
        fixture.LastEntry["status"] = "200";
        var error = fixture.LoadFails();
        Assert.Contains("manifest.json: invalid at line", error.Message);
        Assert.Contains("$.entries[0].status", error.Message);
    }

    [Fact]
    public void Refuses_a_tool_without_its_name()
    {
        using var fixture = new SnapshotFixture();
        var json = System.Text.Json.Nodes.JsonNode.Parse(fixture.ManifestJson())!.AsObject();
        json["tool"]!.AsObject().Remove("name");
        fixture.WriteFile("manifest.json", json.ToJsonString());
        var error = Assert.Throws<SnapshotFormatException>(() => InventoryLoader.Load(new FolderSnapshotSource(fixture.Folder)));
        Assert.Contains("manifest.json", error.Message);
        Assert.Contains("name", error.Message);
    }

    [Theory]
    [InlineData("../outside.json")]
    [InlineData("graph/../../outside.json")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData("c:outside.json")]
    [InlineData("graph\\..\\..\\outside.json")]
    public void Refuses_a_manifest_path_that_leaves_the_folder(string path)
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/users", "");
        fixture.LastEntry["file"] = path;
        var error = fixture.LoadFails();
        Assert.Contains("entries[0].file", error.Message);
        Assert.Contains("leaves the snapshot folder", error.Message);
    }

    [Fact]
    public void Refuses_a_missing_file_and_names_it()
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.AddList($"{Graph}/users", "");
        File.Delete(Path.Combine(fixture.Folder, file));
        var error = fixture.LoadFails();
        Assert.Equal(file, error.File);
        Assert.Contains($"{file}: file listed in the manifest is missing", error.Message);
    }

    [Fact]
    public void Refuses_a_file_whose_sha256_does_not_match()
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.AddList($"{Graph}/users", """{"id":"u1","displayName":"Ann"}""");
        fixture.WriteFile(file, """{"value":[{"id":"u1","displayName":"Eve"}]}""");
        var error = fixture.LoadFails();
        Assert.Equal(file, error.File);
        Assert.Contains("SHA-256 does not match", error.Message);
    }

    [Fact]
    public void Refuses_malformed_json_naming_file_line_and_byte_position()
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.Add($"{Graph}/users", "{\n  \"value\": [\n    {\"id\": \"u1\",, }\n  ]\n}");
        var error = fixture.LoadFails();
        Assert.Equal(file, error.File);
        Assert.Contains($"{file}: malformed JSON at line 3, byte 17", error.Message);
    }

    [Fact]
    public void Refuses_malformed_manifest_json_with_its_line()
    {
        using var fixture = new SnapshotFixture();
        fixture.WriteFile("manifest.json", "{\n\"formatVersion\": 1,\n\"tenantId\": }");
        var error = Assert.Throws<SnapshotFormatException>(() => InventoryLoader.Load(new FolderSnapshotSource(fixture.Folder)));
        Assert.Contains("manifest.json", error.Message);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Refuses_a_list_response_whose_value_is_not_an_array_naming_file_and_pointer()
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.Add($"{Graph}/servicePrincipals", """{"value":{"id":"x"}}""");
        var error = fixture.LoadFails();
        Assert.Contains($"{file}: unexpected shape at JSON pointer /value: expected an array", error.Message);
    }

    [Fact]
    public void Refuses_a_list_item_field_of_the_wrong_type_naming_its_pointer()
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.AddList($"{Graph}/users", """{"id":"u1","displayName":"Ann"},{"id":"u2","accountEnabled":"yes"}""");
        var error = fixture.LoadFails();
        Assert.Contains($"{file}: unexpected shape at JSON pointer /value/1/accountEnabled: expected true or false", error.Message);
    }

    [Fact]
    public void Refuses_a_list_item_without_its_id()
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.AddList($"{Graph}/servicePrincipals", """{"appId":"a1"}""");
        var error = fixture.LoadFails();
        Assert.Contains($"{file}: required string 'id' is missing at JSON pointer /value/0", error.Message);
    }

    [Fact]
    public void Refuses_a_batch_entry_without_its_sub_request_list()
    {
        using var fixture = new SnapshotFixture();
        fixture.Add($"{Graph}/$batch", """{"responses":[]}""", method: "POST");
        var error = fixture.LoadFails();
        Assert.Contains("entries[0].batch is required", error.Message);
    }

    [Fact]
    public void Refuses_malformed_json_inside_dataverse_clientdata()
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.AddList("https://contoso.crm.dynamics.com/api/data/v9.2/workflows",
            """{"workflowid":"w1","category":5,"clientdata":"{\"properties\":"}""");
        var error = fixture.LoadFails();
        Assert.Contains($"{file}: malformed JSON inside the clientdata string at JSON pointer /value/0/clientdata", error.Message);
    }

    [Fact]
    public void Honours_cancellation_between_files()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Graph}/users", "");
        fixture.WriteFile("manifest.json", fixture.ManifestJson());
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => InventoryLoader.Load(new FolderSnapshotSource(fixture.Folder), cancelled.Token));
    }
}

public sealed class SnapshotErrorSecrecyTests
{
    private const string Secret = "Sup3r-S3cret-Value~abcdef";

    [Theory]
    [InlineData("""{"value":[{"id":"u1","accountEnabled":"Sup3r-S3cret-Value~abcdef"}]}""")]
    [InlineData("""{"value":[{"id":"u1","employeeLeaveDateTime":"Sup3r-S3cret-Value~abcdef"}]}""")]
    [InlineData("""{"value":[{"id":"u1","displayName":"Sup3r-S3cret-Value~abcdef"},,]}""")]
    [InlineData("""{"value":"Sup3r-S3cret-Value~abcdef"}""")]
    public void Never_puts_a_file_value_into_an_error_message(string body)
    {
        using var fixture = new SnapshotFixture();
        fixture.Add($"{SnapshotFixture.Graph}/users", body);
        var error = fixture.LoadFails();
        Assert.DoesNotContain(Secret, error.Message);
        Assert.DoesNotContain("S3cret", error.ToString());
    }
}
