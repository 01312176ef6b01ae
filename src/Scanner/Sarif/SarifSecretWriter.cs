using System.Text;
using System.Text.Json;
using TenantScanner.Cli.Secrets;
using TenantScanner.SecretScanning.Catalog;

namespace TenantScanner.Cli.Sarif;

/// <summary>
/// <c>--format sarif</c>: SARIF 2.1.0 as GitHub code scanning accepts it. One rule per detector of the catalog
/// (id, name, shortDescription, fullDescription, helpUri, defaultConfiguration.level, security-severity);
/// one result per secret with ruleId/ruleIndex, level, message, a physical location relative to
/// <c>%SRCROOT%</c> (region startLine/startColumn when known), the JSON pointer as a logical location, and
/// <c>partialFingerprints</c> from the secret's fingerprint so alerts stay stable across runs.
/// A zip entry is reported on line 1 of the zip file itself; the entry is named in the message and properties.
/// Unreadable files are tool execution notifications (level error); so are values a detector could not finish
/// judging (level warning, with the value's physical location and the detector as associated rule), and so is
/// what was skipped (level warning when a limit or encryption kept content out, note for links and special files,
/// with <c>properties.reason</c>). Any but a note makes <c>executionSuccessful</c> false: the analysis did not
/// cover everything.
/// </summary>
public static class SarifSecretWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    /// <summary>Where detector documentation lives; each rule links to its anchor.</summary>
    public const string HelpBaseUri = "https://github.com/tenant-scanner/tenant-scanner/blob/main/docs/secret-detection.md";

    public static string Render(SecretScanResult result)
    {
        var patterns = result.Catalog.Patterns;
        var ruleIndex = patterns.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, patterns);
            WriteInvocation(json, result, ruleIndex);
            json.WriteStartArray("results");
            foreach (var finding in result.Findings)
                WriteResult(json, finding, ruleIndex);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<SecretPattern> patterns)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolIdentity.Name);
        json.WriteString("semanticVersion", ToolIdentity.Version);
        json.WriteString("informationUri", HelpBaseUri);
        json.WriteStartArray("rules");
        foreach (var pattern in patterns)
        {
            json.WriteStartObject();
            json.WriteString("id", pattern.Id);
            json.WriteString("name", pattern.SecretType);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", $"Hardcoded secret: {pattern.SecretType}");
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", string.IsNullOrEmpty(pattern.Description) ? pattern.SecretType : pattern.Description);
            json.WriteEndObject();
            json.WriteString("helpUri", $"{HelpBaseUri}#{pattern.Id}");
            json.WriteStartObject("help");
            json.WriteString("text", "Move the secret to Azure Key Vault (or a Secret environment variable), reference it from the flow, turn on secure inputs/outputs, and rotate the exposed value.");
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(pattern.Confidence));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartArray("tags");
            json.WriteStringValue("security");
            json.WriteStringValue("secret");
            json.WriteEndArray();
            json.WriteString("security-severity", pattern.Confidence == "high" ? "8.5" : "6.5");
            json.WriteString("precision", pattern.Confidence == "high" ? "high" : "medium");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter json, SecretScanResult result, Dictionary<string, int> ruleIndex)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", result.Complete);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var error in result.Errors)
        {
            json.WriteStartObject();
            json.WriteString("level", "error");
            json.WriteStartObject("message");
            json.WriteString("text", error.ToString());
            json.WriteEndObject();
            json.WriteEndObject();
        }
        foreach (var unjudged in result.Unjudged)
            WriteUnjudged(json, unjudged, ruleIndex);
        foreach (var skip in result.Skipped)
            WriteSkip(json, skip);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>Content a limit or encryption kept out is a warning (the analysis has a gap); a link or special file passed over, a note.</summary>
    private static void WriteSkip(Utf8JsonWriter json, SecretScanSkip skip)
    {
        json.WriteStartObject();
        json.WriteString("level", skip.LeavesGap ? "warning" : "note");
        json.WriteStartObject("message");
        json.WriteString("text", $"skipped: {skip}");
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("file", skip.File);
        json.WriteString("reason", skip.Code);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteUnjudged(Utf8JsonWriter json, SecretUnjudgedValue unjudged, Dictionary<string, int> ruleIndex)
    {
        var value = unjudged.Value;
        var input = unjudged.Input;
        json.WriteStartObject();
        json.WriteString("level", "warning");
        json.WriteStartObject("message");
        json.WriteString("text", unjudged.ToString());
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysicalLocation(json, input, value.Line, value.Column);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("associatedRule");
        json.WriteString("id", value.Detector);
        if (ruleIndex.TryGetValue(value.Detector, out var index))
            json.WriteNumber("index", index);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("jsonPointer", value.JsonPointer);
        if (input.ArchiveEntry is not null)
            json.WriteString("archiveEntry", input.ArchiveEntry);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, SecretFinding finding, Dictionary<string, int> ruleIndex)
    {
        var hit = finding.Hit;
        var input = finding.Input;
        json.WriteStartObject();
        json.WriteString("ruleId", hit.Detector);
        if (ruleIndex.TryGetValue(hit.Detector, out var index))
            json.WriteNumber("ruleIndex", index);
        json.WriteString("level", Level(hit.Confidence));
        json.WriteStartObject("message");
        var where = input.ArchiveEntry is null ? hit.JsonPointer : $"{input.ArchiveEntry} at {hit.JsonPointer}";
        json.WriteString("text", $"{hit.SecretType} hardcoded in {where} (preview {hit.Preview}, fingerprint {hit.Fingerprint}).");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysicalLocation(json, input, hit.Line, hit.Column);
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("fullyQualifiedName", where);
        json.WriteString("kind", "member");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString("secretFingerprint/v1", $"{hit.Fingerprint}:{hit.JsonPointer}");
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("secretType", hit.SecretType);
        json.WriteString("jsonPointer", hit.JsonPointer);
        json.WriteString("fingerprint", hit.Fingerprint);
        json.WriteString("preview", hit.Preview);
        if (input.ArchiveEntry is not null)
            json.WriteString("archiveEntry", input.ArchiveEntry);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The file (relative to <c>%SRCROOT%</c> when it can be) and the line and column in it.</summary>
    private static void WritePhysicalLocation(Utf8JsonWriter json, SecretScanInput input, int? line, int? column)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        if (Path.IsPathRooted(input.ArtifactPath))
        {
            json.WriteString("uri", new Uri(input.ArtifactPath).AbsoluteUri);
        }
        else
        {
            json.WriteString("uri", RelativeUri(input.ArtifactPath));
            json.WriteString("uriBaseId", "%SRCROOT%");
        }
        json.WriteEndObject();
        // GitHub code scanning needs region.startLine on every result (sarif-sdk rule GH1003). A zip entry's
        // lines are not the zip's lines, so such results point at line 1 of the zip and name the entry.
        var inFile = input.ArchiveEntry is null && line is not null;
        json.WriteStartObject("region");
        json.WriteNumber("startLine", inFile ? line!.Value : 1);
        if (inFile)
            json.WriteNumber("startColumn", column ?? 1);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Level(string confidence) => confidence == "high" ? "error" : "warning";

    /// <summary>SARIF wants a URI reference: escape each path segment, keep the slashes.</summary>
    private static string RelativeUri(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
