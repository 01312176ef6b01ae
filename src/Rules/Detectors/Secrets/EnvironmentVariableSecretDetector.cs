using TenantScanner.Engine;
using TenantScanner.Findings;
using TenantScanner.Inventory;
using TenantScanner.Secrets;

namespace TenantScanner.Detectors;

/// <summary>
/// CRED006: judges a Dataverse environment variable's current value and default value with the secret
/// detector, using the schema name as context (<c>cp_SmtpPassword</c> reads as a password). Only the
/// preview and fingerprint leave this class. A Secret-type variable holds a Key Vault reference, not the
/// value; the rule's condition excludes it by type.
/// </summary>
public sealed class EnvironmentVariableSecretDetector : Detector<EnvironmentVariable, EnvironmentVariableSecretDetector.Result>
{
    /// <param name="Column">Where the secret sits: <c>value</c> (the current value row) or <c>defaultvalue</c> (the definition).</param>
    /// <param name="Location">That column in the snapshot.</param>
    public sealed record Result(SecretHit? Hit, string? Column, SourceLocation? Location);

    private static readonly Lazy<SecretDetector> Detector = new(() => new SecretDetector(SecretPatternCatalog.LoadDefault()));

    public override string Name => "environmentVariableSecret";
    public override string ResourceType => "environmentVariable";

    public override IReadOnlyList<FieldDefinition> Fields { get; } =
    [
        Field("holdsSecret", "boolean", "True when the current or default value looks like a secret (judged with the schema name as context).", r => r.Hit is not null),
        Field("secretIn", "string", "value (the current value) or defaultvalue (the definition's default); null when no secret.", r => r.Column),
        Field("secretType", "string", "What kind of secret, e.g. GenericSecret, StorageAccountKey.", r => r.Hit?.SecretType),
        Field("secretPreview", "string", "Redacted preview; never the value.", r => r.Hit?.Preview),
        Field("secretFingerprint", "string", "sha256: plus 12 hex digits: recognises the same secret in flows and other variables.", r => r.Hit?.Fingerprint),
    ];

    protected override Result Analyze(EnvironmentVariable variable, DetectorContext context)
    {
        // The current value wins over the default: it is what flows actually receive.
        if (variable.CurrentValue is { Length: > 0 } current && First(current, variable.SchemaName) is { } currentHit)
            return new Result(currentHit, "value", variable.ValueSource?.Child("/value"));
        if (variable.DefaultValue is { Length: > 0 } fallback && First(fallback, variable.SchemaName) is { } defaultHit)
            return new Result(defaultHit, "defaultvalue", variable.Source.Child("/defaultvalue"));
        return new Result(null, null, null);
    }

    protected override IEnumerable<Evidence> Evidence(EnvironmentVariable variable, Result output)
    {
        if (output.Hit is not { } hit)
            yield break;
        yield return new Evidence
        {
            File = output.Location?.File, JsonPointer = output.Location?.JsonPointer, SourceUrl = output.Location?.Url,
            Description = $"{output.Column} holds a secret of type {hit.SecretType} (pattern {hit.Detector}); fingerprint {hit.Fingerprint}",
            Value = hit.Preview, Redacted = true,
        };
    }

    private static SecretHit? First(string value, string schemaName)
    {
        var hits = Detector.Value.ScanValue(value, schemaName);
        return hits.Count > 0 ? hits[0] : null;
    }
}
