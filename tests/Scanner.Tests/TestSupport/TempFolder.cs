namespace TenantScanner.Cli.Tests;

/// <summary>A temporary folder deleted when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "scanner-tests-" + Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>Writes a file (creating sub-folders) and returns its full path.</summary>
    public string Write(string relative, string content)
    {
        var file = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
