using System.Text.Json;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Reports;

/// <summary>
/// Reads a saved scan.json and turns every way it can be wrong into one message naming the file (and line/position).
/// The file may be old, hand-edited or hostile: errors never quote it, nulls are refused before anything renders,
/// and its free text is judged for secrets again (<see cref="ResultRedaction"/>) before any report sees it.
/// </summary>
public static class ScanResultFile
{
    /// <summary>The writer's options, plus the checks a file from elsewhere needs: no null where the schema has none, no field twice.</summary>
    private static readonly JsonSerializerOptions ReadOptions = new(JsonReportWriter.Options)
    {
        RespectNullableAnnotations = true,
        AllowDuplicateProperties = false,
    };

    public static ScanResult Load(string path, string optionName)
    {
        if (!File.Exists(path))
            throw new ScanResultFileException($"{optionName}: file '{path}' was not found.");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScanResultFileException($"{optionName}: '{path}' could not be read: {e.Message}");
        }
        var json = JsonInput.WithoutBom(bytes.AsSpan());
        var invalid = $"{optionName}: '{path}' is not a valid scan result";
        if (SyntaxError(json) is { } syntax)
            throw new ScanResultFileException($"{invalid} ({syntax}).");
        if (JsonInput.FindTextProblem(json) is { } text)
            throw new ScanResultFileException($"{invalid} (invalid text at {text}).");

        ScanResult? result;
        try
        {
            result = JsonSerializer.Deserialize<ScanResult>(json, ReadOptions);
        }
        // The syntax is sound (checked above), so these are the schema's own complaints, worded from the
        // result type's names (a wrong type, a missing or null field, a field twice), never quoting the file.
        catch (JsonException e) when (e.LineNumber is { } line)
        {
            throw new ScanResultFileException($"{invalid} (line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1}{(string.IsNullOrEmpty(e.Path) || e.Path == "$" ? string.Empty : ", at " + e.Path)}): {FirstSentence(e.Message)}");
        }
        catch (JsonException e)
        {
            throw new ScanResultFileException($"{invalid}: {FirstSentence(e.Message)}");
        }
        if (result is null)
            throw new ScanResultFileException($"{invalid}: the file holds null.");
        if (ScanResultNulls.Find(result) is { } where)
            throw new ScanResultFileException($"{invalid}: {where} is null.");

        var major = result.SchemaVersion.Split('.')[0];
        if (major != ScanResult.CurrentSchemaVersion.Split('.')[0])
            throw new ScanResultFileException($"{optionName}: '{path}' has schema version {result.SchemaVersion}; this scanner reads {ScanResult.CurrentSchemaVersion}.");
        return ResultRedaction.Apply(result, TextRedactor.BuiltIn);
    }

    /// <summary>"line 3, byte 17 of the line: unexpected ','", from positions only: the reader's message can quote the file.</summary>
    private static string? SyntaxError(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
            }
            return null;
        }
        catch (JsonException e)
        {
            return JsonInput.DescribeSyntaxError(json, e);
        }
    }

    // System.Text.Json appends "Path: $.x | LineNumber: n | BytePositionInLine: m." which we already report.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

public sealed class ScanResultFileException(string message) : Exception(message);
