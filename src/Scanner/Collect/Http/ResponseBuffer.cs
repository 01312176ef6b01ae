using System.Net.Http.Headers;
using System.Text.Json;

namespace TenantScanner.Cli.Collect.Http;

/// <summary>Reads a response body completely into memory, so the handlers above see whole bytes and retries can tell a cut-off body.</summary>
public static class ResponseBuffer
{
    /// <summary>Reads the whole body; null (response disposed) when the connection broke mid-body or a JSON body does not parse.</summary>
    public static async Task<HttpResponseMessage?> TryReadCompleteAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            response.Dispose();
            return null;
        }
        if (body.Length > 0 && LooksLikeJson(response.Content.Headers.ContentType, body) && !IsCompleteJson(body))
        {
            response.Dispose();
            return null;
        }
        Replace(response, body);
        return response;
    }

    public static async Task<HttpResponseMessage> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Replace(response, await response.Content.ReadAsByteArrayAsync(cancellationToken));
        return response;
    }

    private static void Replace(HttpResponseMessage response, byte[] body)
    {
        var content = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers)
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        content.Headers.ContentLength = body.Length;
        response.Content = content;
    }

    private static bool LooksLikeJson(MediaTypeHeaderValue? type, byte[] body) =>
        type?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
        || (type is null && body.Length > 0 && body[0] is (byte)'{' or (byte)'[');

    private static bool IsCompleteJson(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read()) { }
            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
