using System.Text.RegularExpressions;
using TenantScanner.Snapshots;

namespace TenantScanner.Tests.Engine;

/// <summary>
/// Source ids are declared once (<see cref="SourceKindIds"/>); the snapshot format's route table lists exactly
/// them, and no page names a source that does not exist. (The JSON schema is checked in <see cref="SchemaSyncTests"/>.)
/// </summary>
public sealed partial class SourceSyncTests
{
    [Fact]
    public void Snapshot_format_routes_every_source_id_and_no_other()
    {
        var rows = MarkdownTables.Rows(File.ReadAllText(RepositoryFiles.PathOf("docs/snapshot-format.md")), "source id");
        Assert.Equal(SourceKindIds.All.Order(StringComparer.Ordinal), rows.Select(r => r[0].Trim('`')).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Docs_name_only_source_ids_that_exist()
    {
        var pages = Directory.EnumerateFiles(RepositoryFiles.PathOf("docs"), "*.md", SearchOption.AllDirectories)
            .Append(RepositoryFiles.PathOf("README.md"));
        var unknown = pages.SelectMany(page => SourceIdPattern().Matches(File.ReadAllText(page))
                .Select(m => m.Groups["id"].Value)
                .Where(id => !SourceKindIds.TryParse(id, out _) && !id.EndsWith(".*", StringComparison.Ordinal))
                .Select(id => $"{Path.GetFileName(page)}: `{id}`"))
            .Distinct().ToList();
        Assert.True(unknown.Count == 0, "unknown source ids: " + string.Join(", ", unknown));
    }

    [GeneratedRegex(@"`(?<id>(graph|powerplatform|flow|powerapps|dataverse|keyvault)\.([A-Za-z0-9]+|\*))`")]
    private static partial Regex SourceIdPattern();
}
