using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Reports;

/// <summary>
/// The executive summary's opening paragraph: the posture in plain words, derived from the counts only,
/// so it can never disagree with the tables that follow. An incomplete scan always says so.
/// </summary>
public static class PostureStatement
{
    public static IReadOnlyList<string> Describe(ScanResult result, ReportFacts facts)
    {
        var sentences = new List<string>();
        int Open(Severity s) => facts.OpenBySeverity.GetValueOrDefault(s);

        if (facts.OpenCount == 0)
        {
            sentences.Add(result.Incomplete
                ? "No open findings among the resources that could be read."
                : "No open findings: every enabled rule passed on every resource it evaluated.");
        }
        else
        {
            var urgent = Join(Count(Open(Severity.Critical), "critical"), Count(Open(Severity.High), "high"));
            var planned = Join(Count(Open(Severity.Medium), "medium"), Count(Open(Severity.Low), "low"));
            if (urgent.Length > 0)
                sentences.Add($"{urgent} {Noun(Open(Severity.Critical) + Open(Severity.High), "finding")} need action now.");
            if (planned.Length > 0)
                sentences.Add($"{Capitalise(planned)} {Noun(Open(Severity.Medium) + Open(Severity.Low), "finding")} should be planned.");
            if (Open(Severity.Info) > 0)
                sentences.Add($"{Plural(Open(Severity.Info), "informational finding")} for awareness.");
        }

        foreach (var family in facts.OpenByFamily.Take(3))
            sentences.Add($"{family.Label}: {Plural(family.Findings, "open finding")} on {Plural(family.Resources, "resource")}.");

        if (facts.SuppressedCount > 0 || result.ExpiredSuppressions.Count > 0)
        {
            var expired = result.ExpiredSuppressions.Count > 0
                ? $"; {Plural(result.ExpiredSuppressions.Count, "suppression")} expired and must be reviewed"
                : string.Empty;
            sentences.Add($"{Plural(facts.SuppressedCount, "finding")} {(facts.SuppressedCount == 1 ? "is an" : "are")} accepted {(facts.SuppressedCount == 1 ? "risk" : "risks")}{expired}.");
        }

        if (result.Incomplete || result.Coverage.Count > 0)
        {
            var rules = result.Coverage.SelectMany(c => c.AffectedRules).Distinct(StringComparer.OrdinalIgnoreCase).Count();
            sentences.Add($"The scan is incomplete: {Plural(result.Coverage.Count, "source")} could not be read, so {Plural(rules, "rule")} could not decide for {Plural(facts.InconclusiveCount, "resource check")}. Those resources are listed as inconclusive, not as clean.");
        }
        else if (facts.InconclusiveCount > 0)
        {
            sentences.Add($"{Plural(facts.InconclusiveCount, "resource check")} {(facts.InconclusiveCount == 1 ? "was" : "were")} inconclusive and {(facts.InconclusiveCount == 1 ? "is" : "are")} not counted as passing.");
        }

        if (facts.Delta is { } delta)
            sentences.Add($"Since the scan of {delta.PreviousScannedAt.UtcDateTime:yyyy-MM-dd}: {Plural(delta.New.Count, "new finding")}, {delta.Resolved.Count} resolved, {delta.StillOpen.Count} still open.");

        return sentences;
    }

    public static string Plural(int count, string noun) => $"{count:N0} {Noun(count, noun)}";

    private static string Noun(int count, string noun) => count == 1 ? noun : noun + "s";

    private static string Count(int count, string label) => count == 0 ? string.Empty : $"{count:N0} {label}";

    private static string Join(string first, string second) =>
        first.Length == 0 ? second : second.Length == 0 ? first : $"{first} and {second}";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
