namespace TenantScanner.Tests.Engine;

/// <summary>Finds files of the repository (rules.yaml, docs, schemas) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => System.IO.Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "rules.yaml")) && File.Exists(System.IO.Path.Combine(dir.FullName, "Scanner.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (rules.yaml beside Scanner.sln) above " + AppContext.BaseDirectory);
    }
}
