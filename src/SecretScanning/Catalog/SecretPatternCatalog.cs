namespace TenantScanner.SecretScanning.Catalog;

/// <summary>
/// The secret detectors as data: the built-in <c>secret-patterns.yaml</c> (embedded in this assembly) or a
/// user's own file. Immutable and thread-safe once loaded.
/// </summary>
public sealed class SecretPatternCatalog
{
    private const string EmbeddedName = "TenantScanner.SecretScanning.secret-patterns.yaml";
    private static readonly Lazy<SecretPatternCatalog> Default = new(ReadEmbedded);

    private SecretPatternCatalog(IReadOnlyList<SecretPattern> patterns, NotSecretRules notSecret, string source)
    {
        Patterns = patterns;
        NotSecret = notSecret;
        Source = source;
    }

    public IReadOnlyList<SecretPattern> Patterns { get; }
    public NotSecretRules NotSecret { get; }
    /// <summary>Where the catalog came from (a path, or "built-in").</summary>
    public string Source { get; }

    public static SecretPatternCatalog LoadDefault() => Default.Value;

    /// <summary>Parses catalog text (the caller reads the file); <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="SecretCatalogException">Not a valid catalog (the message has source:line:column).</exception>
    public static SecretPatternCatalog Parse(string yaml, string source) =>
        Parse(yaml, source, SecretPatternCatalogReader.DefaultRegexTimeout);

    /// <param name="regexTimeout">How long a regex may run on one value (tests shorten it to provoke a timeout).</param>
    internal static SecretPatternCatalog Parse(string yaml, string source, TimeSpan regexTimeout)
    {
        var (patterns, notSecret) = SecretPatternCatalogReader.Read(yaml, source, regexTimeout);
        return new SecretPatternCatalog(patterns, notSecret, source);
    }

    private static SecretPatternCatalog ReadEmbedded()
    {
        using var stream = typeof(SecretPatternCatalog).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"Embedded resource {EmbeddedName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "built-in secret-patterns.yaml");
    }
}
