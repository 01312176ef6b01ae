using System.Xml.Linq;
using TenantScanner.Tests.Engine;

namespace TenantScanner.Tests.Architecture;

/// <summary>The projects of the repository and the ProjectReferences of each, read from the .csproj files.</summary>
internal static class ProjectGraph
{
    /// <summary>Every .csproj under src/, tests/ and bench/, by path relative to the repository root (with '/').</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> References { get; } = Read();

    /// <summary>src/Rules/Rules.csproj → Rules; tests/TestKit/FakeTenant/FakeTenant.csproj → FakeTenant.</summary>
    public static string Name(string project) => Path.GetFileNameWithoutExtension(project);

    public static bool IsUnder(string project, string folder) => project.StartsWith(folder + "/", StringComparison.Ordinal);

    private static Dictionary<string, IReadOnlyList<string>> Read()
    {
        var root = RepositoryFiles.Root;
        var projects = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var folder in new[] { "src", "tests", "bench" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.csproj", SearchOption.AllDirectories))
            {
                var directory = Path.GetDirectoryName(file)!;
                var references = XDocument.Load(file).Descendants("ProjectReference")
                    .Select(r => (string?)r.Attribute("Include"))
                    .OfType<string>()
                    .Select(include => Relative(root, Path.GetFullPath(Path.Combine(directory, include.Replace('\\', '/')))))
                    .ToList();
                projects[Relative(root, file)] = references;
            }
        }
        return projects;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
