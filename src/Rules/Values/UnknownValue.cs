namespace TenantScanner.Rules.Values;

/// <summary>
/// A fact the inventory could not provide (owners not read, account state not returned, a source gap).
/// Conditions that touch it evaluate to "unknown", so the rule reports inconclusive instead of passing.
/// </summary>
public sealed class UnknownValue
{
    private UnknownValue(string reason) => Reason = reason;

    /// <summary>Why the value is unknown; names the missing source or fact.</summary>
    public string Reason { get; }

    public static UnknownValue Because(string reason) => new(reason);

    public override string ToString() => "unknown";
}
