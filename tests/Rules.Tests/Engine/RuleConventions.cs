using System.Reflection;
using TenantScanner.Rules.Catalog;
using TenantScanner.Tests.RuleFixtures;
using TenantScanner.Tests.RuleFixtures.Runner;

namespace TenantScanner.Tests.Engine;

/// <summary>
/// The conventions every rule of a catalog follows, with the places its companion files live, so the same
/// checks run on the shipped catalog and on a rule added by a test (RuleFixtures/Example): a docs page whose
/// rules.yaml blocks agree with the catalog, a fixture (a data file, or a C# class where data cannot say it)
/// with a pass, a fail and an inconclusive case, and the metadata auditors need.
/// </summary>
internal sealed record RuleConventions(RuleCatalog Catalog, string DocsRoot, string FixtureDataFolder, IReadOnlyDictionary<string, string> ControlTitles)
{
    public static RuleConventions Shipped { get; } = new(RuleRun.Catalog, RepositoryFiles.Root, RuleFixtureDataTests.DataFolder,
        ControlTitlesOf(File.ReadAllText(RepositoryFiles.PathOf("docs/rules/README.md"))));

    private static readonly string[] Headings = ["## What it checks", "## Why it matters", "## How to fix", "## How to suppress"];

    /// <summary>Control id → title, from the "Control" table of docs/rules/README.md (the one place titles are written).</summary>
    public static Dictionary<string, string> ControlTitlesOf(string rulesReadme) =>
        MarkdownTables.Rows(rulesReadme, "Control").ToDictionary(r => r[0].Trim('`'), r => r[1], StringComparer.Ordinal);

    public RuleDefinition Rule(string id) => Catalog.Find(id) ?? throw new InvalidOperationException($"no rule {id}");

    public string DocsPath(RuleDefinition rule) => Path.Combine(DocsRoot, rule.Docs ?? $"docs/rules/{rule.Id}.md");

    public List<string> DocsProblems(string id)
    {
        var rule = Rule(id);
        if (rule.Docs != $"docs/rules/{id}.md")
            return [$"{id}: docs is '{rule.Docs}', expected docs/rules/{id}.md"];
        if (!File.Exists(DocsPath(rule)))
            return [$"{id}: {DocsPath(rule)} is missing"];
        var text = File.ReadAllText(DocsPath(rule));
        var problems = Headings.Where(h => !text.Contains(h, StringComparison.Ordinal)).Select(h => $"{id}: the page lacks '{h}'").ToList();
        if (!text.Contains($"ruleId: {id}", StringComparison.Ordinal))
            problems.Add($"{id}: the suppression example does not name ruleId: {id}");
        problems.AddRange(RuleDocPage.Problems(rule, text, ControlTitles));
        return problems;
    }

    public List<string> FixtureProblems(string id)
    {
        var dataFile = Path.Combine(FixtureDataFolder, id + ".yaml");
        var classes = typeof(RuleConventions).Assembly.GetTypes().Where(t => t.GetCustomAttribute<RuleFixtureAttribute>()?.RuleId == id).ToList();
        return (File.Exists(dataFile), classes.Count) switch
        {
            (true, 0) => DataFixtureProblems(id, dataFile),
            (false, 1) => ClassFixtureProblems(id, classes[0]),
            (false, 0) => [$"{id}: no fixture; add {dataFile} (or a [RuleFixture(\"{id}\")] class where data cannot express the cases)"],
            _ => [$"{id}: more than one fixture ({(File.Exists(dataFile) ? dataFile + ", " : "")}{string.Join(", ", classes.Select(c => c.Name))}); keep one"],
        };
    }

    public static List<string> MetadataProblems(RuleDefinition rule)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(rule.Rationale)) problems.Add($"{rule.Id}: no rationale");
        if (string.IsNullOrWhiteSpace(rule.Remediation)) problems.Add($"{rule.Id}: no remediation");
        if (rule.Controls.Count == 0) problems.Add($"{rule.Id}: no controls");
        if (rule.Requires.Count == 0) problems.Add($"{rule.Id}: requires no source");
        problems.AddRange(rule.Controls.Where(c => !System.Text.RegularExpressions.Regex.IsMatch(c, @"^(ISO27001:A\.\d+\.\d+|SOC2:CC\d\.\d|NIST:[A-Z]{2}-\d+(\(\d+\))?|CIS:.+)$"))
            .Select(c => $"{rule.Id}: control '{c}' is not ISO27001:A.n.n, SOC2:CCn.n, NIST:XX-n or CIS:..."));
        return problems;
    }

    private static List<string> DataFixtureProblems(string id, string path)
    {
        FixtureFile file;
        try
        {
            file = FixtureFileReader.Read(path);
        }
        catch (FixtureFormatException ex)
        {
            return [ex.Message];
        }
        return Enum.GetValues<ExpectedOutcome>().Where(o => file.Cases.All(c => c.Expect != o))
            .Select(o => $"{id}: {Path.GetFileName(path)} has no case with expect: {o.ToString().ToLowerInvariant()}").ToList();
    }

    private static List<string> ClassFixtureProblems(string id, Type fixture)
    {
        var tests = fixture.GetMethods().Where(m => m.GetCustomAttribute<FactAttribute>() is not null).Select(m => m.Name).ToList();
        return new[] { "Passes_", "Flags_", "Is_inconclusive_" }.Where(prefix => !tests.Any(n => n.StartsWith(prefix, StringComparison.Ordinal)))
            .Select(prefix => $"{id}: {fixture.Name} has no [Fact] named {prefix}...").ToList();
    }
}
