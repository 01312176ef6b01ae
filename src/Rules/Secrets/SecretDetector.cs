using System.Text;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace TenantScanner.Secrets;

/// <summary>
/// Finds hardcoded secrets in JSON documents and single values using a <see cref="SecretPatternCatalog"/>.
/// Thread-safe: every call uses its own walker. Raw secret text exists only inside a call; results carry
/// a redacted preview and a fingerprint.
/// </summary>
public sealed class SecretDetector
{
    private readonly SecretValueJudge _judge;

    /// <summary>
    /// One walker per thread, reused across calls: its property-name caches (decoded, normalised, classified
    /// names) then serve every document the thread scans instead of being rebuilt for each one.
    /// </summary>
    [ThreadStatic]
    private static JsonSecretWalker? t_walker;

    public SecretDetector(SecretPatternCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _judge = new SecretValueJudge(catalog);
    }

    /// <summary>Walks a UTF-8 JSON document; hits carry JSON pointers and the line/column of the string holding the secret.</summary>
    /// <exception cref="MalformedJsonException">Not valid JSON; the message has the position and nothing of the content.</exception>
    public IReadOnlyList<SecretHit> ScanJson(ReadOnlySpan<byte> utf8Json)
    {
        var hits = new List<SecretHit>();
        var walker = RentWalker();
        try
        {
            walker.Walk(StripBom(utf8Json), "", trackLines: true, fixedPosition: null, hits);
        }
        finally
        {
            t_walker = walker;
        }
        return hits;
    }

    /// <summary>Walks an already parsed element (e.g. a flow definition from the inventory); pointers start at <paramref name="basePointer"/>, no line info.</summary>
    public IReadOnlyList<SecretHit> ScanJson(JsonElement element, string basePointer = "")
    {
        ArgumentNullException.ThrowIfNull(basePointer);
        var hits = new List<SecretHit>();
        // The element's own UTF-8 bytes, without re-serialising it (a scan reads 20,000 definitions this way).
        var walker = RentWalker();
        try
        {
            walker.Walk(JsonMarshal.GetRawUtf8Value(element), basePointer, trackLines: false, fixedPosition: null, hits);
        }
        finally
        {
            t_walker = walker;
        }
        return hits;
    }

    /// <summary>
    /// Judges one value by its content and its name (an environment variable, a note, a description, a tag).
    /// A value holding a JSON document is walked as JSON. Hits have an empty pointer (or one into the embedded document) and no line.
    /// </summary>
    public IReadOnlyList<SecretHit> ScanValue(string value, string? key)
    {
        ArgumentNullException.ThrowIfNull(value);
        var hits = new List<SecretHit>();
        var document = JsonSerializer.SerializeToUtf8Bytes(key is null
            ? (object)value
            : new Dictionary<string, string> { [key] = value });
        var walker = RentWalker();
        try
        {
            walker.Walk(document, "", trackLines: false, fixedPosition: null, hits);
        }
        finally
        {
            t_walker = walker;
        }
        if (key is null)
            return hits;
        // The value sat under a synthetic wrapper object: point at the value itself.
        var prefix = "/" + JsonPointer.Escape(key);
        return hits.Select(hit => hit with { JsonPointer = hit.JsonPointer[prefix.Length..] }).ToList();
    }

    /// <summary>The thread's walker, taken out of its slot while in use (a nested call would build its own).</summary>
    private JsonSecretWalker RentWalker()
    {
        var walker = t_walker;
        t_walker = null;
        return walker is not null && walker.Judge == _judge ? walker : new JsonSecretWalker(_judge);
    }

    private static ReadOnlySpan<byte> StripBom(ReadOnlySpan<byte> json) =>
        json.StartsWith(Encoding.UTF8.Preamble) ? json[Encoding.UTF8.Preamble.Length..] : json;
}
