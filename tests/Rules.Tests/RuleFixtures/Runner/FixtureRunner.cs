using TenantScanner.Inventory.Loading;
using System.Text;
using TenantScanner.Inventory;
using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Findings;
using TenantScanner.Tests.Engine;

namespace TenantScanner.Tests.RuleFixtures.Runner;

/// <summary>
/// Runs one fixture case: patches the known-good tenant, loads it through <see cref="InventoryLoader"/>, scans
/// it with the catalog and compares the rule's outcome with the case. Returns what disagrees, empty when all agrees.
/// </summary>
internal static class FixtureRunner
{
    public static string KnownGoodFolder => RepositoryFiles.PathOf("tests/Rules.Tests/RuleFixtures/KnownGood");

    public static List<string> Problems(string ruleId, FixtureCase fixtureCase, RuleCatalog catalog, string? knownGoodFolder = null)
    {
        var loaded = InventoryLoader.Load(PatchedSnapshot.Build(knownGoodFolder ?? KnownGoodFolder, fixtureCase.Edits));
        var result = RuleRun.Scan(loaded.Inventory, catalog, asOf: loaded.Inventory.CollectedAt);
        if (result.Rules.All(r => r.Id != ruleId))
            return [$"the catalog has no rule {ruleId}"];
        var actual = RuleRun.For(ruleId, result);
        var problems = fixtureCase.Expect switch
        {
            ExpectedOutcome.Pass => PassProblems(actual),
            ExpectedOutcome.Fail => FailProblems(actual, fixtureCase.Findings),
            _ => InconclusiveProblems(actual, fixtureCase),
        };
        if (fixtureCase.Passed is { } passed && actual.Summary.Passed != passed)
            problems.Add($"expected {passed} resource(s) to pass, {actual.Summary.Passed} did");
        if (problems.Count > 0)
            problems.Add(Describe(actual));
        return problems;
    }

    private static List<string> PassProblems(RuleResults actual)
    {
        var problems = new List<string>();
        if (actual.Findings.Count > 0 || actual.Inconclusive.Count > 0)
            problems.Add("expected a pass");
        else if (actual.Summary.Passed == 0)
            problems.Add("no resource was evaluated, so the pass proves nothing");
        return problems;
    }

    private static List<string> FailProblems(RuleResults actual, IReadOnlyList<ExpectedFinding> expected)
    {
        var problems = new List<string>();
        if (actual.Inconclusive.Count > 0)
            problems.Add("expected findings only, but some resources were inconclusive");
        var unmatched = actual.Findings.ToList();
        foreach (var want in expected)
        {
            var finding = unmatched.FirstOrDefault(f => f.Resource.Id == want.Resource);
            if (finding is null)
            {
                problems.Add($"expected a finding on '{want.Resource}'");
                continue;
            }
            unmatched.Remove(finding);
            problems.AddRange(FindingProblems(finding, want));
        }
        problems.AddRange(unmatched.Select(f => $"unexpected finding on '{f.Resource.Id}'"));
        return problems;
    }

    private static IEnumerable<string> FindingProblems(Finding finding, ExpectedFinding want)
    {
        var on = $"finding on '{want.Resource}'";
        if (want.Severity is { } severity && finding.Severity != severity)
            yield return $"{on}: severity {finding.Severity.ToId()}, expected {severity.ToId()}";
        if (want.Message is { } message && finding.Message != message)
            yield return $"{on}: message\n    actual:   {finding.Message}\n    expected: {message}";
        foreach (var part in want.MessageContains.Where(p => !finding.Message.Contains(p, StringComparison.Ordinal)))
            yield return $"{on}: message does not contain '{part}'";
        foreach (var evidence in want.Evidence.Where(e => !finding.Evidence.Any(actual => Matches(actual, e))))
            yield return $"{on}: no evidence with {Describe(evidence)}; it has:\n      " + string.Join("\n      ", finding.Evidence.Select(Describe));
    }

    private static bool Matches(Evidence actual, ExpectedEvidence want) =>
        (want.File is null || actual.File == want.File)
        && (want.Pointer is null || actual.JsonPointer == want.Pointer)
        && (want.Description is null || actual.Description == want.Description)
        && (want.Value is null || actual.Value == want.Value);

    private static List<string> InconclusiveProblems(RuleResults actual, FixtureCase fixtureCase)
    {
        var problems = new List<string>();
        if (actual.Findings.Count > 0 || actual.Inconclusive.Count == 0)
            problems.Add("expected inconclusive results and no finding");
        foreach (var text in new[] { fixtureCase.Missing, fixtureCase.Reason }.OfType<string>())
        {
            if (actual.Inconclusive.Any(i => !i.Reason.Contains(text, StringComparison.Ordinal)))
                problems.Add($"every inconclusive reason should name '{text}'");
        }
        return problems;
    }

    private static string Describe(ExpectedEvidence e) =>
        string.Join(", ", new[] { ("file", e.File), ("pointer", e.Pointer), ("description", e.Description), ("value", e.Value) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1} '{p.Item2}'"));

    private static string Describe(Evidence e) => $"file '{e.File}', pointer '{e.JsonPointer}', description '{e.Description}', value '{e.Value}'";

    private static string Describe(RuleResults actual)
    {
        var text = new StringBuilder();
        text.Append($"  actual: {actual.Summary.Passed} passed, {actual.Summary.Failed} failed, {actual.Summary.Inconclusive} inconclusive");
        foreach (var f in actual.Findings)
            text.Append($"\n    finding on '{f.Resource.Id}' ({f.Severity.ToId()}): {f.Message}");
        foreach (var i in actual.Inconclusive)
            text.Append($"\n    inconclusive '{i.Resource.Id}': {i.Reason}");
        return text.ToString();
    }
}
