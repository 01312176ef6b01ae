using System.Text.Json;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports;

/// <summary>Reads a saved scan.json and turns every way it can be wrong into one message naming the file (and line/position).</summary>
public static class ScanResultFile
{
    public static ScanResult Load(string path, string optionName)
    {
        if (!File.Exists(path))
            throw new ScanResultFileException($"{optionName}: file '{path}' was not found.");
        ScanResult result;
        try
        {
            result = JsonReportWriter.Read(path);
        }
        catch (JsonException e) when (e.LineNumber is { } line)
        {
            throw new ScanResultFileException($"{optionName}: '{path}' is not a valid scan result (line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1}{(string.IsNullOrEmpty(e.Path) || e.Path == "$" ? string.Empty : ", at " + e.Path)}): {FirstSentence(e.Message)}");
        }
        catch (JsonException e)
        {
            throw new ScanResultFileException($"{optionName}: '{path}' is not a valid scan result: {FirstSentence(e.Message)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScanResultFileException($"{optionName}: '{path}' could not be read: {e.Message}");
        }

        var major = result.SchemaVersion.Split('.')[0];
        if (major != ScanResult.CurrentSchemaVersion.Split('.')[0])
            throw new ScanResultFileException($"{optionName}: '{path}' has schema version {result.SchemaVersion}; this scanner reads {ScanResult.CurrentSchemaVersion}.");
        return result;
    }

    // System.Text.Json appends "Path: $.x | LineNumber: n | BytePositionInLine: m." which we already report.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

public sealed class ScanResultFileException(string message) : Exception(message);
