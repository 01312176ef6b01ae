using System.Text.Json;
using TenantScanner.TestKit.TenantGenerator.Demo;
using TenantScanner.Snapshots;

namespace TenantScanner.Tests.Generator;

public sealed class DemoTenantSnapshotTests : IDisposable
{
    private readonly string _temp = SnapshotFolder.NewTemporaryFolder();

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Regenerating_the_demo_gives_the_committed_bytes()
    {
        var regenerated = Path.Combine(_temp, "demo-tenant");
        DemoWriter.Write(regenerated);

        var committed = SnapshotFolder.CommittedDemo;
        var committedFiles = Files(committed);
        var regeneratedFiles = Files(regenerated);
        Assert.Equal(committedFiles, regeneratedFiles);
        var different = committedFiles.Where(f => !File.ReadAllBytes(Path.Combine(committed, f)).AsSpan()
            .SequenceEqual(File.ReadAllBytes(Path.Combine(regenerated, f)))).ToList();
        Assert.True(different.Count == 0,
            "samples/demo-tenant drifted from its generator; rerun `dotnet run --project tests/TestKit/TenantGenerator -- demo --out samples/demo-tenant`. Different: "
            + string.Join(", ", different.Take(10)));

        foreach (var sidecar in new[] { "demo-tenant-planted-secrets.json", "demo-tenant-expected.md" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(committed)!, sidecar)), File.ReadAllBytes(Path.Combine(_temp, sidecar)));
        }
    }

    [Fact]
    public void Every_manifest_entry_of_the_committed_demo_has_a_known_route_and_the_right_sha256()
    {
        Assert.Empty(SnapshotFolder.ManifestProblems(SnapshotFolder.CommittedDemo));
    }

    [Fact]
    public void Demo_covers_every_source_the_brief_lists()
    {
        var kinds = SnapshotFolder.ReadManifest(SnapshotFolder.CommittedDemo).Entries
            .Select(e => SourceRoutes.Match(e.Url)!.Kind).ToHashSet();
        SourceKind[] expected =
        [
            SourceKind.GraphOrganization, SourceKind.GraphServicePrincipals, SourceKind.GraphApplications, SourceKind.GraphApplicationFederatedCredentials,
            SourceKind.GraphUsers, SourceKind.GraphDeletedUsers, SourceKind.GraphAppRoleAssignments, SourceKind.GraphOAuth2PermissionGrants,
            SourceKind.GraphRoleAssignments, SourceKind.GraphRoleDefinitions, SourceKind.PowerPlatformEnvironments, SourceKind.PowerPlatformManagementApps,
            SourceKind.Flows, SourceKind.FlowDetails, SourceKind.FlowOwners, SourceKind.Connections, SourceKind.DataverseWorkflows,
            SourceKind.DataverseConnectionReferences, SourceKind.DataverseSystemUsers, SourceKind.DataverseEnvironmentVariableDefinitions,
            SourceKind.DataverseEnvironmentVariableValues, SourceKind.KeyVaultSecrets,
        ];
        var missing = expected.Where(k => !kinds.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "sources missing from the demo: " + string.Join(", ", missing));
    }

    [Fact]
    public void Default_environment_flow_list_has_two_pages_chained_by_next_link()
    {
        var folder = SnapshotFolder.CommittedDemo;
        var pages = SnapshotFolder.ReadManifest(folder).Entries
            .Where(e => SourceRoutes.Match(e.Url) is { Kind: SourceKind.Flows } route && route.EnvironmentId!.StartsWith("Default-", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, pages.Count);
        using var first = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, pages[0].File)));
        using var second = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, pages[1].File)));
        Assert.Equal(pages[1].Url, first.RootElement.GetProperty("nextLink").GetString());
        Assert.False(second.RootElement.TryGetProperty("nextLink", out _));
        Assert.Equal(SourceRoutes.Match(pages[0].Url)!.RequestKey, SourceRoutes.Match(pages[1].Url)!.RequestKey);
        Assert.Equal(26, first.RootElement.GetProperty("value").GetArrayLength() + second.RootElement.GetProperty("value").GetArrayLength());
    }

    [Fact]
    public void Every_planted_secret_is_in_the_snapshot_and_none_is_in_a_flow_list()
    {
        var folder = SnapshotFolder.CommittedDemo;
        var manifest = SnapshotFolder.ReadManifest(folder);
        var bodies = manifest.Entries.ToDictionary(e => e.File, e => File.ReadAllText(Path.Combine(folder, e.File)));
        using var planted = JsonDocument.Parse(File.ReadAllBytes(folder + "-planted-secrets.json"));
        var secrets = planted.RootElement.GetProperty("secrets").EnumerateArray().Select(s => s.GetProperty("value").GetString()!).ToList();

        Assert.True(secrets.Count >= 7, $"expected at least 7 planted secrets, found {secrets.Count}");
        foreach (var secret in secrets)
            Assert.Contains(bodies.Values, body => body.Contains(secret, StringComparison.Ordinal));
        var lists = manifest.Entries.Where(e => SourceRoutes.Match(e.Url)!.Kind == SourceKind.Flows).Select(e => bodies[e.File]).ToList();
        Assert.DoesNotContain(lists, list => secrets.Any(secret => list.Contains(secret, StringComparison.Ordinal)));
    }

    [Fact]
    public void Dataverse_clientdata_is_a_json_string_holding_the_definition_and_connection_references()
    {
        var folder = SnapshotFolder.CommittedDemo;
        var workflows = SnapshotFolder.ReadManifest(folder).Entries.Where(e => SourceRoutes.Match(e.Url)!.Kind == SourceKind.DataverseWorkflows).ToList();
        Assert.Equal(2, workflows.Count);
        var rows = 0;
        foreach (var page in workflows)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, page.File)));
            foreach (var row in document.RootElement.GetProperty("value").EnumerateArray())
            {
                rows++;
                Assert.Equal(JsonValueKind.String, row.GetProperty("clientdata").ValueKind);
                using var clientData = JsonDocument.Parse(row.GetProperty("clientdata").GetString()!);
                var properties = clientData.RootElement.GetProperty("properties");
                Assert.True(properties.GetProperty("definition").GetProperty("triggers").EnumerateObject().Any());
                Assert.True(properties.GetProperty("connectionReferences").EnumerateObject().Any());
            }
        }
        Assert.Equal(13, rows);
    }

    [Fact]
    public void Demo_stays_well_under_five_megabytes()
    {
        var bytes = Directory.EnumerateFiles(SnapshotFolder.CommittedDemo, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.InRange(bytes, 100_000, 5_000_000);
    }

    [Fact]
    public void Every_row_of_the_samples_readme_table_agrees_with_the_generated_expectations()
    {
        var samples = Path.GetDirectoryName(SnapshotFolder.CommittedDemo)!;
        var expected = TableRows(Path.Combine(samples, "demo-tenant-expected.md"), cells => (cells[0], cells[1], cells[4]));
        var readme = TableRows(Path.Combine(samples, "README.md"), cells => (cells[0], cells[1], cells[2]))
            .Where(row => row.Item1.Length > 0 && char.IsUpper(row.Item1[0]) && char.IsDigit(row.Item1[^1])).ToList();

        Assert.True(readme.Count > 60, $"the README table should list the planted cases; found {readme.Count} rows");
        var unknown = readme.Where(row => !expected.Contains(row)).ToList();
        Assert.True(unknown.Count == 0, "README rows not in demo-tenant-expected.md: " + string.Join("; ", unknown));
        var fails = expected.Where(row => row.Item3 == "Fail").ToList();
        Assert.True(fails.All(readme.Contains), "failures missing from the README: " + string.Join("; ", fails.Where(f => !readme.Contains(f))));
    }

    private static List<(string, string, string)> TableRows(string path, Func<string[], (string, string, string)> pick) => File.ReadLines(path)
        .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| ---", StringComparison.Ordinal))
        .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
        .Where(cells => cells.Length >= 5)
        .Select(pick).ToList();

    private static List<string> Files(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
        .Order(StringComparer.Ordinal).ToList();
}
