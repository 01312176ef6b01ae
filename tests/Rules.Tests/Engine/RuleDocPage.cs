using System.Text;
using TenantScanner.Rules.Catalog;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Tests.Engine;

/// <summary>
/// The parts of a rule's docs page that rules.yaml owns, kept between markers
/// (<c>&lt;!-- begin rules.yaml: why --&gt;</c> … <c>&lt;!-- end rules.yaml: why --&gt;</c>): the title and
/// header table, "Why it matters" (the rationale), the summary at the top of "How to fix" (the remediation
/// findings carry) and the control list. The rest of the page is written by hand.
/// </summary>
internal static class RuleDocPage
{
    public static IReadOnlyList<string> Blocks { get; } = ["header", "why", "fix", "controls"];

    public const string UpdateVariable = "UPDATE_RULE_DOCS";

    public static string Begin(string block) => $"<!-- begin rules.yaml: {block} -->";

    public static string End(string block) => $"<!-- end rules.yaml: {block} -->";

    /// <summary>What rules.yaml says the block holds.</summary>
    public static string Render(RuleDefinition rule, string block, IReadOnlyDictionary<string, string> controlTitles) => block switch
    {
        "header" => Header(rule),
        "why" => Markdown(rule.Rationale ?? ""),
        "fix" => Markdown(rule.Remediation) + (rule.RemediationCommand is { } command ? $"\n\nWith the scanner: `{command}`" : ""),
        "controls" => string.Join("\n", rule.Controls.Select(c => $"- `{c}` — {controlTitles.GetValueOrDefault(c, "(no title: add it to the control table in docs/rules/README.md)")}")),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block, null),
    };

    /// <summary>"high", or "high (critical / medium by override)" when severity overrides can change it.</summary>
    public static string SeverityText(RuleDefinition rule)
    {
        var overrides = rule.SeverityOverrides.Select(o => o.Severity).Distinct().Select(s => s.ToId()).ToList();
        return overrides.Count == 0 ? rule.Severity.ToId() : $"{rule.Severity.ToId()} ({string.Join(" / ", overrides)} by override)";
    }

    /// <summary>Every block that is missing or disagrees with rules.yaml, as a line diff naming the rule and block.</summary>
    public static List<string> Problems(RuleDefinition rule, string page, IReadOnlyDictionary<string, string> controlTitles)
    {
        var problems = new List<string>();
        foreach (var block in Blocks)
        {
            if (Inner(page, block) is not { } actual)
            {
                problems.Add($"{rule.Id} {block}: the page lacks the block {Begin(block)} … {End(block)}");
                continue;
            }
            var expected = Render(rule, block, controlTitles);
            if (actual != expected)
                problems.Add($"{rule.Id} {block}: the page differs from rules.yaml (- page, + rules.yaml)\n{Diff(actual, expected)}");
        }
        return problems;
    }

    /// <summary>The page with every block it has rewritten from rules.yaml.</summary>
    public static string Update(RuleDefinition rule, string page, IReadOnlyDictionary<string, string> controlTitles)
    {
        foreach (var block in Blocks)
        {
            var start = page.IndexOf(Begin(block), StringComparison.Ordinal);
            var end = page.IndexOf(End(block), StringComparison.Ordinal);
            if (start >= 0 && end > start)
                page = page[..(start + Begin(block).Length)] + "\n" + Render(rule, block, controlTitles) + "\n" + page[end..];
        }
        return page;
    }

    private static string? Inner(string page, string block)
    {
        page = page.ReplaceLineEndings("\n");
        var start = page.IndexOf(Begin(block), StringComparison.Ordinal);
        var end = page.IndexOf(End(block), StringComparison.Ordinal);
        return start < 0 || end < start ? null : page[(start + Begin(block).Length)..end].Trim('\n');
    }

    private static string Header(RuleDefinition rule)
    {
        var text = new StringBuilder();
        text.Append($"# {rule.Id}: {rule.Title}\n\n| | |\n| --- | --- |\n");
        var family = RuleFamilies.Find(rule.Family);
        text.Append($"| Family | `{rule.Family}`{(family is null ? "" : $" ({family.Label})")} |\n");
        text.Append($"| Default severity | {SeverityText(rule)} |\n");
        text.Append($"| Resource | `{rule.ResourceType}` (see [field reference](README.md#{rule.ResourceType.ToLowerInvariant()})) |\n");
        text.Append($"| Needs sources | {string.Join(", ", rule.Requires.Select(s => $"`{s}`"))} |\n");
        text.Append($"| Detector | {(rule.Detector is { } detector ? $"`{detector}`" : "none (declarative condition only)")} |");
        return text.ToString();
    }

    /// <summary>rules.yaml text as Markdown: '&lt;' is escaped so placeholders such as &lt;appId&gt; are not read as HTML.</summary>
    private static string Markdown(string text) => text.Replace("<", "\\<", StringComparison.Ordinal);

    private static string Diff(string actual, string expected)
    {
        var a = actual.Split('\n');
        var e = expected.Split('\n');
        var text = new StringBuilder();
        for (var i = 0; i < Math.Max(a.Length, e.Length); i++)
        {
            var left = i < a.Length ? a[i] : null;
            var right = i < e.Length ? e[i] : null;
            if (left == right)
                continue;
            if (left is not null) text.Append("- ").Append(left).Append('\n');
            if (right is not null) text.Append("+ ").Append(right).Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }
}
