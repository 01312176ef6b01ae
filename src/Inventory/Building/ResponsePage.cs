using System.Text.Json;
using TenantScanner.Snapshots;

namespace TenantScanner.Inventory.Building;

/// <summary>
/// One successful response body routed to a source: a whole file, or one sub-response of a
/// <c>$batch</c> file (then <see cref="BasePointer"/> is e.g. <c>/responses/2/body</c>).
/// </summary>
/// <param name="Url">The canonical URL of the request that produced the body.</param>
internal sealed record ResponsePage(SourceRoute Route, JsonElement Body, string File, string BasePointer, string Url)
{
    public JsonAt Root => new(Body, BasePointer, this);

    public SourceLocation At(string pointer) => new(File, pointer, Url);

    /// <summary>The items of a list response (<c>value</c> array of objects); anything else is refused.</summary>
    public IEnumerable<JsonAt> ListItems()
    {
        if (Body.ValueKind != JsonValueKind.Object)
            throw Root.ShapeError("", "a JSON object");
        return Root.Objects("value", required: true);
    }
}

/// <summary>
/// A JSON element with its JSON pointer in the snapshot file, so every value read can be traced back
/// and every shape error can name the file and pointer.
/// </summary>
internal readonly record struct JsonAt(JsonElement Element, string Pointer, ResponsePage Page)
{
    public SourceLocation Location => Page.At(Pointer);

    public JsonAt Child(string name, JsonElement value) => new(value, Pointer + "/" + EscapePointer(name), Page);

    public bool TryGet(string name, out JsonElement value)
    {
        if (Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
            return true;
        value = default;
        return false;
    }

    public bool Has(string name) => TryGet(name, out _);

    public string? String(string name)
    {
        if (!TryGet(name, out var value))
            return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw ShapeError(name, "a string");
    }

    public string RequiredString(string name) =>
        String(name) is { Length: > 0 } text ? text : throw Missing(name, "string");

    public bool? Bool(string name)
    {
        if (!TryGet(name, out var value))
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw ShapeError(name, "true or false"),
        };
    }

    public long? Long(string name)
    {
        if (!TryGet(name, out var value))
            return null;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : throw ShapeError(name, "an integer");
    }

    public DateTimeOffset? Date(string name)
    {
        var text = String(name);
        if (text is null)
            return null;
        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var date) ? date : throw ShapeError(name, "an ISO 8601 date-time");
    }

    /// <summary>Key Vault attributes are Unix seconds.</summary>
    public DateTimeOffset? UnixSeconds(string name) => Long(name) is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    public JsonAt? Object(string name)
    {
        if (!TryGet(name, out var value))
            return null;
        return value.ValueKind == JsonValueKind.Object ? Child(name, value) : throw ShapeError(name, "an object");
    }

    /// <summary>The objects of an array property; a missing or null array is empty unless <paramref name="required"/>.</summary>
    public IEnumerable<JsonAt> Objects(string name, bool required = false)
    {
        if (!TryGet(name, out var array))
        {
            if (required)
                throw Missing(name, "array");
            return [];
        }
        if (array.ValueKind != JsonValueKind.Array)
            throw ShapeError(name, "an array");
        return Enumerate(Child(name, array));

        static IEnumerable<JsonAt> Enumerate(JsonAt array)
        {
            var index = 0;
            foreach (var item in array.Element.EnumerateArray())
            {
                var at = new JsonAt(item, array.Pointer + "/" + index, array.Page);
                if (item.ValueKind != JsonValueKind.Object)
                    throw new SnapshotFormatException(
                        $"{array.Page.File}: unexpected shape at JSON pointer {at.Pointer}: expected an object, found {item.ValueKind} (request {array.Page.Url}).",
                        array.Page.File);
                yield return at;
                index++;
            }
        }
    }

    /// <summary>The strings of an array property (missing or null: empty).</summary>
    public IReadOnlyList<string> Strings(string name)
    {
        if (!TryGet(name, out var array))
            return [];
        if (array.ValueKind != JsonValueKind.Array)
            throw ShapeError(name, "an array of strings");
        var list = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                throw ShapeError(name, "an array of strings");
            list.Add(item.GetString()!);
        }
        return list;
    }

    public SnapshotFormatException ShapeError(string name, string expected)
    {
        var pointer = name.Length == 0 ? Pointer : Pointer + "/" + EscapePointer(name);
        var found = name.Length == 0 || !Element.TryGetProperty(name, out var value) ? Element.ValueKind : value.ValueKind;
        return new SnapshotFormatException(
            $"{Page.File}: unexpected shape at JSON pointer {(pointer.Length == 0 ? "(root)" : pointer)}: expected {expected}, found {found} (request {Page.Url}).",
            Page.File);
    }

    private SnapshotFormatException Missing(string name, string kind) => new(
        $"{Page.File}: required {kind} '{name}' is missing at JSON pointer {(Pointer.Length == 0 ? "(root)" : Pointer)} (request {Page.Url}).",
        Page.File);

    /// <summary>RFC 6901: '~' becomes '~0' and '/' becomes '~1'.</summary>
    public static string EscapePointer(string name) =>
        name.Contains('~') || name.Contains('/') ? name.Replace("~", "~0").Replace("/", "~1") : name;
}
