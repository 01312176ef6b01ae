using System.Text.Json;
using System.Text.Json.Serialization;
using TenantScanner.Cli.Output;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports;

/// <summary>Writes <c>scan.json</c>, the canonical versioned result every other report is rendered from.</summary>
public sealed class JsonReportWriter : IReportWriter
{
    public const string FileName = "scan.json";

    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format => "json";

    public IReadOnlyList<string> Write(ScanResult result, ReportContext context, string folder)
    {
        var path = Path.Combine(folder, FileName);
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, result, Options));
        return [path];
    }

    /// <summary>Reads a saved scan.json (for <c>scanner report --from</c>).</summary>
    public static ScanResult Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<ScanResult>(stream, Options)
            ?? throw new JsonException($"{path}: the file is empty.");
    }
}
