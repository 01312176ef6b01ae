using System.Text.Encodings.Web;
using System.Text.Json;
using TenantScanner.TestKit.TenantGenerator.Model;
using TenantScanner.TestKit.TenantGenerator.Output;

namespace TenantScanner.TestKit.TenantGenerator.Demo;

internal sealed record DemoWriteResult(SnapshotSummary Summary, string PlantedSecretsFile, string ExpectationsFile);

/// <summary>
/// Writes the demo snapshot and, beside the folder (never inside it, so the scanner cannot read
/// them), <c>{folder}-planted-secrets.json</c> and <c>{folder}-expected.md</c>.
/// </summary>
internal static class DemoWriter
{
    public static readonly SnapshotLayout Layout = new()
    {
        Indented = true,
        // Small enough that the Default environment's 26 flows come in two pages, as the brief asks.
        FlowListPageSize = 20,
        AppRoleAssignments = AppRoleAssignmentLayout.PerServicePrincipal,
        FederatedCredentialsPerApplication = true,
    };

    private static readonly JsonSerializerOptions PlantedJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static DemoWriteResult Write(string folder)
    {
        var tenant = new DemoTenant();
        var summary = new TenantSnapshotWriter(Layout, tenant.Ids).Write(tenant.Model(), folder);
        var trimmed = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var plantedFile = trimmed + "-planted-secrets.json";
        var expectedFile = trimmed + "-expected.md";
        WriteText(plantedFile, JsonSerializer.Serialize(new
        {
            description = "Every fake secret planted in the demo snapshot. Tests search scan output for these values: none may appear.",
            secrets = tenant.Plants.Planted,
        }, PlantedJson) + "\n");
        WriteText(expectedFile, DemoExpectations.Markdown(tenant));
        return new DemoWriteResult(summary, plantedFile, expectedFile);
    }

    private static void WriteText(string path, string text)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, text.ReplaceLineEndings("\n"), new System.Text.UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}
