using System.Globalization;

namespace TenantScanner.Cli.Commands;

/// <summary>
/// Sizes on the command line: a number of bytes, or a number with a unit, <c>K</c>/<c>KB</c>/<c>KiB</c>,
/// <c>M</c>/<c>MB</c>/<c>MiB</c>, <c>G</c>/<c>GB</c>/<c>GiB</c>, all powers of 1024 (<c>100MiB</c>, <c>2G</c>).
/// </summary>
public static class ByteSizeText
{
    private static readonly (string Unit, long Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30),
        ("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30),
        ("K", 1L << 10), ("M", 1L << 20), ("G", 1L << 30),
        ("B", 1),
    ];

    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var trimmed = text.Trim();
        var factor = 1L;
        foreach (var (unit, unitFactor) in Units)
        {
            if (trimmed.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed[..^unit.Length].TrimEnd();
                factor = unitFactor;
                break;
            }
        }
        if (!long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > long.MaxValue / factor)
            return false;
        bytes = count * factor;
        return true;
    }
}
