using PdfSharp.Drawing;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports.Pdf;

/// <summary>A font size, weight and colour. Every piece of text in the report is drawn in one of the styles below.</summary>
public sealed record TextStyle(double Size, bool Bold, XColor Color)
{
    /// <summary>Distance from one baseline to the next.</summary>
    public double LineHeight => Math.Round(Size * 1.3, 2);
}

/// <summary>Page geometry, colours and text styles of the report, in one place so the sections look alike.</summary>
public static class Theme
{
    public const double PageWidth = 595.28;   // A4 in points
    public const double PageHeight = 841.89;
    public const double MarginLeft = 48;
    public const double MarginRight = 48;
    public const double ContentTop = 72;      // below the running header
    public const double ContentBottom = PageHeight - 60; // above the footer
    public const double ContentWidth = PageWidth - MarginLeft - MarginRight;

    public static readonly XColor Ink = XColor.FromArgb(33, 37, 41);
    public static readonly XColor Muted = XColor.FromArgb(108, 117, 125);
    public static readonly XColor Accent = XColor.FromArgb(24, 62, 115);
    public static readonly XColor Rule = XColor.FromArgb(206, 212, 218);
    public static readonly XColor HeaderFill = XColor.FromArgb(233, 238, 245);
    public static readonly XColor ZebraFill = XColor.FromArgb(248, 249, 250);
    public static readonly XColor WarningFill = XColor.FromArgb(255, 243, 205);
    public static readonly XColor WarningInk = XColor.FromArgb(133, 100, 4);

    public static readonly TextStyle Title = new(26, true, Accent);
    public static readonly TextStyle Heading = new(17, true, Accent);
    public static readonly TextStyle Subheading = new(12, true, Ink);
    public static readonly TextStyle Body = new(9.5, false, Ink);
    public static readonly TextStyle BodyBold = new(9.5, true, Ink);
    public static readonly TextStyle Small = new(8, false, Ink);
    public static readonly TextStyle SmallBold = new(8, true, Ink);
    public static readonly TextStyle SmallMuted = new(8, false, Muted);
    public static readonly TextStyle Mono = new(8, false, XColor.FromArgb(73, 80, 87));
    public static readonly TextStyle Running = new(7.5, false, Muted);

    public static XColor SeverityColor(Severity severity) => severity switch
    {
        Severity.Critical => XColor.FromArgb(156, 20, 32),
        Severity.High => XColor.FromArgb(217, 72, 15),
        Severity.Medium => XColor.FromArgb(230, 150, 0),
        Severity.Low => XColor.FromArgb(28, 126, 214),
        _ => XColor.FromArgb(134, 142, 150),
    };

    public static string SeverityLabel(Severity severity) => severity.ToString();
}
