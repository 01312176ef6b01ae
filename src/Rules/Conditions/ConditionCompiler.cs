using TenantScanner.Rules.Values;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using TenantScanner.Rules.Views;
using TenantScanner.Rules.Yaml;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Conditions;

/// <summary>
/// Turns a condition written in rules.yaml (Azure Policy style) into a <see cref="Condition"/>, checking
/// every operator, field path, regex and parameter reference up front so a mistake fails at load time with
/// file:line:column instead of silently never matching.
/// </summary>
internal sealed partial class ConditionCompiler
{
    public static IReadOnlyList<string> LogicalKeys { get; } = ["allOf", "anyOf", "not"];
    public static IReadOnlyList<string> OperandKeys { get; } = ["field", "value", "count"];
    public static IReadOnlyList<string> CountKeys { get; } = ["field", "where"];

    private readonly YamlFile _file;
    private readonly ResourceType _resource;
    private readonly ViewSchema _root;
    private readonly IReadOnlyDictionary<string, object?> _parameters;

    /// <summary>Arrays bound by enclosing counts, innermost last: (path text, element schema).</summary>
    private readonly List<(string Path, ViewSchema? Element)> _bindings = [];

    public ConditionCompiler(YamlFile file, ResourceType resource, ViewSchema root, IReadOnlyDictionary<string, object?> parameters)
    {
        _file = file;
        _resource = resource;
        _root = root;
        _parameters = parameters;
    }

    [GeneratedRegex(@"^\[parameters\('([^']+)'\)\]$")]
    private static partial Regex ParameterReference();

    public Condition Compile(YamlNode node)
    {
        var mapping = _file.Mapping(node, "a condition");
        var keys = mapping.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).ToList();
        var logical = keys.Where(LogicalKeys.Contains).ToList();
        if (logical.Count > 0)
        {
            if (keys.Count != 1)
                throw _file.Error(mapping, $"'{logical[0]}' must be the only key of its condition; found: {string.Join(", ", keys)}");
            var value = mapping.Children.Values.Single();
            return logical[0] switch
            {
                "not" => new Not(Compile(value)),
                var name => List(name, value),
            };
        }
        return Leaf(mapping, keys);
    }

    private Condition List(string name, YamlNode value)
    {
        var items = _file.Sequence(value, $"'{name}'");
        if (items.Children.Count == 0)
            throw _file.Error(value, $"'{name}' needs at least one condition");
        var compiled = items.Children.Select(Compile).ToList();
        return name == "allOf" ? new AllOf(compiled) : new AnyOf(compiled);
    }

    private Condition Leaf(YamlMappingNode mapping, List<string> keys)
    {
        var valid = OperandKeys.Concat(Operator.Names).Concat(LogicalKeys).ToList();
        _file.CheckKeys(mapping, valid, "a condition");
        var operands = keys.Where(OperandKeys.Contains).ToList();
        if (operands.Count != 1)
            throw _file.Error(mapping, operands.Count == 0
                ? "a condition needs one of 'field', 'value' or 'count' (or allOf/anyOf/not)"
                : $"a condition takes exactly one of 'field', 'value' or 'count', found: {string.Join(", ", operands)}");
        var operators = keys.Where(Operator.Names.Contains).ToList();
        if (operators.Count != 1)
            throw _file.Error(mapping, operators.Count == 0
                ? $"a condition needs one operator; valid operators: {string.Join(", ", Operator.Names)}"
                : $"a condition takes exactly one operator, found: {string.Join(", ", operators)}");
        var operatorKey = YamlFile.KeyNode(mapping, operators[0])!;
        var op = CompileOperator(operators[0], mapping.Children[operatorKey]);
        var operandNode = mapping.Children[YamlFile.KeyNode(mapping, operands[0])!];
        return operands[0] switch
        {
            "field" => new FieldCondition(Path(operandNode), op),
            "value" => new ValueCondition(Operand(operandNode), op),
            _ => Count(operandNode, op),
        };
    }

    private Condition Count(YamlNode node, Operator op)
    {
        var mapping = _file.Mapping(node, "'count'");
        _file.CheckKeys(mapping, CountKeys, "'count'");
        var fieldNode = _file.Require(mapping, "field", "'count'");
        var path = Path(fieldNode);
        if (path.Steps.Count == 0 || !path.Steps[^1].Expand)
            throw _file.Error(fieldNode, $"'count' needs an array path ending in [*], e.g. owners[*]; got '{path.Text}'");
        if (op.Name is "match" or "notMatch" or "contains" or "notContains" or "exists")
            throw _file.Error(node, $"'{op.Name}' cannot compare a count; use equals, notEquals, in, notIn, greater, greaterOrEquals, less or lessOrEquals");
        Condition? where = null;
        var depth = _bindings.Count;
        if (YamlFile.Get(mapping, "where") is { } whereNode)
        {
            _bindings.Add((path.Text, path.Steps[^1].Field.Element));
            try { where = Compile(whereNode); }
            finally { _bindings.RemoveAt(_bindings.Count - 1); }
        }
        return new CountCondition(path, depth, where, op);
    }

    private Operator CompileOperator(string name, YamlNode node)
    {
        var right = Operand(node);
        Regex? regex = null;
        switch (name)
        {
            case "in" or "notIn" when right is not List<object?>:
                throw _file.Error(node, $"'{name}' needs a list of values");
            case "exists" when right is not bool:
                throw _file.Error(node, "'exists' takes true or false");
            case "match" or "notMatch":
                if (right is not string pattern)
                    throw _file.Error(node, $"'{name}' needs a regular expression as text");
                try
                {
                    regex = GuardedRegex.Create(pattern, RegexOptions.CultureInvariant);
                }
                catch (ArgumentException e)
                {
                    throw _file.Error(node, $"invalid regular expression '{pattern}': {e.Message}");
                }
                break;
            case not ("in" or "notIn") when right is List<object?>:
                throw _file.Error(node, $"'{name}' takes a single value, not a list");
        }
        return Operator.Create(name, right, regex);
    }

    /// <summary>A literal (scalar or list of scalars), with <c>[parameters('x')]</c> replaced by the parameter's value.</summary>
    private object? Operand(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                var literal = YamlFile.Literal(scalar);
                if (literal is string text && ParameterReference().Match(text) is { Success: true } m)
                {
                    var name = m.Groups[1].Value;
                    if (!_parameters.TryGetValue(name, out var value))
                        throw _file.Error(node, $"unknown parameter '{name}'; this rule's parameters: {(_parameters.Count == 0 ? "(none)" : string.Join(", ", _parameters.Keys))}");
                    return value;
                }
                return literal;
            case YamlSequenceNode sequence:
                return sequence.Children.Select(child => child is YamlScalarNode s ? YamlFile.Literal(s)
                    : throw _file.Error(child, "list items must be single values")).ToList();
            default:
                throw _file.Error(node, "an operand must be a value or a list of values");
        }
    }

    private FieldPath Path(YamlNode node)
    {
        var text = _file.String(node, "'field'");
        return ParsePath(node, text);
    }

    /// <summary>Parses and checks a path; also used for <c>{field:path}</c> message placeholders.</summary>
    public FieldPath ParsePath(YamlNode node, string text)
    {
        var depth = -1;
        var schema = _root;
        var rest = text;
        var prefix = _resource.Name;
        for (var i = _bindings.Count - 1; i >= 0; i--)
        {
            var bound = _bindings[i].Path;
            if (text == bound || text.StartsWith(bound + ".", StringComparison.Ordinal))
            {
                depth = i;
                rest = text.Length == bound.Length ? string.Empty : text[(bound.Length + 1)..];
                prefix = bound;
                if (_bindings[i].Element is null && rest.Length > 0)
                    throw _file.Error(node, $"'{bound}' holds plain values; nothing can follow it in '{text}'");
                schema = _bindings[i].Element ?? schema;
                break;
            }
        }
        var steps = new List<PathStep>();
        if (rest.Length == 0)
            return new FieldPath(text, depth, steps);
        var parts = rest.Split('.');
        for (var index = 0; index < parts.Length; index++)
        {
            var part = parts[index];
            var expand = part.EndsWith("[*]", StringComparison.Ordinal);
            var name = expand ? part[..^3] : part;
            var field = schema?.Find(name);
            if (field is null)
                throw _file.Error(node, $"unknown field '{name}' in '{text}'; valid fields of {prefix}: {string.Join(", ", (schema ?? _root).Fields.Select(f => f.Name))}");
            if (expand && field.Shape != FieldShape.Array)
                throw _file.Error(node, $"'{name}' is not an array, so '[*]' cannot follow it in '{text}'");
            if (index < parts.Length - 1 && field.Element is null)
                throw _file.Error(node, $"'{name}' has no fields, so nothing can follow it in '{text}'");
            if (index < parts.Length - 1 && field.Shape == FieldShape.Array && !expand)
                throw _file.Error(node, $"'{name}' is an array: write '{name}[*]' to reach its elements in '{text}'");
            steps.Add(new PathStep(field, expand));
            prefix = prefix + "." + part;
            schema = field.Element;
        }
        return new FieldPath(text, depth, steps);
    }
}
