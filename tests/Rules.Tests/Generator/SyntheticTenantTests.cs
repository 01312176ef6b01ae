using System.Text.Json;
using TenantScanner.TestKit.TenantGenerator;
using TenantScanner.TestKit.TenantGenerator.Synthetic;
using TenantScanner.Snapshots;

namespace TenantScanner.Tests.Generator;

public sealed class SyntheticTenantTests : IDisposable
{
    private static readonly SyntheticOptions Small = new() { ServicePrincipals = 2_100, Users = 600, Flows = 120, Environments = 4, Seed = 7 };

    private readonly string _temp = SnapshotFolder.NewTemporaryFolder();

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Synthetic_snapshot_has_known_routes_right_hashes_and_no_unlisted_files()
    {
        var folder = Path.Combine(_temp, "small");
        SyntheticTenantWriter.Write(Small, folder);
        Assert.Empty(SnapshotFolder.ManifestProblems(folder));
    }

    [Fact]
    public void Same_seed_and_sizes_give_the_same_bytes_and_another_seed_does_not()
    {
        var first = Path.Combine(_temp, "a");
        var second = Path.Combine(_temp, "b");
        var other = Path.Combine(_temp, "c");
        SyntheticTenantWriter.Write(Small, first);
        SyntheticTenantWriter.Write(Small, second);
        SyntheticTenantWriter.Write(Small with { Seed = 8 }, other);

        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "manifest.json")), File.ReadAllBytes(Path.Combine(second, "manifest.json")));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(first, "manifest.json")), File.ReadAllBytes(Path.Combine(other, "manifest.json")));
    }

    [Fact]
    public void Graph_lists_are_split_into_pages_of_999_chained_by_odata_next_link()
    {
        var folder = Path.Combine(_temp, "paged");
        SyntheticTenantWriter.Write(Small, folder);
        var pages = SnapshotFolder.ReadManifest(folder).Entries.Where(e => SourceRoutes.Match(e.Url)!.Kind == SourceKind.GraphServicePrincipals).ToList();

        Assert.Equal(3, pages.Count);
        var total = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            using var page = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, pages[i].File)));
            var count = page.RootElement.GetProperty("value").GetArrayLength();
            total += count;
            if (i < pages.Count - 1)
            {
                Assert.Equal(999, count);
                Assert.Equal(pages[i + 1].Url, page.RootElement.GetProperty("@odata.nextLink").GetString());
            }
            else
            {
                Assert.False(page.RootElement.TryGetProperty("@odata.nextLink", out _));
            }
        }
        Assert.Equal(Small.ServicePrincipals, total);
    }

    [Fact]
    public void Writes_every_requested_flow_with_details_and_owners_and_a_definition_of_a_few_kilobytes()
    {
        var folder = Path.Combine(_temp, "flows");
        var summary = SyntheticTenantWriter.Write(Small, folder);
        var entries = SnapshotFolder.ReadManifest(folder).Entries;
        var details = entries.Where(e => SourceRoutes.Match(e.Url)!.Kind == SourceKind.FlowDetails).ToList();

        Assert.Equal(Small.Flows, summary.Flows);
        Assert.Equal(Small.Flows, details.Count);
        Assert.Equal(Small.Flows, entries.Count(e => SourceRoutes.Match(e.Url)!.Kind == SourceKind.FlowOwners));
        var averageBytes = details.Average(e => new FileInfo(Path.Combine(folder, e.File)).Length);
        Assert.InRange(averageBytes, 2_000, 40_000);
    }

    [Fact]
    public void Cli_refuses_to_overwrite_a_folder_that_is_not_a_snapshot()
    {
        var folder = Path.Combine(_temp, "precious");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "keep me");
        var error = new StringWriter();

        var exit = GeneratorCli.Run(["synthetic", "--out", folder, "--service-principals", "50", "--users", "20", "--flows", "5", "--environments", "2"], new StringWriter(), error);

        Assert.Equal(GeneratorCli.BadInput, exit);
        Assert.Contains("refusing to overwrite", error.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "notes.txt")));
    }

    [Fact]
    public void Cli_rejects_sizes_that_cannot_make_a_tenant()
    {
        var error = new StringWriter();

        var exit = GeneratorCli.Run(["synthetic", "--out", Path.Combine(_temp, "x"), "--environments", "0"], new StringWriter(), error);

        Assert.Equal(GeneratorCli.BadInput, exit);
        Assert.Contains("--environments must be at least 1", error.ToString(), StringComparison.Ordinal);
    }
}
