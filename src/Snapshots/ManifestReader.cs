using System.Text.Json;

namespace TenantScanner.Snapshots;

/// <summary>
/// Reads and validates <c>manifest.json</c>. The format version is checked before anything else, so a
/// snapshot from a newer scanner is refused for its version rather than for fields it moved.
/// </summary>
public static class ManifestReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        AllowTrailingCommas = false,
    };

    private const string File = SnapshotManifest.FileName;

    public static SnapshotManifest Parse(ReadOnlySpan<byte> json)
    {
        CheckFormatVersion(json);
        SnapshotManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<SnapshotManifest>(json, Options);
        }
        catch (JsonException ex) when (ex.LineNumber is not null)
        {
            throw new SnapshotFormatException(
                $"{File}: invalid at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1} of the line (field {ex.Path ?? "$"}): {Trim(ex.Message)}", File, ex);
        }
        catch (JsonException ex)
        {
            // Missing required properties are reported without a position; the message names them.
            throw new SnapshotFormatException($"{File}: {Trim(ex.Message)} (at {ex.Path ?? "$"})", File, ex);
        }
        if (manifest is null)
            throw new SnapshotFormatException($"{File}: the manifest is null.", File);
        Validate(manifest);
        return manifest;
    }

    private static void CheckFormatVersion(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new SnapshotFormatException($"{File}: the manifest must be a JSON object.", File);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isVersion = reader.ValueTextEquals("formatVersion"u8);
                reader.Read();
                if (isVersion)
                {
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var version))
                        throw new SnapshotFormatException($"{File}: field 'formatVersion' must be an integer (line {LineOf(json, reader.TokenStartIndex)}).", File);
                    if (version != SnapshotManifest.CurrentFormatVersion)
                        throw new SnapshotFormatException(
                            $"{File}: unknown formatVersion {version}; this scanner reads format version {SnapshotManifest.CurrentFormatVersion} only.", File);
                    return;
                }
                reader.Skip();
            }
        }
        catch (JsonException ex)
        {
            throw new SnapshotFormatException(
                $"{File}: malformed JSON at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1} of the line: {Trim(ex.Message)}", File, ex);
        }
        throw new SnapshotFormatException($"{File}: required field 'formatVersion' is missing.", File);
    }

    private static int LineOf(ReadOnlySpan<byte> json, long index) => json[..(int)index].Count((byte)'\n') + 1;

    private static void Validate(SnapshotManifest manifest)
    {
        if (string.IsNullOrWhiteSpace(manifest.TenantId))
            throw new SnapshotFormatException($"{File}: field 'tenantId' is empty.", File);
        for (var i = 0; i < manifest.Entries.Count; i++)
        {
            var entry = manifest.Entries[i];
            var where = $"{File}: entries[{i}]";
            if (SnapshotPaths.Problem(entry.File) is { } problem)
                throw new SnapshotFormatException($"{where}.file '{entry.File}' leaves the snapshot folder or is not a valid relative path: {problem}.", File);
            if (entry.File == SnapshotManifest.FileName)
                throw new SnapshotFormatException($"{where}.file must not be the manifest itself.", File);
            if (!Uri.TryCreate(entry.Url, UriKind.Absolute, out _))
                throw new SnapshotFormatException($"{where}.url '{entry.Url}' is not an absolute URL.", File);
            if (entry.Status is < 100 or > 599)
                throw new SnapshotFormatException($"{where}.status {entry.Status} is not an HTTP status.", File);
            if (entry.Sha256.Length != 64 || !entry.Sha256.All(char.IsAsciiHexDigit))
                throw new SnapshotFormatException($"{where}.sha256 must be 64 hexadecimal characters.", File);
            if (entry.Batch is null && IsBatchUrl(entry.Url))
                throw new SnapshotFormatException($"{where}.batch is required for a $batch request (it lists the sub-requests by id).", File);
            if (entry.Batch is { } batch && batch.Select(b => b.Id).Distinct(StringComparer.Ordinal).Count() != batch.Count)
                throw new SnapshotFormatException($"{where}.batch has duplicate ids.", File);
        }
        // Coverage sources this build does not know are kept (a newer collector may add sources) and
        // listed in reports; CoverageMap simply never matches them.
    }

    public static bool IsBatchUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.EndsWith("/$batch", StringComparison.OrdinalIgnoreCase);

    // JsonException messages end with " Path: $.x | LineNumber: 3 | BytePositionInLine: 7." which we already say.
    private static string Trim(string message)
    {
        foreach (var tail in (string[])[" Path: ", " LineNumber:"])
        {
            var cut = message.IndexOf(tail, StringComparison.Ordinal);
            if (cut > 0)
                message = message[..cut];
        }
        return message.TrimEnd();
    }
}
