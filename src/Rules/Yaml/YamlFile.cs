using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TenantScanner.Rules.Yaml;

/// <summary>
/// A parsed YAML file that remembers where every node is, so each complaint names file:line:column.
/// The helpers enforce shapes strictly: a wrong type or an unknown key is an error, never ignored.
/// </summary>
internal sealed class YamlFile
{
    private YamlFile(string name, YamlMappingNode root)
    {
        Name = name;
        Root = root;
    }

    /// <summary>File name as shown in error messages (the engine reads no files: the caller names the text).</summary>
    public string Name { get; }
    public YamlMappingNode Root { get; }

    public static YamlFile Parse(string name, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new GuardedYamlParser(new Parser(new StringReader(text)), name));
        }
        catch (YamlException e)
        {
            throw new RuleFileException(name, (int)e.Start.Line, (int)e.Start.Column, $"invalid YAML: {Innermost(e).Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner and node loader throw these on some broken input (a flow mapping left open, a
            // mapping key that is a scalar event it did not expect), without a position (found by bench/Fuzz).
            throw new RuleFileException(name, null, null, "invalid YAML: the parser could not read it (look for an unclosed bracket, brace or quote)");
        }
        if (stream.Documents.Count == 0)
            throw new RuleFileException(name, 1, 1, "the file is empty");
        // Only the first document would be read: a second one ('---') would be silently ignored.
        if (stream.Documents.Count > 1)
            throw new RuleFileException(name, Line(stream.Documents[1].RootNode), Column(stream.Documents[1].RootNode),
                "the file holds more than one YAML document ('---'); put everything in one");
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new RuleFileException(name, Line(stream.Documents[0].RootNode), Column(stream.Documents[0].RootNode), "the file must be a mapping at the top level");
        return new YamlFile(name, root);
    }

    private static Exception Innermost(Exception e) => e.InnerException is YamlException inner ? Innermost(inner) : e;

    public static int Line(YamlNode node) => (int)node.Start.Line;
    public static int Column(YamlNode node) => (int)node.Start.Column;

    public RuleFileException Error(YamlNode node, string reason) => new(Name, Line(node), Column(node), reason);

    public YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping (key: value), not {Describe(node)}");

    public YamlSequenceNode Sequence(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list, not {Describe(node)}");

    public string String(YamlNode node, string what)
    {
        if (node is not YamlScalarNode scalar)
            throw Error(node, $"{what} must be a text value, not {Describe(node)}");
        if (string.IsNullOrWhiteSpace(scalar.Value))
            throw Error(node, $"{what} must not be empty");
        return scalar.Value;
    }

    public bool Boolean(YamlNode node, string what) => node is YamlScalarNode { Value: { } v } && bool.TryParse(v, out var b)
        ? b : throw Error(node, $"{what} must be true or false, not {Describe(node)}");

    public IReadOnlyList<string> StringList(YamlNode node, string what) =>
        Sequence(node, what).Children.Select(child => String(child, $"each item of {what}")).ToList();

    /// <summary>Rejects keys outside <paramref name="allowed"/>, naming the valid ones.</summary>
    public void CheckKeys(YamlMappingNode mapping, IReadOnlyCollection<string> allowed, string what)
    {
        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is null || !allowed.Contains(name))
                throw Error(key, $"unknown key '{name ?? key.ToString()}' in {what}; valid keys: {string.Join(", ", allowed)}");
        }
    }

    public static YamlNode? Get(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public YamlNode Require(YamlMappingNode mapping, string key, string what) =>
        Get(mapping, key) ?? throw Error(mapping, $"{what} is missing the required key '{key}'");

    public static YamlScalarNode? KeyNode(YamlMappingNode mapping, string key) =>
        mapping.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == key);

    /// <summary>A YAML scalar as a typed literal: plain true/false → bool, plain numbers → double, null/~ → null, else text.</summary>
    public static object? Literal(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain)
            return text;
        if (text is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (bool.TryParse(text, out var flag))
            return flag;
        // .NET also reads "Infinity", "NaN" and "1e999" (as infinity) as numbers; YAML does not, and no rule compares with them.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return number;
        return text;
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"'{s.Value}'",
        _ => node.NodeType.ToString(),
    };
}
