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
        json = JsonInput.WithoutBom(json);
        ManifestSyntax.Check(json);
        if (JsonInput.FindTextProblem(json) is { } problem)
            throw new SnapshotFormatException($"{File}: invalid text at {problem}.", File);
        SnapshotManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<SnapshotManifest>(json, Options);
        }
        // The syntax check above has read the whole document, so what is left are the contract's own complaints
        // (a wrong type, a missing or null required field). Their text is built from the manifest type's names,
        // never from the file: a reader error, whose text can quote the file, is not passed on.
        catch (JsonException ex) when (ex.InnerException is not JsonException && ex.LineNumber is not null)
        {
            throw new SnapshotFormatException(
                $"{File}: invalid at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1} of the line (field {ex.Path ?? "$"}): {Trim(ex.Message)}", File);
        }
        catch (JsonException ex) when (ex.InnerException is not JsonException)
        {
            // Missing required properties are reported without a position; the message names them.
            throw new SnapshotFormatException($"{File}: {Trim(ex.Message)} (at {ex.Path ?? "$"})", File);
        }
        catch (JsonException ex)
        {
            throw new SnapshotFormatException($"{File}: malformed JSON at {JsonInput.DescribeSyntaxError(json, ex)}", File);
        }
        if (manifest is null)
            throw new SnapshotFormatException($"{File}: the manifest is null.", File);
        Validate(manifest);
        return manifest;
    }

    private static void Validate(SnapshotManifest manifest)
    {
        if (string.IsNullOrWhiteSpace(manifest.TenantId))
            throw new SnapshotFormatException($"{File}: field 'tenantId' is empty.", File);
        for (var i = 0; i < manifest.Entries.Count; i++)
        {
            var entry = manifest.Entries[i];
            var where = $"{File}: entries[{i}]";
            if (entry is null)
                throw new SnapshotFormatException($"{where} is null; every entry must be an object.", File);
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
            if (entry.Batch is { } batch && IndexOfNull(batch) is var nullAt and >= 0)
                throw new SnapshotFormatException($"{where}.batch[{nullAt}] is null; every sub-request must be an object.", File);
            if (entry.Batch is { } requests && requests.Select(b => b.Id).Distinct(StringComparer.Ordinal).Count() != requests.Count)
                throw new SnapshotFormatException($"{where}.batch has duplicate ids.", File);
        }
        if (IndexOfNull(manifest.Coverage) is var gapAt and >= 0)
            throw new SnapshotFormatException($"{File}: coverage[{gapAt}] is null; every coverage gap must be an object.", File);
        // Coverage sources this build does not know are kept (a newer collector may add sources) and
        // listed in reports; CoverageMap simply never matches them.
    }

    /// <summary>A JSON <c>null</c> in a list deserialises to a null element; the nullable annotations only cover properties.</summary>
    private static int IndexOfNull<T>(IReadOnlyList<T> list) where T : class
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
                return i;
        }
        return -1;
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
