namespace TenantScanner.SecretScanning;

/// <summary>
/// One secret found. It deliberately has no field for the value: only <see cref="Preview"/>
/// (<see cref="Findings.SecretRedaction.Preview"/>) and <see cref="Fingerprint"/>
/// (<see cref="Findings.SecretRedaction.Fingerprint"/>), so nothing downstream can leak it.
/// </summary>
/// <param name="SecretType">What kind of secret, e.g. <c>EntraClientSecret</c> (the catalog's <c>secretType</c>).</param>
/// <param name="JsonPointer">RFC 6901 pointer to the string holding it; inside embedded JSON (a string holding a document) the pointer continues into the inner document.</param>
/// <param name="Line">1-based line of the opening quote of the string token (null when scanning a <see cref="System.Text.Json.JsonElement"/> or a lone value).</param>
/// <param name="Column">1-based column (UTF-16 code units) of that quote.</param>
/// <param name="Confidence">high, medium or low, from the catalog.</param>
/// <param name="Detector">The id of the pattern that matched.</param>
public sealed record SecretHit(
    string SecretType,
    string JsonPointer,
    int? Line,
    int? Column,
    string Preview,
    string Fingerprint,
    string Confidence,
    string Detector);
