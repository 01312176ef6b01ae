using TenantScanner.Rules.Values;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.Inventory;
using TenantScanner.Rules.Facts;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Detectors;

/// <summary>One secret found in the free text of a service principal or its app registration.</summary>
/// <param name="ObjectType">servicePrincipal or application.</param>
/// <param name="Property">notes, description or tags.</param>
public sealed record DirectoryTextSecret(string ObjectType, string Property, SourceLocation Location, SecretHit Hit);

/// <summary>
/// CRED007: secrets pasted into the <c>notes</c>, <c>description</c> or <c>tags</c> of a service principal
/// (Enterprise applications) or of its app registration. Anyone who can read the directory can read these
/// properties. A tag written <c>name=value</c> or <c>name:value</c> is judged with its name as context. The
/// text of the whole inventory is scanned once per scan (<see cref="DirectoryTextFacts"/>). Text the detector could not
/// finish judging (a regex timed out) makes the secrets unknown unless a secret was found anyway.
/// </summary>
public sealed class DirectoryTextSecretDetector : Detector<ServicePrincipal, DirectoryTextSecretDetector.Result>
{
    /// <param name="Unjudged">Values of the service principal and its app registration the detector could not finish judging.</param>
    public sealed record Result(IReadOnlyList<DirectoryTextSecret> Secrets, IReadOnlyList<UnjudgedLocation> Unjudged)
    {
        /// <summary>The secrets; unknown when there are none but some text was not fully judged.</summary>
        internal object SecretsOrUndecided => Secrets.Count == 0 && UnjudgedLocation.Undecided(Unjudged) is { } undecided ? undecided : Secrets;
    }

    private static readonly ViewSchema SecretFields = new ViewSchema("directoryTextSecret").AddRange([
        FieldDefinition.Scalar<DirectoryTextSecret>("objectType", "string", "servicePrincipal or application (its app registration).", s => s.ObjectType),
        FieldDefinition.Scalar<DirectoryTextSecret>("property", "string", "notes, description or tags.", s => s.Property),
        FieldDefinition.Scalar<DirectoryTextSecret>("secretType", "string", "What kind of secret.", s => s.Hit.SecretType),
        FieldDefinition.Scalar<DirectoryTextSecret>("secretPreview", "string", "Redacted preview; never the value.", s => s.Hit.Preview),
        FieldDefinition.Scalar<DirectoryTextSecret>("secretFingerprint", "string", "sha256: plus 12 hex digits of the value.", s => s.Hit.Fingerprint),
    ]);

    public override string Name => "directoryTextSecret";
    public override string ResourceType => "servicePrincipal";

    public override IReadOnlyList<FieldDefinition> Fields { get; } =
    [
        FieldDefinition.Array<Result>("secretsInText", SecretFields,
            "Secrets found in the notes, description or tags of the service principal and its app registration; unknown when none was found but some of that text could not be fully judged (a detector timed out).",
            (r, _) => r.SecretsOrUndecided),
        FieldDefinition.Array<Result>("secretsInTextSummary", null, "The same as text: where, type and preview.",
            (r, _) => r.SecretsOrUndecided is UnknownValue undecided ? undecided : r.Secrets.Select(s => $"{Label(s.ObjectType)} {s.Property}: {s.Hit.SecretType} {s.Hit.Preview}").ToList()),
    ];

    protected override Result Analyze(ServicePrincipal sp, DetectorContext context)
    {
        var facts = context.Services.DirectoryText;
        var found = facts.For(sp).Select(h => new DirectoryTextSecret("servicePrincipal", h.Property, sp.Source.Child(h.Pointer), h.Hit)).ToList();
        var unjudged = facts.UnjudgedFor(sp).Select(u => UnjudgedLocation.Of(u, sp.Source)).ToList();
        if (context.Inventory.FindApplicationByAppId(sp.AppId) is { } app)
        {
            found.AddRange(facts.For(app).Select(h => new DirectoryTextSecret("application", h.Property, app.Source.Child(h.Pointer), h.Hit)));
            unjudged.AddRange(facts.UnjudgedFor(app).Select(u => UnjudgedLocation.Of(u, app.Source)));
        }
        return new Result(found, unjudged);
    }

    protected override IEnumerable<Evidence> Evidence(ServicePrincipal sp, Result output) => output.Secrets.Select(s => new Evidence
    {
        File = s.Location.File, JsonPointer = s.Location.JsonPointer, SourceUrl = s.Location.Url,
        Description = $"{Label(s.ObjectType)} {s.Property} holds a secret of type {s.Hit.SecretType} (pattern {s.Hit.Detector}); fingerprint {s.Hit.Fingerprint}",
        Value = s.Hit.Preview, Redacted = true,
    }).Concat(output.Unjudged.Select(u => u.ToEvidence()));

    private static string Label(string objectType) => objectType == "application" ? "app registration" : "service principal";
}
