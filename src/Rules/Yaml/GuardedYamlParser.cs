using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TenantScanner.Rules.Yaml;

/// <summary>
/// Passes a YAML parser's events on to the loader and refuses, at the event that crosses the line, what would
/// let a small hostile file take the scan's time, memory or stack: aliases (30 nested ones in 1.3 KB expand to
/// billions of nodes when the tree is walked), nesting deeper than <see cref="MaxDepth"/> (the loader and the
/// condition compiler recurse per level) and more than <see cref="MaxNodes"/> values in all.
/// </summary>
/// <remarks>Rule, overlay and suppression files never need aliases: each rule is written out in full.</remarks>
internal sealed class GuardedYamlParser(IParser inner, string name) : IParser
{
    /// <summary>Mappings and lists inside each other; the shipped catalog needs 11.</summary>
    public const int MaxDepth = 64;

    /// <summary>Scalars, mappings and lists in the whole file; the shipped catalog has about 1,300.</summary>
    public const int MaxNodes = 1_000_000;

    private int _depth;
    private int _nodes;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
            return false;
        var current = inner.Current!;
        switch (current)
        {
            case AnchorAlias alias:
                throw Refuse(current, $"aliases (*{alias.Value}) are not allowed in rule and suppression files; write the value out");
            case MappingStart or SequenceStart:
                if (++_depth > MaxDepth)
                    throw Refuse(current, $"mappings and lists are nested more than {MaxDepth} deep");
                Count(current);
                break;
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
            case Scalar:
                Count(current);
                break;
        }
        return true;
    }

    private void Count(ParsingEvent current)
    {
        if (++_nodes > MaxNodes)
            throw Refuse(current, $"the file has more than {MaxNodes} values");
    }

    private RuleFileException Refuse(ParsingEvent at, string reason) => new(name, (int)at.Start.Line, (int)at.Start.Column, reason);
}
