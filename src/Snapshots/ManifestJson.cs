using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TenantScanner.Snapshots;

/// <summary>
/// How <c>manifest.json</c> is written: indented with "\n", UTF-8 without escaping non-ASCII letters or the
/// characters of URLs (so URLs and names stay readable), null fields left out, times in UTC as
/// <c>2026-11-27T02:00:03Z</c>, and a final newline. Every snapshot writer writes exactly these bytes;
/// the reader accepts any valid JSON with any ISO 8601 offset.
/// </summary>
public static class ManifestJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new UtcTimestampConverter() },
    };

    /// <summary>The bytes of <c>manifest.json</c> for <paramref name="manifest"/>.</summary>
    public static byte[] Serialize(SnapshotManifest manifest) => [.. JsonSerializer.SerializeToUtf8Bytes(manifest, Options), (byte)'\n'];

    /// <summary>Writes times as <c>2026-11-27T02:00:03Z</c> (fractions only when present) instead of System.Text.Json's <c>+00:00</c>.</summary>
    private sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}
