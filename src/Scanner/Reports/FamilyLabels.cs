using TenantScanner.Rules.Catalog;

namespace TenantScanner.Cli.Reports;

/// <summary>
/// Turns a rule family key into the words an auditor reads (declared in <see cref="RuleFamilies"/>).
/// A key the catalog does not declare is shown as written, so a family never disappears from a report.
/// </summary>
public static class FamilyLabels
{
    public static string Label(string family) => RuleFamilies.Find(family)?.Label ?? family;

    /// <summary>The family of a finding whose rule is missing from the catalog, guessed from the id prefix.</summary>
    public static string FromRuleId(string ruleId)
    {
        foreach (var family in RuleFamilies.All)
        {
            foreach (var prefix in family.IdPrefixes)
            {
                if (ruleId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && ruleId.Length > prefix.Length && char.IsDigit(ruleId[prefix.Length]))
                    return family.Id;
            }
        }
        return "other";
    }
}
