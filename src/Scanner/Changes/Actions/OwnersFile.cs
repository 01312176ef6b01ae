using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TenantScanner.Cli.Changes.Actions;

/// <summary>An owner to add: a user's or service principal's object id, and a name for people reading the plan.</summary>
public sealed record OwnerEntry(string Id, string? Name)
{
    public string Label => Name is null ? Id : $"{Name} ({Id})";
}

/// <summary>One line of owners.yaml: what it matches (a tag, a name pattern or an environment) and the owners it names.</summary>
public sealed record OwnerRule(int Line, string Kind, string Pattern, IReadOnlyList<OwnerEntry> Owners)
{
    /// <summary>"owners.yaml line 12 (name 'Legacy SAP*')": what the plan prints as the reason for its choice.</summary>
    public string Describe(string fileName) => Kind == "fallback" ? $"{fileName} line {Line} (fallback)" : $"{fileName} line {Line} ({Kind} '{Pattern}')";
}

/// <summary>
/// <c>owners.yaml</c>: who becomes an owner of what. Plans take owners only from this file, never by guessing; the
/// first rule that matches wins, then <c>fallback</c>. Documented in docs/remediation.md; example in samples/owners.yaml.
/// <code>
/// owners:
///   - tag: "BusinessOwner=Finance*"      # a tag of the app registration or its service principal (* and ? wildcards)
///     owners: [{ id: 119db1ef-..., name: Zoë Müller }]
///   - name: "Legacy SAP*"                # the application's display name
///     owners: [...]
///   - environment: "Contoso Production"  # a Power Platform environment (name or id), for flows
///     owners: [...]
/// fallback:
///   owners: [...]
/// </code>
/// </summary>
public sealed class OwnersFile
{
    private static readonly string[] MatchKeys = ["tag", "name", "environment"];

    private OwnersFile(string fileName, IReadOnlyList<OwnerRule> rules, OwnerRule? fallback)
    {
        FileName = fileName;
        Rules = rules;
        Fallback = fallback;
    }

    public string FileName { get; }
    public IReadOnlyList<OwnerRule> Rules { get; }
    public OwnerRule? Fallback { get; }

    /// <summary>The rule choosing the owners of an application with these tags and this name; null when none matches and there is no fallback.</summary>
    public OwnerRule? ForApplication(string displayName, IEnumerable<string> tags)
    {
        var tagList = tags.ToList();
        return Rules.FirstOrDefault(r => r.Kind switch
        {
            "tag" => tagList.Any(t => Glob(r.Pattern).IsMatch(t)),
            "name" => Glob(r.Pattern).IsMatch(displayName),
            _ => false,
        }) ?? Fallback;
    }

    /// <summary>The rule choosing the co-owners of a flow in this environment (by id or display name), else the fallback.</summary>
    public OwnerRule? ForFlow(string displayName, string? environmentId, string? environmentName) =>
        Rules.FirstOrDefault(r => r.Kind switch
        {
            "environment" => (environmentId is not null && Glob(r.Pattern).IsMatch(environmentId)) || (environmentName is not null && Glob(r.Pattern).IsMatch(environmentName)),
            "name" => Glob(r.Pattern).IsMatch(displayName),
            _ => false,
        }) ?? Fallback;

    public static OwnersFile Load(string path)
    {
        if (!File.Exists(path))
            throw new OwnersFileException($"--owners: the file '{path}' does not exist.");
        var name = Path.GetFileName(path);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlException ex)
        {
            throw new OwnersFileException($"{path}({ex.Start.Line},{ex.Start.Column}): invalid YAML: {(ex.InnerException ?? ex).Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new OwnersFileException($"{path}: expected a mapping with 'owners' and/or 'fallback'.");
        var rules = new List<OwnerRule>();
        OwnerRule? fallback = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case "owners":
                    if (value is not YamlSequenceNode list)
                        throw Error(path, value, "'owners' must be a list of rules");
                    rules.AddRange(list.Children.Select(item => ReadRule(path, item)));
                    break;
                case "fallback":
                    fallback = new OwnerRule(Line(keyNode), "fallback", "*", ReadOwners(path, value is YamlMappingNode m ? Get(m, "owners") : null, value));
                    break;
                default:
                    throw Error(path, keyNode, $"unknown key '{key}'; expected 'owners' or 'fallback'");
            }
        }
        return new OwnersFile(name, rules, fallback);
    }

    private static OwnerRule ReadRule(string path, YamlNode node)
    {
        if (node is not YamlMappingNode rule)
            throw Error(path, node, "each rule is a mapping with one of tag, name or environment, and 'owners'");
        foreach (var (keyNode, _) in rule.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key is null || (!MatchKeys.Contains(key) && key != "owners"))
                throw Error(path, keyNode, $"unknown key '{key}'; a rule has one of {string.Join(", ", MatchKeys)}, and 'owners'");
        }
        var matches = MatchKeys.Where(k => Get(rule, k) is not null).ToList();
        if (matches.Count != 1)
            throw Error(path, rule, $"a rule needs exactly one of {string.Join(", ", MatchKeys)} (found {(matches.Count == 0 ? "none" : string.Join(", ", matches))})");
        var pattern = (Get(rule, matches[0]) as YamlScalarNode)?.Value;
        if (string.IsNullOrWhiteSpace(pattern))
            throw Error(path, Get(rule, matches[0])!, $"'{matches[0]}' must be a non-empty text");
        return new OwnerRule(Line(rule), matches[0], pattern, ReadOwners(path, Get(rule, "owners"), rule));
    }

    private static List<OwnerEntry> ReadOwners(string path, YamlNode? node, YamlNode parent)
    {
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
            throw Error(path, node ?? parent, "'owners' must be a non-empty list of { id: <object id>, name: <text> }");
        var owners = new List<OwnerEntry>();
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode owner || Get(owner, "id") is not YamlScalarNode { Value: { } id })
                throw Error(path, item, "each owner is { id: <object id of a user or service principal>, name: <text> }");
            if (!Guid.TryParse(id, out var guid))
                throw Error(path, item, $"'{id}' is not an object id (a GUID); owners are named by id so that nothing is guessed");
            var unknown = owner.Children.Select(c => (c.Key as YamlScalarNode)?.Value).FirstOrDefault(k => k is not ("id" or "name"));
            if (unknown is not null)
                throw Error(path, item, $"unknown key '{unknown}' in an owner; expected id and name");
            owners.Add(new OwnerEntry(guid.ToString("D"), (Get(owner, "name") as YamlScalarNode)?.Value));
        }
        return owners;
    }

    private static YamlNode? Get(YamlMappingNode node, string key) =>
        node.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == key).Value;

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static OwnersFileException Error(string path, YamlNode node, string message) =>
        new($"{path}({node.Start.Line},{node.Start.Column}): {message}.");

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}

/// <summary>An owners file that is missing or malformed; the message names the file, line and column.</summary>
public sealed class OwnersFileException(string message) : Exception(message);
