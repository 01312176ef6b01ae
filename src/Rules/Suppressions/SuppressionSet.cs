using TenantScanner.Rules.Values;
using TenantScanner.Rules.Catalog;
using System.Globalization;
using System.Text.RegularExpressions;
using TenantScanner.Rules.Findings;
using YamlDotNet.RepresentationModel;
using TenantScanner.Rules.Yaml;

namespace TenantScanner.Rules.Suppressions;

/// <summary>One accepted risk: a rule on a resource (id or displayName glob), with a justification and an optional expiry.</summary>
public sealed record Suppression
{
    public required string RuleId { get; init; }
    /// <summary>Resource id or display name; <c>*</c> and <c>?</c> are wildcards.</summary>
    public required string Resource { get; init; }
    public string? EnvironmentId { get; init; }
    public required string Justification { get; init; }
    public string? ApprovedBy { get; init; }
    public DateOnly? ApprovedOn { get; init; }
    /// <summary>Last day the suppression applies (inclusive), judged against the scan's as-of date.</summary>
    public DateOnly? Expires { get; init; }
    /// <summary>file:line it was declared at.</summary>
    public required string Origin { get; init; }

    internal Suppression(Regex resourcePattern) => ResourcePattern = resourcePattern;

    internal Regex ResourcePattern { get; }

    /// <summary>Where <see cref="RuleId"/> is written (file, line, column), for errors found after loading.</summary>
    internal (string File, int Line, int Column) RuleIdAt { get; init; }

    public bool IsExpired(DateTimeOffset asOf) => Expires is { } last && DateOnly.FromDateTime(asOf.UtcDateTime) > last;

    public bool Matches(Finding finding) =>
        string.Equals(RuleId, finding.RuleId, StringComparison.OrdinalIgnoreCase)
        && (EnvironmentId is null || string.Equals(EnvironmentId, finding.Resource.EnvironmentId, StringComparison.OrdinalIgnoreCase))
        && (IsMatch(finding.Resource.Id) || IsMatch(finding.Resource.DisplayName));

    /// <summary>
    /// Globs run on the non-backtracking engine, in time linear in the name; should one still time out, the
    /// suppression does not apply to that name (the finding stays open, never hidden by a guess).
    /// </summary>
    private bool IsMatch(string name)
    {
        try
        {
            return ResourcePattern.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public SuppressionInfo ToInfo(bool expired) => new()
    {
        RuleId = RuleId, Resource = Resource, Justification = Justification, ApprovedBy = ApprovedBy,
        ApprovedOn = ApprovedOn, Expires = Expires, Expired = expired, Source = Origin,
    };
}

/// <summary>The accepted risks from a <c>--suppressions</c> file. Suppressed findings stay in the report, marked.</summary>
public sealed class SuppressionSet
{
    public static IReadOnlyList<string> FileKeys { get; } = ["suppressions"];
    public static IReadOnlyList<string> EntryKeys { get; } = ["ruleId", "resource", "environmentId", "justification", "approvedBy", "approvedOn", "expires"];

    private SuppressionSet(IReadOnlyList<Suppression> items) => Items = items;

    public static SuppressionSet Empty { get; } = new([]);

    public IReadOnlyList<Suppression> Items { get; }

    /// <summary>Parses suppressions text; <paramref name="name"/> (the file it came from) is used in error messages and origins.</summary>
    public static SuppressionSet Parse(string name, string text) => From(YamlFile.Parse(name, text));

    private static SuppressionSet From(YamlFile file)
    {
        file.CheckKeys(file.Root, FileKeys, "a suppressions file");
        var items = new List<Suppression>();
        foreach (var node in file.Sequence(file.Require(file.Root, "suppressions", "a suppressions file"), "'suppressions'").Children)
        {
            var entry = file.Mapping(node, "a suppression");
            file.CheckKeys(entry, EntryKeys, "a suppression");
            var resource = file.String(file.Require(entry, "resource", "a suppression"), "'resource'");
            var justificationNode = YamlFile.Get(entry, "justification")
                ?? throw file.Error(entry, "a suppression needs a 'justification': say why the risk is accepted");
            var ruleIdNode = file.Require(entry, "ruleId", "a suppression");
            items.Add(new Suppression(Glob(resource))
            {
                RuleId = file.String(ruleIdNode, "'ruleId'"),
                RuleIdAt = (file.Name, YamlFile.Line(ruleIdNode), YamlFile.Column(ruleIdNode)),
                Resource = resource,
                EnvironmentId = YamlFile.Get(entry, "environmentId") is { } env ? file.String(env, "'environmentId'") : null,
                Justification = file.String(justificationNode, "'justification'"),
                ApprovedBy = YamlFile.Get(entry, "approvedBy") is { } by ? file.String(by, "'approvedBy'") : null,
                ApprovedOn = YamlFile.Get(entry, "approvedOn") is { } on ? Date(file, on, "'approvedOn'") : null,
                Expires = YamlFile.Get(entry, "expires") is { } exp ? Date(file, exp, "'expires'") : null,
                Origin = $"{file.Name}:{YamlFile.Line(entry)}",
            });
        }
        return new SuppressionSet(items);
    }

    private static DateOnly Date(YamlFile file, YamlNode node, string what)
    {
        var text = file.String(node, what);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : throw file.Error(node, $"{what} must be a date written yyyy-MM-dd, not '{text}'");
    }

    /// <summary>A glob as a regex; "*-*-*-*x" against 20,000 '-' would backtrack for hours, so never on the backtracking engine.</summary>
    private static Regex Glob(string pattern) => GuardedRegex.Create(
        "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// Refuses a suppression naming a rule the catalog (with its overlays) does not have. It could never apply,
    /// and a typo (FLOW01 for FLOW001) would otherwise leave the accepted risk open without a word.
    /// </summary>
    /// <exception cref="RuleFileException">file:line:column of the rule id.</exception>
    public void CheckRuleIds(RuleCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var item in Items)
        {
            if (catalog.Find(item.RuleId) is null)
                throw new RuleFileException(item.RuleIdAt.File, item.RuleIdAt.Line, item.RuleIdAt.Column,
                    $"unknown rule id '{item.RuleId}': no rule of the catalog{(catalog.Overlays.Count == 0 ? string.Empty : " or its overlays")} has it, so this suppression could never apply (see 'scanner rules list')");
        }
    }

    /// <summary>The first unexpired suppression matching the finding.</summary>
    public Suppression? Match(Finding finding, DateTimeOffset asOf) =>
        Items.FirstOrDefault(s => !s.IsExpired(asOf) && s.Matches(finding));

    public IEnumerable<Suppression> Expired(DateTimeOffset asOf) => Items.Where(s => s.IsExpired(asOf));
}
