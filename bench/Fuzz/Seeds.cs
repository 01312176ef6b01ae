using System.Text;

namespace TenantScanner.Fuzz;

/// <summary>The valid inputs fuzzing starts from: the demo tenant, its flow definitions, and documents with secrets.</summary>
internal static class Seeds
{
    /// <summary>The clone's root: the first folder above the executable holding Scanner.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Scanner.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("run fuzz from a clone: Scanner.sln was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>samples/demo-tenant, by the manifest's relative paths.</summary>
    public static Dictionary<string, byte[]> DemoTenant(string repository)
    {
        var root = Path.Combine(repository, "samples", "demo-tenant");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
    }

    public static IReadOnlyList<byte[]> SecretDocuments(IReadOnlyDictionary<string, byte[]> demoTenant)
    {
        const string token = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
        string[] planted =
        [
            "{\"definition\":{\"actions\":{\"Call\":{\"inputs\":{\"headers\":{\"Authorization\":\"token " + token + "\"}}}}}}",
            "{\"value\":[{\"clientdata\":\"{\\\"properties\\\":{\\\"definition\\\":{\\\"parameters\\\":{\\\"key\\\":{\\\"type\\\":\\\"SecureString\\\",\\\"defaultValue\\\":\\\"Xk2pL9qR4tV7wZ1bN5mC8\\\"}}}}}\"}]}",
            "{\"authentication\":{\"type\":\"Basic\",\"username\":\"svc\",\"password\":\"hunter2\"},\"uri\":\"https://st.blob.core.windows.net/c?sv=2022-11-02&sig=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo%3D\"}",
        ];
        return [.. planted.Select(Encoding.UTF8.GetBytes), .. demoTenant.Where(f => f.Key.StartsWith("flow/", StringComparison.Ordinal) || f.Key.StartsWith("dataverse/", StringComparison.Ordinal)).Select(f => f.Value)];
    }
}
