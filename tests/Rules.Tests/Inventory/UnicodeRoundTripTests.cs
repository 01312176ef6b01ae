using TenantScanner.Tests.Snapshots;
using static TenantScanner.Tests.Snapshots.SnapshotFixture;

namespace TenantScanner.Tests.Inventory;

public sealed class UnicodeRoundTripTests
{
    [Theory]
    [InlineData("Zoë Müller")]
    [InlineData("Łódź")]
    [InlineData("山田太郎")]
    [InlineData("😀 emoji owner")]
    public void Names_with_non_latin_characters_round_trip_whether_written_raw_or_escaped(string name)
    {
        using var fixture = new SnapshotFixture();
        var escaped = System.Text.Json.JsonSerializer.Serialize(name); // \u escapes for non-ASCII
        fixture.AddList($"{Graph}/users", $$"""{"id":"raw","displayName":"{{name}}"},{"id":"escaped","displayName":{{escaped}}}""", nextLink: null);
        var users = fixture.Load().Inventory.Users;
        Assert.All(users, u => Assert.Equal(name, u.DisplayName));
    }

    [Fact]
    public void Reads_files_whose_names_have_non_latin_characters()
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.Add($"{Graph}/users", """{"value":[{"id":"u1","displayName":"Zoë"}]}""", file: "graph/użytkownicy-山田.json");
        var user = fixture.Load().Inventory.Users[0];
        Assert.Equal(file, user.Source.File);
    }
}
