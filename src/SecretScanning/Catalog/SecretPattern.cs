using System.Text.RegularExpressions;

namespace TenantScanner.SecretScanning.Catalog;

/// <summary>
/// One detector from <c>secret-patterns.yaml</c>. A pattern applies to a value when one of its
/// <see cref="Keywords"/> occurs in it or the value sits under one of its <see cref="ContextKeys"/>;
/// then <see cref="Regex"/> (or, without a regex, the whole value) gives the candidate secret, which
/// must pass the entropy, length and validator checks.
/// </summary>
public sealed record SecretPattern
{
    public required string Id { get; init; }
    public required string SecretType { get; init; }
    public string Description { get; init; } = "";
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public bool KeywordsIgnoreCase { get; init; }
    /// <summary>Literals that must also occur (ordinal) for a keyword hit to count, e.g. <c>@</c> for credentials in a URI: keeps common keywords such as <c>://</c> cheap.</summary>
    public IReadOnlyList<string> AlsoRequires { get; init; } = [];
    /// <summary>Normalised names (lower case, no '-' or '_'): a value's key must equal or end with one; "parent.key" forms must match exactly.</summary>
    public IReadOnlyList<string> ContextKeys { get; init; } = [];
    /// <summary>Null: the whole value is the candidate. Otherwise the <c>secret</c> group (or the whole match).</summary>
    public Regex? Regex { get; init; }
    public double MinEntropy { get; init; }
    public int MinLength { get; init; } = 1;
    public SecretValidation Validation { get; init; } = SecretValidation.None;
    public required string Confidence { get; init; }
    /// <summary>Distinctive formats (fixed prefixes, signatures) are reported even under names like <c>hash</c> or inside file content.</summary>
    public bool Distinctive { get; init; }
}

/// <summary>Structural checks that a regex cannot express.</summary>
public enum SecretValidation
{
    None,
    /// <summary>base64 that decodes to printable <c>user:password</c> with a non-empty password.</summary>
    BasicAuth,
    /// <summary>Three base64url parts whose header decodes to a JSON object with <c>alg</c>.</summary>
    Jwt,
    /// <summary>base64 that decodes to exactly 64 bytes (storage and Cosmos DB keys).</summary>
    Base64Of64Bytes,
}

/// <summary>Values never reported (see <c>notSecret</c> in <c>secret-patterns.yaml</c>).</summary>
public sealed record NotSecretRules
{
    public IReadOnlySet<string> Keys { get; init; } = new HashSet<string>();
    public IReadOnlyList<string> Placeholders { get; init; } = [];
    public IReadOnlySet<string> KnownExamples { get; init; } = new HashSet<string>();
    public IReadOnlyList<string> Base64FilePrefixes { get; init; } = [];
}
