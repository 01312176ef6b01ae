using System.Text;
using System.Text.Json;

namespace TenantScanner.Cli.Secrets;

/// <summary>
/// <c>--format json</c>: one object with <c>findings</c> (file, line, column, jsonPointer, secretType, detector,
/// confidence, preview, fingerprint), <c>errors</c>, <c>unjudged</c> (file, line, column, jsonPointer, detector:
/// values a detector's regex timed out on) and <c>skipped</c> (file, reason, message, leavesGap), with
/// <c>complete</c> false when any of the last three leaves content unjudged. Versioned by <c>schemaVersion</c>.
/// </summary>
public static class JsonSecretWriter
{
    /// <summary>1.1 added <c>complete</c> and <c>skipped</c>.</summary>
    public const string SchemaVersion = "1.1";

    public static string Render(SecretScanResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schemaVersion", SchemaVersion);
            json.WriteStartObject("tool");
            json.WriteString("name", ToolIdentity.Name);
            json.WriteString("version", ToolIdentity.Version);
            json.WriteEndObject();
            json.WriteString("patterns", result.Catalog.Source);
            json.WriteNumber("documentsScanned", result.DocumentsScanned);
            json.WriteBoolean("complete", result.Complete);
            json.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                var hit = finding.Hit;
                json.WriteStartObject();
                WriteLocation(json, finding.Input.DisplayPath, hit.Line, hit.Column);
                json.WriteString("jsonPointer", hit.JsonPointer);
                json.WriteString("secretType", hit.SecretType);
                json.WriteString("detector", hit.Detector);
                json.WriteString("confidence", hit.Confidence);
                json.WriteString("preview", hit.Preview);
                json.WriteString("fingerprint", hit.Fingerprint);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("errors");
            foreach (var error in result.Errors)
            {
                json.WriteStartObject();
                WriteLocation(json, error.File, error.Line, error.Column);
                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("unjudged");
            foreach (var unjudged in result.Unjudged)
            {
                var value = unjudged.Value;
                json.WriteStartObject();
                WriteLocation(json, unjudged.Input.DisplayPath, value.Line, value.Column);
                json.WriteString("jsonPointer", value.JsonPointer);
                json.WriteString("detector", value.Detector);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("skipped");
            foreach (var skip in result.Skipped)
            {
                json.WriteStartObject();
                json.WriteString("file", skip.File);
                json.WriteString("reason", skip.Code);
                json.WriteString("message", skip.Message);
                json.WriteBoolean("leavesGap", skip.LeavesGap);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Where a finding, an error or an unjudged value is: the same three fields in every array.</summary>
    private static void WriteLocation(Utf8JsonWriter json, string file, int? line, int? column)
    {
        json.WriteString("file", file);
        WriteNullable(json, "line", line);
        WriteNullable(json, "column", column);
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteNumber(name, value.Value);
    }
}
