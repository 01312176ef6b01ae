using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TenantScanner.TestKit.TenantGenerator.Output;

/// <summary>Writes manifest times as the documented <c>2026-11-27T02:00:03Z</c> instead of System.Text.Json's <c>+00:00</c> form.</summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
