using static TenantScanner.Tests.Snapshots.SnapshotFixture;

namespace TenantScanner.Tests.Snapshots;

/// <summary>Free text a snapshot carries reaches the coverage list of every report: secrets in it are redacted at load.</summary>
public sealed class SnapshotTextRedactionTests
{
    private const string Secret = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";

    [Fact]
    public void Redacts_a_secret_echoed_in_a_services_error_message()
    {
        using var fixture = new SnapshotFixture();
        fixture.Add($"{Graph}/users", $$$"""{"error":{"code":"Forbidden","message":"token {{{Secret}}} has no access"}}""", status: 403);
        var gap = Assert.Single(fixture.Load().Inventory.Coverage.Gaps, g => g.Source == "graph.users");
        Assert.StartsWith("HTTP 403 Forbidden: token [redacted GitHubToken: ", gap.Error, StringComparison.Ordinal);
        Assert.EndsWith(" has no access", gap.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, gap.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Redacts_a_secret_in_the_coverage_text_of_the_manifest()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddGap("graph.users", error: $"collector was given {Secret} and failed");
        var gap = Assert.Single(fixture.Load().Inventory.Coverage.Gaps, g => g.Source == "graph.users");
        Assert.DoesNotContain(Secret, gap.Error, StringComparison.Ordinal);
        Assert.Contains("[redacted GitHubToken: ", gap.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Redacts_a_secret_used_as_a_key_in_the_pointer_of_a_shape_error()
    {
        using var fixture = new SnapshotFixture();
        var flow = "{\"name\":\"f1\",\"properties\":{\"displayName\":\"F\",\"definition\":{\"triggers\":{\"" + Secret + "\":\"not an object\"}}}}";
        fixture.Add($"{FlowAdmin}/env-1/flows/f1", flow);
        var error = fixture.LoadFails();
        Assert.Contains("unexpected shape at JSON pointer /properties/definition/triggers/[redacted GitHubToken: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }
}
