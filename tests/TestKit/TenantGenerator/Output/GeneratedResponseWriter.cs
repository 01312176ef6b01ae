using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TenantScanner.Snapshots;

namespace TenantScanner.TestKit.TenantGenerator.Output;

/// <summary>
/// Serialises generated response bodies the way the services send them and records each in the shared
/// <see cref="SnapshotWriter"/> under the generator's own file name, with a collection time 120 ms after
/// the previous one. Refuses URLs no source route knows: a generated snapshot must be loadable as a whole.
/// </summary>
internal sealed class GeneratedResponseWriter(SnapshotWriter snapshot, DateTimeOffset collectionStart, bool indented)
{
    /// <summary>Real services send UTF-8 without escaping 'ë' or '山'; so do we, which keeps the demo readable.</summary>
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private DateTimeOffset _clock = collectionStart;

    public SnapshotWriter Snapshot => snapshot;

    /// <summary>Writes one response body and records it. <paramref name="relativePath"/> uses '/'.</summary>
    public void WriteResponse(string relativePath, string url, JsonNode body, string method = "GET", int status = 200)
    {
        if (SourceRoutes.Match(url) is null)
            throw new InvalidOperationException($"Generator bug: '{url}' (for {relativePath}) matches no source route.");
        // Collection takes time; spacing the entries 120 ms apart keeps their times realistic and ordered.
        _clock = _clock.AddMilliseconds(120);
        snapshot.Record(new RecordedResponse
        {
            File = relativePath, Method = method, Url = url, Status = status, Body = Serialize(body), CollectedAt = _clock,
        });
    }

    private byte[] Serialize(JsonNode body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = Encoder, NewLine = "\n" }))
            body.WriteTo(writer);
        if (indented)
            buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
