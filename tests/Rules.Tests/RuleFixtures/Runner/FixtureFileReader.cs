using TenantScanner.Rules.Findings;
using TenantScanner.Snapshots;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TenantScanner.Tests.RuleFixtures.Runner;

/// <summary>
/// Reads a fixture data file strictly: unknown keys, a missing expectation or a bad value is an error naming
/// the file, line and column, so a typo cannot turn a case into one that checks nothing.
/// </summary>
internal sealed class FixtureFileReader
{
    private static readonly string[] FileKeys = ["patches", "cases"];
    private static readonly string[] CaseKeys = ["name", "use", "patch", "httpStatus", "notCollected", "expect", "findings", "passed", "missing", "reason"];
    private static readonly string[] FindingKeys = ["resource", "severity", "message", "messageContains", "evidence"];
    private static readonly string[] EvidenceKeys = ["file", "pointer", "description", "value"];
    private static readonly string[] OperationKeys = ["op", "path", "value"];

    private readonly string _file;
    private readonly Dictionary<string, SnapshotEdit> _shared = new(StringComparer.Ordinal);

    private FixtureFileReader(string file) => _file = file;

    public static FixtureFile Read(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlException ex)
        {
            throw new FixtureFormatException($"{name}:{ex.Start.Line}:{ex.Start.Column}: {ex.Message}");
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new FixtureFormatException($"{name}: expected one YAML mapping with 'cases'");
        return new FixtureFileReader(name).ReadFile(System.IO.Path.GetFileNameWithoutExtension(path), path, root);
    }

    private FixtureFile ReadFile(string ruleId, string path, YamlMappingNode root)
    {
        CheckKeys(root, FileKeys);
        if (Get(root, "patches") is { } patches)
        {
            foreach (var (key, value) in Mapping(patches).Children)
                _shared[Text(key)] = ReadEdit(Mapping(value), patchOnly: true);
        }
        var cases = Sequence(Require(root, "cases")).Children.Select(c => ReadCase(Mapping(c))).ToList();
        foreach (var duplicate in cases.GroupBy(c => c.Name).Where(g => g.Count() > 1))
            throw new FixtureFormatException($"{_file}: two cases are named '{duplicate.Key}'");
        return new FixtureFile(ruleId, path, cases);
    }

    private FixtureCase ReadCase(YamlMappingNode node)
    {
        CheckKeys(node, CaseKeys);
        var name = Text(Require(node, "name"));
        var edits = new List<SnapshotEdit>();
        if (Get(node, "use") is { } use)
        {
            foreach (var item in Sequence(use).Children)
            {
                edits.Add(_shared.GetValueOrDefault(Text(item))
                    ?? throw FixtureFormatException.At(_file, item, $"no shared patch named '{Text(item)}' (declared: {string.Join(", ", _shared.Keys)})"));
            }
        }
        edits.Add(ReadEdit(node, patchOnly: false));
        var expectNode = Require(node, "expect");
        var expect = Text(expectNode) switch
        {
            "pass" => ExpectedOutcome.Pass,
            "fail" => ExpectedOutcome.Fail,
            "inconclusive" => ExpectedOutcome.Inconclusive,
            var other => throw FixtureFormatException.At(_file, expectNode, $"expect must be pass, fail or inconclusive, not '{other}'"),
        };
        var findings = Get(node, "findings") is { } f ? Sequence(f).Children.Select(n => ReadFinding(Mapping(n))).ToList() : [];
        var missing = Get(node, "missing") is { } m ? Text(m) : null;
        if (missing is not null && !SourceKindIds.TryParse(missing, out _))
            throw FixtureFormatException.At(_file, Get(node, "missing")!, $"unknown source '{missing}'; valid sources: {string.Join(", ", SourceKindIds.All)}");
        var reason = Get(node, "reason") is { } r ? Text(r) : null;
        var where = $"{_file}:{node.Start.Line}";
        if (expect == ExpectedOutcome.Fail && findings.Count == 0)
            throw new FixtureFormatException($"{where}: a failing case lists its 'findings' (at least the resource id of each)");
        if (expect != ExpectedOutcome.Fail && findings.Count > 0)
            throw new FixtureFormatException($"{where}: only a failing case lists 'findings'");
        if (expect == ExpectedOutcome.Inconclusive && missing is null && reason is null)
            throw new FixtureFormatException($"{where}: an inconclusive case names the 'missing' source or a 'reason' text");
        if (expect != ExpectedOutcome.Inconclusive && (missing is not null || reason is not null))
            throw new FixtureFormatException($"{where}: only an inconclusive case has 'missing' or 'reason'");
        var passed = Get(node, "passed") is { } p ? Integer(p) : (int?)null;
        return new FixtureCase(name, where, edits, expect, findings, passed, missing, reason);
    }

    private SnapshotEdit ReadEdit(YamlMappingNode node, bool patchOnly)
    {
        var patchNode = patchOnly ? node : Get(node, "patch");
        var patches = new List<(string, IReadOnlyList<JsonPatchOperation>)>();
        if (patchNode is not null)
        {
            foreach (var (file, operations) in Mapping(patchNode).Children)
                patches.Add((Text(file), Sequence(operations).Children.Select(o => ReadOperation(Mapping(o))).ToList()));
        }
        if (patchOnly)
            return new SnapshotEdit(patches, new Dictionary<string, int>(), []);
        var status = Get(node, "httpStatus") is { } s
            ? Mapping(s).Children.ToDictionary(c => Text(c.Key), c => Integer(c.Value), StringComparer.Ordinal)
            : new Dictionary<string, int>();
        var notCollected = Get(node, "notCollected") is { } n ? Sequence(n).Children.Select(Text).ToList() : [];
        return new SnapshotEdit(patches, status, notCollected);
    }

    private JsonPatchOperation ReadOperation(YamlMappingNode node)
    {
        CheckKeys(node, OperationKeys);
        var opNode = Require(node, "op");
        var op = Text(opNode);
        if (!JsonPatch.Operations.Contains(op))
            throw FixtureFormatException.At(_file, opNode, $"unknown op '{op}'; valid ops: {string.Join(", ", JsonPatch.Operations)}");
        var valueNode = Get(node, "value");
        if (op != "remove" && valueNode is null)
            throw FixtureFormatException.At(_file, node, $"'{op}' needs a 'value'");
        return new JsonPatchOperation(op, Text(Require(node, "path")), valueNode is null ? null : YamlJson.ToJson(valueNode),
            $"{_file}:{node.Start.Line}");
    }

    private ExpectedFinding ReadFinding(YamlMappingNode node)
    {
        CheckKeys(node, FindingKeys);
        Severity? severity = null;
        if (Get(node, "severity") is { } s)
        {
            severity = SeverityNames.TryParse(Text(s), out var parsed) && Text(s) == parsed.ToId() ? parsed
                : throw FixtureFormatException.At(_file, s, $"unknown severity '{Text(s)}'; valid severities: info, low, medium, high, critical");
        }
        var contains = Get(node, "messageContains") switch
        {
            null => [],
            YamlSequenceNode list => list.Children.Select(Text).ToList(),
            var one => [Text(one)],
        };
        var evidence = Get(node, "evidence") is { } e ? Sequence(e).Children.Select(n => ReadEvidence(Mapping(n))).ToList() : [];
        return new ExpectedFinding(Text(Require(node, "resource")), severity, Get(node, "message") is { } m ? Text(m) : null, contains, evidence);
    }

    private ExpectedEvidence ReadEvidence(YamlMappingNode node)
    {
        CheckKeys(node, EvidenceKeys);
        string? Optional(string key) => Get(node, key) is { } v ? Text(v) : null;
        return new ExpectedEvidence(Optional("file"), Optional("pointer"), Optional("description"), Optional("value"));
    }

    private void CheckKeys(YamlMappingNode node, string[] valid)
    {
        foreach (var key in node.Children.Keys)
        {
            if (!valid.Contains(Text(key)))
                throw FixtureFormatException.At(_file, key, $"unknown key '{Text(key)}'; valid keys: {string.Join(", ", valid)}");
        }
    }

    private static YamlNode? Get(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private YamlNode Require(YamlMappingNode node, string key) =>
        Get(node, key) ?? throw FixtureFormatException.At(_file, node, $"'{key}' is required");

    private string Text(YamlNode node) => node is YamlScalarNode { Value: { } value }
        ? value : throw FixtureFormatException.At(_file, node, "expected a single value");

    private int Integer(YamlNode node) => int.TryParse(Text(node), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
        ? n : throw FixtureFormatException.At(_file, node, $"expected a whole number, not '{Text(node)}'");

    private YamlMappingNode Mapping(YamlNode node) => node as YamlMappingNode
        ?? throw FixtureFormatException.At(_file, node, "expected a mapping (key: value)");

    private YamlSequenceNode Sequence(YamlNode node) => node as YamlSequenceNode
        ?? throw FixtureFormatException.At(_file, node, "expected a list");
}
