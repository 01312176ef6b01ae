using System.Globalization;

namespace TenantScanner.Rules.Values;

/// <summary>
/// Equality and ordering between field values and literals, with Azure Policy's habits: strings compare
/// case-insensitively, numbers numerically, and a literal written as text is coerced to the field's type
/// (a date string against a date, "30" against a number).
/// </summary>
internal static class ValueComparer
{
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        string or bool or double or DateTimeOffset or UnknownValue => value,
        int i => (double)i,
        long l => (double)l,
        float f => (double)f,
        decimal m => (double)m,
        Enum e => FieldNames.EnumId(e),
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        _ => value,
    };

    public static bool AreEqual(object? left, object? right)
    {
        left = Normalize(left);
        right = Normalize(right);
        if (left is null || right is null)
            return left is null && right is null;
        if (left is string ls && right is string rs)
            return string.Equals(ls, rs, StringComparison.OrdinalIgnoreCase);
        if (Coerce(left, right) is var (a, b) && a is not null)
            return Compare(a, b) == 0;
        return false;
    }

    /// <summary>Negative, zero or positive; null when the two values cannot be ordered.</summary>
    public static int? Compare(object? left, object? right)
    {
        left = Normalize(left);
        right = Normalize(right);
        if (left is null || right is null)
            return null;
        var pair = Coerce(left, right);
        if (pair is not var (a, b) || a is null)
            return null;
        return (a, b) switch
        {
            (double x, double y) => x.CompareTo(y),
            (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
            (bool x, bool y) => x.CompareTo(y),
            (string x, string y) => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
            _ => null,
        };
    }

    /// <summary>Brings both values to the same type, converting the textual side when it can.</summary>
    private static (object? Left, object? Right)? Coerce(object left, object right)
    {
        if (left.GetType() == right.GetType())
            return (left, right);
        if (left is string ls)
            return ConvertText(ls, right) is { } converted ? (converted, right) : null;
        if (right is string rs)
            return ConvertText(rs, left) is { } converted ? (left, converted) : null;
        return null;
    }

    private static object? ConvertText(string text, object like) => like switch
    {
        double when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        bool when bool.TryParse(text, out var flag) => flag,
        DateTimeOffset when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var date) => date,
        _ => null,
    };

    /// <summary>Text shown in messages and evidence.</summary>
    public static string Format(object? value) => Normalize(value) switch
    {
        null => "(none)",
        UnknownValue => "unknown",
        bool b => b ? "true" : "false",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string text => text,
        System.Collections.IEnumerable list => string.Join(", ", list.Cast<object?>().Select(Format)),
        // Model objects (an owner, a credential) are not printed wholesale: their fields are what rules name.
        _ => "(object)",
    };
}
