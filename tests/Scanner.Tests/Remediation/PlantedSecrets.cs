using System.Text.Json;

namespace TenantScanner.Cli.Tests.Remediation;

/// <summary>The fake secret values planted in the demo tenant (samples/demo-tenant-planted-secrets.json).</summary>
internal static class PlantedSecrets
{
    public static IReadOnlyList<string> Values()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Scanner.sln")))
            dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Scanner.sln not found above the test binaries"),
            "samples", "demo-tenant-planted-secrets.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return [.. document.RootElement.GetProperty("secrets").EnumerateArray().Select(s => s.GetProperty("value").GetString()!)];
    }
}
