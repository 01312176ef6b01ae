using TenantScanner.Snapshots;

namespace TenantScanner.Tests.Generator;

/// <summary>Test helpers: the repository root, temporary folders and manifest checks shared by the generator tests.</summary>
internal static class SnapshotFolder
{
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Scanner.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Scanner.sln not found above " + AppContext.BaseDirectory);
    }

    public static string CommittedDemo => Path.Combine(RepositoryRoot(), "samples", "demo-tenant");

    public static string NewTemporaryFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "tenant-generator-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The folder's manifest, read and validated the way the loader reads it.</summary>
    public static SnapshotManifest ReadManifest(string folder) =>
        ManifestReader.Parse(File.ReadAllBytes(Path.Combine(folder, SnapshotManifest.FileName)));

    /// <summary>Every problem with the folder's manifest: unknown routes, wrong hashes, missing or unlisted files.</summary>
    public static List<string> ManifestProblems(string folder)
    {
        var problems = new List<string>();
        var manifest = ReadManifest(folder);
        var source = new FolderSnapshotSource(folder);
        foreach (var entry in manifest.Entries)
        {
            if (SourceRoutes.Match(entry.Url) is null)
                problems.Add($"{entry.File}: no route for {entry.Url}");
            var path = Path.Combine(folder, entry.File.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(path))
            {
                problems.Add($"{entry.File}: missing");
                continue;
            }
            using var file = SnapshotFileReader.Read(source, entry.File, CancellationToken.None);
            var hash = file.Sha256();
            if (hash != entry.Sha256)
                problems.Add($"{entry.File}: sha256 {hash} != manifest {entry.Sha256}");
        }
        var listed = manifest.Entries.Select(e => e.File).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative != SnapshotManifest.FileName && !listed.Contains(relative))
                problems.Add($"{relative}: not in the manifest");
        }
        return problems;
    }
}
