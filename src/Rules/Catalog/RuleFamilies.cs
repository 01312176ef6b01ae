namespace TenantScanner.Rules.Catalog;

/// <summary>
/// A rule family: the key rules.yaml writes, the words reports show for it, and the id prefixes whose
/// rules belong to it when a finding's rule is missing from the catalog (so only prefixes no other
/// family uses are listed).
/// </summary>
public sealed record RuleFamily(string Id, string Label, IReadOnlyList<string> IdPrefixes);

/// <summary>
/// Every family a rule may name: the one place they are declared. The loader accepts exactly these, the
/// JSON schema (schemas/rules.schema.json), docs/rules/README.md and README.md are checked against them by
/// tests, and the reports take their labels from here.
/// </summary>
public static class RuleFamilies
{
    public static IReadOnlyList<RuleFamily> All { get; } =
    [
        new("flows", "Power Automate flows", ["FLOW"]),
        new("ownership", "Ownerless apps and service principals", ["SP"]),
        new("secrets", "Hardcoded secrets", []),
        new("credentials", "Credential hygiene", ["CRED"]),
        new("permissions", "Over-broad permissions", ["PERM"]),
        // Rules users add in an overlay; the shipped catalog has none.
        new("custom", "Custom rules", []),
    ];

    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(f => f.Id)];

    public static RuleFamily? Find(string id) => All.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase));
}
