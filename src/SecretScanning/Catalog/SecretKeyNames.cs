namespace TenantScanner.SecretScanning.Catalog;

/// <summary>How property names are compared with context keys: case and '-', '_', '$' do not matter.</summary>
internal static class SecretKeyNames
{
    /// <summary>"parent.key" forms keep their dot; each side is normalised.</summary>
    public static string NormalizeQualified(string name) =>
        string.Join('.', name.Split('.').Select(part => Normalize(part)));

    public static string Normalize(ReadOnlySpan<char> name)
    {
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (c is '-' or '_' or '$' or '@' or ' ')
                continue;
            buffer[length++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..length]);
    }
}
