using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.SecretScanning;

/// <summary>
/// A string the detector could not finish judging: one detector's regex ran past its time limit on it (a badly
/// written user pattern, or input built to make a pattern backtrack). The value may hold a secret that detector
/// would have found, so callers must not treat the document as clean. Like <see cref="SecretHit"/> it has no
/// field for the value.
/// </summary>
/// <param name="JsonPointer">RFC 6901 pointer to the string (into an embedded document where there is one).</param>
/// <param name="Line">1-based line of the string's opening quote; null when scanning an element or a lone value.</param>
/// <param name="Column">1-based column (UTF-16 code units) of that quote.</param>
/// <param name="Detector">The id of the pattern whose regex timed out.</param>
public sealed record UnjudgedValue(string JsonPointer, int? Line, int? Column, string Detector);

/// <summary>Everything one scan of a document found: the secrets, and the values that could not be judged.</summary>
public sealed record SecretScan(IReadOnlyList<SecretHit> Hits, IReadOnlyList<UnjudgedValue> Unjudged)
{
    /// <summary>
    /// Where a document stopped being valid JSON (<see cref="SecretDetector.InspectDocument"/>): its strings were
    /// then judged one by one, without the siblings and types that some detectors use. Null when it was valid.
    /// </summary>
    public MalformedJsonException? Malformed { get; init; }

    /// <summary>True when every value was judged in its document: no hit then means no secret any detector can see.</summary>
    public bool Complete => Unjudged.Count == 0 && Malformed is null;
}
