using System.Buffers;
using System.Globalization;
using System.Text.Json;
using TenantScanner.Inventory;
using TenantScanner.SecretScanning;

namespace TenantScanner.Rules.Facts;

/// <summary>One secret in the free text of a directory object.</summary>
/// <param name="Property">notes, description or tags.</param>
/// <param name="Pointer">Relative to the object: <c>/notes</c>, <c>/description</c>, <c>/tags/3</c>.</param>
internal sealed record TextSecretHit(string Property, string Pointer, SecretHit Hit);

/// <summary>
/// The secrets in the notes, description and tags of every service principal and app registration of an
/// inventory, found in one detector pass: a scan of 100,000 service principals would otherwise pay a
/// detector call (and its set-up) per object. Built once per scan on first use; keeps only hits and the
/// pointers of values the detector could not finish judging.
/// </summary>
internal sealed class DirectoryTextFacts
{
    private readonly Dictionary<object, List<TextSecretHit>> _hits = new(ReferenceEqualityComparer.Instance);
    /// <summary>Values not fully judged, with pointers relative to the object (<c>/notes</c>, <c>/tags/3</c>).</summary>
    private readonly Dictionary<object, List<UnjudgedValue>> _unjudged = new(ReferenceEqualityComparer.Instance);

    /// <param name="detector">The scan's secret detector.</param>
    internal DirectoryTextFacts(TenantInventory inventory, SecretDetector detector)
    {
        var objects = new List<object>(inventory.ServicePrincipals.Count + inventory.Applications.Count);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var sp in inventory.ServicePrincipals)
            {
                objects.Add(sp);
                Write(writer, sp.Notes, sp.Description, sp.Tags);
            }
            foreach (var app in inventory.Applications)
            {
                objects.Add(app);
                Write(writer, app.Notes, app.Description, app.Tags);
            }
            writer.WriteEndArray();
        }
        var scan = detector.Inspect(buffer.WrittenSpan);
        foreach (var hit in scan.Hits)
        {
            if (Place(hit.JsonPointer) is not (var index, var property, var pointer))
                continue;
            Add(_hits, objects[index], new TextSecretHit(property, pointer, hit with { JsonPointer = pointer, Line = null, Column = null }));
        }
        foreach (var unjudged in scan.Unjudged)
        {
            if (Place(unjudged.JsonPointer) is (var index, _, var pointer))
                Add(_unjudged, objects[index], unjudged with { JsonPointer = pointer, Line = null, Column = null });
        }
    }

    /// <summary>The secrets of one service principal or application of this inventory.</summary>
    public IReadOnlyList<TextSecretHit> For(object directoryObject) => _hits.GetValueOrDefault(directoryObject) ?? [];

    /// <summary>The values of one service principal or application the detector could not finish judging.</summary>
    public IReadOnlyList<UnjudgedValue> UnjudgedFor(object directoryObject) => _unjudged.GetValueOrDefault(directoryObject) ?? [];

    /// <summary>
    /// The object, property and pointer relative to the object of a pointer into the scanned array:
    /// /{index}/notes, /{index}/description, /{index}/tags/{i} or /{index}/tags/{i}/value (embedded JSON continues further).
    /// </summary>
    private static (int Index, string Property, string Pointer)? Place(string arrayPointer)
    {
        var segments = arrayPointer.Split('/');
        if (segments.Length < 3 || !int.TryParse(segments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            return null;
        var property = segments[2];
        return (index, property, property == "tags" && segments.Length > 3 ? $"/tags/{segments[3]}" : "/" + property);
    }

    private static void Add<T>(Dictionary<object, List<T>> byObject, object directoryObject, T item)
    {
        if (!byObject.TryGetValue(directoryObject, out var list))
            byObject[directoryObject] = list = [];
        list.Add(item);
    }

    /// <summary>
    /// <c>{"notes": …, "description": …, "tags": [ … ]}</c>; a <c>name=value</c> tag becomes
    /// <c>{"name": name, "value": value}</c> so the detector judges the value by its name.
    /// </summary>
    private static void Write(Utf8JsonWriter writer, string? notes, string? description, IReadOnlyList<string> tags)
    {
        writer.WriteStartObject();
        if (!string.IsNullOrEmpty(notes))
            writer.WriteString("notes", notes);
        if (!string.IsNullOrEmpty(description))
            writer.WriteString("description", description);
        writer.WriteStartArray("tags");
        foreach (var tag in tags)
        {
            if (SplitTag(tag) is ({ } name, var value))
            {
                writer.WriteStartObject();
                writer.WriteString("name", name);
                writer.WriteString("value", value);
                writer.WriteEndObject();
            }
            else
                writer.WriteStringValue(tag);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A tag <c>apiKey=abc</c> or <c>apiKey:abc</c> is the value <c>abc</c> named <c>apiKey</c>; other tags are judged alone.</summary>
    private static (string? Name, string Value) SplitTag(string tag)
    {
        var separator = tag.IndexOfAny(['=', ':']);
        return separator > 0 && separator < tag.Length - 1 && !tag[..separator].Contains(' ', StringComparison.Ordinal)
            ? (tag[..separator], tag[(separator + 1)..])
            : (null, tag);
    }
}
