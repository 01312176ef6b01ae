using PdfSharp.Fonts;

namespace TenantScanner.Cli.Reports.Pdf;

/// <summary>
/// Serves the fonts embedded in the scanner assembly (src/Scanner/Fonts) to PDFsharp, which finds no
/// system fonts on Linux. Registered once per process: PDFsharp allows the resolver to be set only
/// before the first font operation, so <see cref="EnsureRegistered"/> is idempotent and thread-safe.
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    /// <summary>Body text: Latin, Greek, Cyrillic (DejaVu Sans).</summary>
    public const string TextFamily = "DejaVu Sans";
    /// <summary>CJK runs (Droid Sans Fallback); it has no Latin glyphs, so it is only used for CJK runs.</summary>
    public const string CjkFamily = "Droid Sans Fallback";

    private const string ResourcePrefix = "TenantScanner.Fonts.";
    private const string Regular = "DejaVuSans.ttf";
    private const string Bold = "DejaVuSans-Bold.ttf";
    private const string Cjk = "DroidSansFallbackFull.ttf";

    private static readonly Lazy<EmbeddedFontResolver> Instance = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, byte[]> _loaded = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private EmbeddedFontResolver() { }

    public static void EnsureRegistered() => _ = Instance.Value;

    private static EmbeddedFontResolver Register()
    {
        var resolver = new EmbeddedFontResolver();
        GlobalFontSettings.DefaultFontEncoding = PdfSharp.Pdf.PdfFontEncoding.Unicode;
        switch (GlobalFontSettings.FontResolver)
        {
            case null:
                GlobalFontSettings.FontResolver = resolver;
                return resolver;
            case EmbeddedFontResolver existing:
                return existing;
            case var other:
                // PDFsharp takes one resolver per process; a second one would silently lose our fonts.
                throw new InvalidOperationException($"Another PDFsharp font resolver ({other.GetType().FullName}) is registered; the PDF report needs {nameof(EmbeddedFontResolver)}.");
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (string.Equals(familyName, CjkFamily, StringComparison.OrdinalIgnoreCase))
            // Droid has no bold face: let PDFsharp embolden it rather than fall back to a font without CJK glyphs.
            return new FontResolverInfo(Cjk, mustSimulateBold: bold, mustSimulateItalic: italic);
        if (string.Equals(familyName, TextFamily, StringComparison.OrdinalIgnoreCase))
            return new FontResolverInfo(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);
        return null;
    }

    public byte[]? GetFont(string faceName)
    {
        lock (_gate)
        {
            if (_loaded.TryGetValue(faceName, out var bytes))
                return bytes;
            using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(ResourcePrefix + faceName);
            if (stream is null)
                return null;
            using var copy = new MemoryStream((int)stream.Length);
            stream.CopyTo(copy);
            bytes = copy.ToArray();
            _loaded[faceName] = bytes;
            return bytes;
        }
    }
}
