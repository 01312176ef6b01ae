using System.Text;

namespace TenantScanner.Cli.Output;

public static class FileNames
{
    /// <summary>A file-name-safe slug: letters and digits kept (any script), everything else folded to '-'.</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "tenant" : slug;
    }
}
