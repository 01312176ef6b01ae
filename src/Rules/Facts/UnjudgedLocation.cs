using TenantScanner.Rules.Values;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.Inventory;

namespace TenantScanner.Rules.Facts;

/// <summary>
/// A value a secret detector could not finish judging (its regex ran out of time), placed in the snapshot: it
/// may hold a secret, so an object with such a value and no secret found is inconclusive, not a pass. Names the
/// place and the detector, never the value.
/// </summary>
/// <param name="File">The snapshot file; null when the object has no source for the scanned text.</param>
/// <param name="JsonPointer">Into that file; a pointer that continues into an embedded JSON document goes on past the string holding it.</param>
/// <param name="SourceUrl">Where the object was read from, as evidence shows it.</param>
/// <param name="Detector">The id of the pattern whose regex timed out.</param>
public sealed record UnjudgedLocation(string? File, string JsonPointer, string? SourceUrl, string Detector)
{
    /// <summary>More would make an unreadable reason; the count of the rest is given instead.</summary>
    private const int NamedInReason = 3;

    /// <param name="document">Where the scanned text sits in the snapshot; the value's pointer is relative to it.</param>
    internal static UnjudgedLocation Of(UnjudgedValue value, SourceLocation? document) =>
        new(document?.File, (document?.JsonPointer ?? "") + value.JsonPointer, document?.Url, value.Detector);

    public override string ToString()
    {
        var at = JsonPointer.Length == 0 ? "" : $" at {JsonPointer}";
        var of = File is null ? "" : $" of {File}";
        return $"value{at}{of} was not fully judged: detector {Detector} timed out";
    }

    /// <summary>For the evidence of a finding that also has values it could not judge.</summary>
    internal Evidence ToEvidence() => new()
    {
        File = File, JsonPointer = JsonPointer, SourceUrl = SourceUrl, Description = $"{this}; it may hold another secret",
    };

    /// <summary>Why an object without a secret found is undecided; null when every value was judged.</summary>
    internal static UnknownValue? Undecided(IReadOnlyList<UnjudgedLocation> values)
    {
        if (values.Count == 0)
            return null;
        var named = string.Join("; ", values.Take(NamedInReason));
        return UnknownValue.Because(values.Count <= NamedInReason ? named : $"{named}; and {values.Count - NamedInReason} more");
    }
}
