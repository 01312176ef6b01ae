namespace TenantScanner.Cli.Reports;

/// <summary>
/// Turns a rule family key into words an auditor reads. Families the scanner does not know (custom
/// rules) are shown as written, so a new family never disappears from a report.
/// </summary>
public static class FamilyLabels
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["flows"] = "Power Automate flows",
        ["ownership"] = "Ownerless apps and service principals",
        ["secrets"] = "Hardcoded secrets",
        ["credentials"] = "Credential hygiene",
        ["permissions"] = "Over-broad permissions",
        ["keyvault"] = "Key Vault hygiene",
    };

    private static readonly (string Prefix, string Family)[] RuleIdPrefixes =
    [
        ("FLOW", "flows"), ("SP", "ownership"), ("SECRET", "secrets"), ("CRED", "credentials"),
        ("PERM", "permissions"), ("KV", "keyvault"),
    ];

    public static string Label(string family) => Known.GetValueOrDefault(family) ?? family;

    /// <summary>The family of a finding whose rule is missing from the catalog, guessed from the id prefix.</summary>
    public static string FromRuleId(string ruleId)
    {
        foreach (var (prefix, family) in RuleIdPrefixes)
            if (ruleId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && ruleId.Length > prefix.Length && char.IsDigit(ruleId[prefix.Length]))
                return family;
        return "other";
    }
}
