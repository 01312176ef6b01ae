using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.SecretScanning;

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
        : this(catalog, SecretScanningEngine.Accelerated)
    {
    }

    /// <param name="engine">
    /// How keywords are found, regexes run and names remembered: <see cref="SecretScanningEngine.Plain"/> gives the
    /// same hits as the default, slowly; tests use it as the oracle for the accelerated engine.
    /// </param>
    internal SecretDetector(SecretPatternCatalog catalog, SecretScanningEngine engine)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(engine);
        _judge = new SecretValueJudge(catalog, engine);
        _keyRedactor = new Lazy<TextRedactor>(() => new TextRedactor(this));
    }

    /// <summary>The judge behind this detector, for <see cref="TextRedactor"/>.</summary>
    internal SecretValueJudge Judge => _judge;

    /// <summary>Judges the keys in a hit's pointer: a secret used as a property name would otherwise be printed in it.</summary>
    private readonly Lazy<TextRedactor> _keyRedactor;

    /// <summary>Walks a UTF-8 JSON document; hits carry JSON pointers and the line/column of the string holding the secret.</summary>
    /// <remarks>Values a detector's regex timed out on are left out: use <see cref="Inspect(ReadOnlySpan{byte})"/> where that matters.</remarks>
    /// <exception cref="MalformedJsonException">Not valid JSON; the message has the position and nothing of the content.</exception>
    public IReadOnlyList<SecretHit> ScanJson(ReadOnlySpan<byte> utf8Json) => Inspect(utf8Json).Hits;

    /// <summary>Walks an already parsed element (e.g. a flow definition from the inventory); pointers start at <paramref name="basePointer"/>, no line info.</summary>
    public IReadOnlyList<SecretHit> ScanJson(JsonElement element, string basePointer = "") => Inspect(element, basePointer).Hits;

    /// <summary>
    /// Judges one value by its content and its name (an environment variable, a note, a description, a tag).
    /// A value holding a JSON document is walked as JSON. Hits have an empty pointer (or one into the embedded document) and no line.
    /// </summary>
    public IReadOnlyList<SecretHit> ScanValue(string value, string? key) => InspectValue(value, key).Hits;

    /// <summary><see cref="ScanJson(ReadOnlySpan{byte})"/>, with the values that could not be judged.</summary>
    /// <exception cref="MalformedJsonException">Not valid JSON; the message has the position and nothing of the content.</exception>
    public SecretScan Inspect(ReadOnlySpan<byte> utf8Json) => WithKeysRedacted(Walk(StripBom(utf8Json), "", trackLines: true));

    /// <summary>
    /// <see cref="Inspect(ReadOnlySpan{byte})"/> of a file's bytes, whatever is wrong with them, so that one defect
    /// never hides a secret elsewhere in the file. UTF-16 and UTF-32 text (told by its byte order mark or its zero
    /// bytes) is transcoded to UTF-8 first; bytes that are not UTF-8 and escapes of half a surrogate pair are mended
    /// in place (<see cref="JsonTextRepair"/>). A document that is still not valid JSON (a syntax error, nesting
    /// deeper than 256 levels) keeps the hits found before the defect, and every string in it is then judged on its
    /// own under its property name (<see cref="LenientStringReader"/>); the scan's <see cref="SecretScan.Malformed"/>
    /// says where the document broke. Never throws for the content.
    /// </summary>
    public SecretScan InspectDocument(ReadOnlySpan<byte> document)
    {
        var transcoded = JsonTextEncoding.TranscodeToUtf8(document);
        byte[]? repaired = null;
        byte[]? copy = null;
        try
        {
            var json = transcoded ?? StripBom(document);
            if (TryWalk(json, out var prefix, out var malformed))
                return prefix;
            // Bytes that are not UTF-8 and halves of surrogate pairs are mended in place: the whole strict walk then runs.
            repaired = JsonTextRepair.TryRepair(json);
            if (repaired is not null && TryWalk(repaired, out prefix, out malformed))
                return prefix;
            copy = repaired ?? json.ToArray(); // the lenient reader keeps its place across strings, so it reads an array
            return LenientDocumentScan.Scan(this, copy, prefix, malformed!);
        }
        finally
        {
            // Each of these holds the document's text, secrets included.
            if (transcoded is not null)
                Array.Clear(transcoded);
            if (repaired is not null)
                Array.Clear(repaired);
            if (copy is not null)
                Array.Clear(copy);
        }
    }

    /// <summary>The strict walk; when it fails, <paramref name="scan"/> holds what it found before the defect.</summary>
    private bool TryWalk(ReadOnlySpan<byte> json, out SecretScan scan, out MalformedJsonException? malformed)
    {
        var hits = new List<SecretHit>();
        var unjudged = new List<UnjudgedValue>();
        scan = new SecretScan(hits, unjudged);
        try
        {
            WalkInto(json, "", trackLines: true, hits, unjudged);
            malformed = null;
            return true;
        }
        catch (MalformedJsonException e)
        {
            malformed = e;
            return false;
        }
    }

    /// <summary><see cref="ScanJson(JsonElement, string)"/>, with the values that could not be judged.</summary>
    public SecretScan Inspect(JsonElement element, string basePointer = "")
    {
        ArgumentNullException.ThrowIfNull(basePointer);
        // The element's own UTF-8 bytes, without re-serialising it (a scan reads 20,000 definitions this way).
        return WithKeysRedacted(Walk(JsonMarshal.GetRawUtf8Value(element), basePointer, trackLines: false));
    }

    /// <summary><see cref="ScanValue"/>, with the values that could not be judged.</summary>
    public SecretScan InspectValue(string value, string? key)
    {
        ArgumentNullException.ThrowIfNull(value);
        var document = JsonSerializer.SerializeToUtf8Bytes(key is null
            ? (object)value
            : new Dictionary<string, string> { [key] = value });
        var scan = Walk(document, "", trackLines: false);
        if (key is null)
            return WithKeysRedacted(scan);
        // The value sat under a synthetic wrapper object: point at the value itself (before any key is redacted).
        var cut = JsonPointer.Escape(key).Length + 1;
        return WithKeysRedacted(new SecretScan(
            scan.Hits.Select(hit => hit with { JsonPointer = hit.JsonPointer[cut..] }).ToList(),
            scan.Unjudged.Select(unjudged => unjudged with { JsonPointer = unjudged.JsonPointer[cut..] }).ToList()));
    }

    private SecretScan Walk(ReadOnlySpan<byte> json, string basePointer, bool trackLines)
    {
        var hits = new List<SecretHit>();
        var unjudged = new List<UnjudgedValue>();
        WalkInto(json, basePointer, trackLines, hits, unjudged);
        return new SecretScan(hits, unjudged);
    }

    /// <summary>Walks into the caller's lists, which keep what was found before a <see cref="MalformedJsonException"/>.</summary>
    private void WalkInto(ReadOnlySpan<byte> json, string basePointer, bool trackLines, List<SecretHit> hits, List<UnjudgedValue> unjudged)
    {
        var walker = RentWalker();
        try
        {
            walker.Walk(json, basePointer, trackLines, fixedPosition: null, hits, unjudged);
        }
        finally
        {
            t_walker = walker;
        }
    }

    /// <summary>
    /// The scan with the keys in its pointers judged too: a secret used as a property name would otherwise be
    /// printed in every pointer through it. Hits are few, so their pointers are judged after the walk, not every key during it.
    /// </summary>
    private SecretScan WithKeysRedacted(SecretScan scan)
    {
        if (scan.Hits.Count == 0 && scan.Unjudged.Count == 0)
            return scan;
        var redactor = _keyRedactor.Value;
        return new SecretScan(
            scan.Hits.Select(hit => redactor.Redact(hit.JsonPointer) is var pointer && ReferenceEquals(pointer, hit.JsonPointer) ? hit : hit with { JsonPointer = pointer }).ToList(),
            scan.Unjudged.Select(u => redactor.Redact(u.JsonPointer) is var pointer && ReferenceEquals(pointer, u.JsonPointer) ? u : u with { JsonPointer = pointer }).ToList());
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
