using System.Text;
using System.Text.Json;

namespace TenantScanner.Snapshots;

/// <summary>
/// One reader pass over <c>manifest.json</c> before it is deserialised: the format version (checked the moment
/// it is read, so a newer snapshot is refused for its version rather than for fields it moved), JSON syntax with
/// positions only, and manifest fields that appear twice in one object. A duplicated field would otherwise be
/// read twice differently: this check would see the first <c>formatVersion</c>, the deserialiser keeps the last.
/// </summary>
internal static class ManifestSyntax
{
    private const string File = SnapshotManifest.FileName;

    /// <summary>The JSON names of every manifest field (UTF-8), from the manifest types themselves; at most 64 are tracked.</summary>
    private static readonly byte[][] FieldNames =
        new[] { typeof(SnapshotManifest), typeof(ToolInfo), typeof(ManifestEntry), typeof(BatchRequestInfo), typeof(CoverageGap) }
            .SelectMany(type => JsonSerializerOptions.Default.GetTypeInfo(type).Properties.Select(p => p.Name))
            .Distinct(StringComparer.Ordinal)
            .Take(64)
            .Select(Encoding.UTF8.GetBytes)
            .ToArray();

    private const int MaxDepth = 64;

    public static void Check(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        // Per open object (by depth): the manifest fields seen in it so far, one bit per field name.
        Span<ulong> seen = stackalloc ulong[MaxDepth + 2];
        var versionSeen = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new SnapshotFormatException($"{File}: the manifest must be a JSON object.", File);
            seen[1] = 0;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.StartObject)
                    seen[reader.CurrentDepth + 1] = 0;
                if (reader.TokenType != JsonTokenType.PropertyName)
                    continue;
                if (FieldIndex(ref reader) is { } field)
                {
                    var bit = 1UL << field;
                    if ((seen[reader.CurrentDepth] & bit) != 0)
                        throw new SnapshotFormatException(
                            $"{File}: field '{Encoding.UTF8.GetString(FieldNames[field])}' appears twice in the same object (line {Line(json, reader.TokenStartIndex)}); a reader could take either value.", File);
                    seen[reader.CurrentDepth] |= bit;
                }
                if (reader.CurrentDepth == 1 && reader.ValueTextEquals("formatVersion"u8))
                {
                    reader.Read();
                    CheckVersion(json, ref reader);
                    versionSeen = true;
                }
            }
        }
        catch (JsonException ex)
        {
            throw new SnapshotFormatException($"{File}: malformed JSON at {JsonInput.DescribeSyntaxError(json, ex)}", File);
        }
        if (!versionSeen)
            throw new SnapshotFormatException($"{File}: required field 'formatVersion' is missing.", File);
    }

    private static void CheckVersion(ReadOnlySpan<byte> json, ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var version))
            throw new SnapshotFormatException($"{File}: field 'formatVersion' must be an integer (line {Line(json, reader.TokenStartIndex)}).", File);
        if (version != SnapshotManifest.CurrentFormatVersion)
            throw new SnapshotFormatException(
                $"{File}: unknown formatVersion {version}; this scanner reads format version {SnapshotManifest.CurrentFormatVersion} only.", File);
    }

    private static int? FieldIndex(ref Utf8JsonReader reader)
    {
        // Unescaped names (all of them, in practice) are compared only with names of the same length.
        var length = reader.ValueIsEscaped ? -1 : reader.ValueSpan.Length;
        for (var i = 0; i < FieldNames.Length; i++)
        {
            if ((length < 0 || FieldNames[i].Length == length) && reader.ValueTextEquals(FieldNames[i]))
                return i;
        }
        return null;
    }

    private static long Line(ReadOnlySpan<byte> json, long offset) => JsonInput.PositionOf(json, (int)offset).Line;
}
