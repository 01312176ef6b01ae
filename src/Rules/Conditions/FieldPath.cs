using System.Collections;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Conditions;

/// <summary>One step of a field path: a field, expanded over its elements when written <c>name[*]</c>.</summary>
internal readonly record struct PathStep(FieldDefinition Field, bool Expand);

/// <summary>
/// A field path checked against a resource view when the rule loads, e.g. <c>owners[*].accountEnabled</c>.
/// Inside a <c>count</c>'s <c>where</c>, a path that starts with the counted array refers to the current element.
/// </summary>
internal sealed class FieldPath
{
    public FieldPath(string text, int boundDepth, IReadOnlyList<PathStep> steps)
    {
        Text = text;
        BoundDepth = boundDepth;
        Steps = steps;
        IsMulti = steps.Any(s => s.Expand);
    }

    public string Text { get; }
    /// <summary>-1 for the resource itself, else the depth of the enclosing count whose element the path starts at.</summary>
    public int BoundDepth { get; }
    public IReadOnlyList<PathStep> Steps { get; }
    /// <summary>True when the path expands an array (<c>[*]</c>): operators then apply to every element.</summary>
    public bool IsMulti { get; }
    public bool IsSecret => Steps.Count > 0 && Steps[^1].Field.IsSecret;

    /// <summary>The single value (IsMulti false). May be an <see cref="UnknownValue"/>.</summary>
    public object? ResolveSingle(EvaluationFrame frame)
    {
        var current = Start(frame);
        foreach (var step in Steps)
        {
            if (current is null or UnknownValue)
                return current;
            current = step.Field.Get(current, frame.Scope);
        }
        return current;
    }

    /// <summary>Every value the path reaches through its [*] steps, or an <see cref="UnknownValue"/> when an array is unknown.</summary>
    public object ResolveMany(EvaluationFrame frame)
    {
        var output = new List<object?>();
        var unknown = Collect(Start(frame), 0, frame, output);
        return (object?)unknown ?? output;
    }

    private object? Start(EvaluationFrame frame) => BoundDepth < 0 ? frame.Scope.Resource : frame.Bound(BoundDepth);

    private UnknownValue? Collect(object? current, int index, EvaluationFrame frame, List<object?> output)
    {
        for (; index < Steps.Count; index++)
        {
            if (current is UnknownValue u)
                return u;
            if (current is null)
            {
                // Nothing to expand below a missing object: an expanded path yields no elements.
                if (Steps.Skip(index).Any(s => s.Expand))
                    return null;
                output.Add(null);
                return null;
            }
            var step = Steps[index];
            current = step.Field.Get(current, frame.Scope);
            if (!step.Expand)
                continue;
            if (current is UnknownValue unknownArray)
                return unknownArray;
            if (current is null)
                return null;
            foreach (var element in AsList(current))
            {
                var inner = Collect(element, index + 1, frame, output);
                if (inner is not null)
                    return inner;
            }
            return null;
        }
        output.Add(current);
        return null;
    }

    public static IEnumerable<object?> AsList(object value) => value switch
    {
        string s => [s],
        IEnumerable<object?> typed => typed,
        IEnumerable untyped => untyped.Cast<object?>(),
        _ => [value],
    };
}

/// <summary>The state of one evaluation: the scope and the elements bound by enclosing counts.</summary>
internal sealed class EvaluationFrame
{
    private object?[] _bound = new object?[4];

    public EvaluationFrame(EvaluationScope scope) => Scope = scope;

    public EvaluationScope Scope { get; }

    public object? Bound(int depth) => _bound[depth];

    public void Bind(int depth, object? element)
    {
        if (depth >= _bound.Length)
            Array.Resize(ref _bound, depth * 2 + 1);
        _bound[depth] = element;
    }
}
