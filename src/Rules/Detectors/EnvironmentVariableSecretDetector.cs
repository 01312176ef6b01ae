using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.Inventory;
using TenantScanner.Rules.Evaluation;
using TenantScanner.Rules.Facts;

namespace TenantScanner.Rules.Detectors;

/// <summary>
/// CRED006: judges a Dataverse environment variable's current value and default value with the secret
/// detector, using the schema name as context (<c>cp_SmtpPassword</c> reads as a password). Only the
/// preview and fingerprint leave this class. A Secret-type variable holds a Key Vault reference, not the
/// value; the rule's condition excludes it by type. A value the detector could not finish judging (a regex
/// timed out) leaves <c>holdsSecret</c> unknown unless a secret was found anyway.
/// </summary>
public sealed class EnvironmentVariableSecretDetector : Detector<EnvironmentVariable, EnvironmentVariableSecretDetector.Result>
{
    /// <param name="Column">Where the secret sits: <c>value</c> (the current value row) or <c>defaultvalue</c> (the definition).</param>
    /// <param name="Location">That column in the snapshot.</param>
    /// <param name="Unjudged">Values (current, default) the detector could not finish judging.</param>
    public sealed record Result(SecretHit? Hit, string? Column, SourceLocation? Location, IReadOnlyList<UnjudgedLocation> Unjudged);

    public override string Name => "environmentVariableSecret";
    public override string ResourceType => "environmentVariable";

    public override IReadOnlyList<FieldDefinition> Fields { get; } =
    [
        Field("holdsSecret", "boolean",
            "True when the current or default value looks like a secret (judged with the schema name as context); unknown when none does but one could not be fully judged (a detector timed out).",
            r => r.Hit is not null ? true : UnjudgedLocation.Undecided(r.Unjudged) ?? (object)false),
        Field("secretIn", "string", "value (the current value) or defaultvalue (the definition's default); null when no secret.", r => r.Column),
        Field("secretType", "string", "What kind of secret, e.g. GenericSecret, StorageAccountKey.", r => r.Hit?.SecretType),
        Field("secretPreview", "string", "Redacted preview; never the value.", r => r.Hit?.Preview),
        Field("secretFingerprint", "string", "sha256: plus 12 hex digits: recognises the same secret in flows and other variables.", r => r.Hit?.Fingerprint),
    ];

    protected override Result Analyze(EnvironmentVariable variable, DetectorContext context)
    {
        var unjudged = new List<UnjudgedLocation>();
        // The current value wins over the default: it is what flows actually receive.
        var currentLocation = variable.ValueSource?.Child("/value");
        if (variable.CurrentValue is { Length: > 0 } current && First(context.Services.SecretDetector, current, variable.SchemaName, currentLocation, unjudged) is { } currentHit)
            return new Result(currentHit, "value", currentLocation, unjudged);
        var defaultLocation = variable.Source.Child("/defaultvalue");
        if (variable.DefaultValue is { Length: > 0 } fallback && First(context.Services.SecretDetector, fallback, variable.SchemaName, defaultLocation, unjudged) is { } defaultHit)
            return new Result(defaultHit, "defaultvalue", defaultLocation, unjudged);
        return new Result(null, null, null, unjudged);
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
        foreach (var unjudged in output.Unjudged)
            yield return unjudged.ToEvidence();
    }

    /// <param name="location">The column holding the value; what could not be judged is placed there.</param>
    private static SecretHit? First(SecretDetector detector, string value, string schemaName, SourceLocation? location, List<UnjudgedLocation> unjudged)
    {
        var scan = detector.InspectValue(value, schemaName);
        unjudged.AddRange(scan.Unjudged.Select(u => UnjudgedLocation.Of(u, location)));
        return scan.Hits.Count > 0 ? scan.Hits[0] : null;
    }
}
