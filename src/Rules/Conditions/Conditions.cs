using System.Text.RegularExpressions;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Conditions;

/// <summary>A compiled condition. Evaluates to true, false or unknown (missing data).</summary>
internal abstract class Condition
{
    public abstract Tri Evaluate(EvaluationFrame frame);

    /// <summary>Field paths this condition reads from the resource itself, for evidence (counted arrays are shown as counts).</summary>
    public abstract IEnumerable<EvidenceField> Fields();
}

internal sealed class AllOf(IReadOnlyList<Condition> items) : Condition
{
    public override Tri Evaluate(EvaluationFrame frame)
    {
        var result = Tri.True;
        foreach (var item in items)
        {
            var value = item.Evaluate(frame);
            if (value == Tri.False)
                return Tri.False;
            if (value == Tri.Unknown)
                result = Tri.Unknown;
        }
        return result;
    }

    public override IEnumerable<EvidenceField> Fields() => items.SelectMany(i => i.Fields());
}

internal sealed class AnyOf(IReadOnlyList<Condition> items) : Condition
{
    public override Tri Evaluate(EvaluationFrame frame)
    {
        var result = Tri.False;
        foreach (var item in items)
        {
            var value = item.Evaluate(frame);
            if (value == Tri.True)
                return Tri.True;
            if (value == Tri.Unknown)
                result = Tri.Unknown;
        }
        return result;
    }

    public override IEnumerable<EvidenceField> Fields() => items.SelectMany(i => i.Fields());
}

internal sealed class Not(Condition inner) : Condition
{
    public override Tri Evaluate(EvaluationFrame frame) => TriLogic.Not(inner.Evaluate(frame));
    public override IEnumerable<EvidenceField> Fields() => inner.Fields();
}

/// <summary>A comparison operator applied to one left value and the (already parameter-resolved) right operand.</summary>
internal sealed class Operator
{
    private readonly Func<object?, Tri> _apply;

    private Operator(string name, Func<object?, Tri> apply)
    {
        Name = name;
        _apply = apply;
    }

    public string Name { get; }

    public static IReadOnlyList<string> Names { get; } =
        ["equals", "notEquals", "in", "notIn", "exists", "greater", "greaterOrEquals", "less", "lessOrEquals", "match", "notMatch", "contains", "notContains"];

    /// <summary>Applies to one value. Unknown values give unknown, and so does a value a regex gave up on.</summary>
    public Tri Apply(object? left, EvaluationScope scope)
    {
        if (left is UnknownValue unknown)
        {
            scope.NoteUnknown(unknown);
            return Tri.Unknown;
        }
        try
        {
            return _apply(left);
        }
        catch (RegexMatchTimeoutException)
        {
            // Only a pattern the non-backtracking engine cannot run gets here (see GuardedRegex). The exception
            // holds the tenant's text, so it goes no further: the resource is undecided, the scan goes on.
            scope.NoteUnknown(RegexGaveUp);
            return Tri.Unknown;
        }
    }

    private static readonly UnknownValue RegexGaveUp = UnknownValue.Because(
        $"the rule's regular expression did not finish within {GuardedRegex.Timeout.TotalSeconds:0} s on the value (it backtracks too much); rewrite it without backreferences or lookarounds");

    public static Operator Create(string name, object? right, Regex? regex) => name switch
    {
        "equals" => new(name, l => TriLogic.From(ValueComparer.AreEqual(l, right))),
        "notEquals" => new(name, l => TriLogic.From(!ValueComparer.AreEqual(l, right))),
        "in" => new(name, l => TriLogic.From(AsSet(right).Any(r => ValueComparer.AreEqual(l, r)))),
        "notIn" => new(name, l => TriLogic.From(!AsSet(right).Any(r => ValueComparer.AreEqual(l, r)))),
        "exists" => new(name, l => TriLogic.From((l is not null) == (right is true))),
        "greater" => new(name, l => TriLogic.From(ValueComparer.Compare(l, right) > 0)),
        "greaterOrEquals" => new(name, l => TriLogic.From(ValueComparer.Compare(l, right) >= 0)),
        "less" => new(name, l => TriLogic.From(ValueComparer.Compare(l, right) < 0)),
        "lessOrEquals" => new(name, l => TriLogic.From(ValueComparer.Compare(l, right) <= 0)),
        "match" => new(name, l => TriLogic.From(l is not null && regex!.IsMatch(ValueComparer.Format(l)))),
        "notMatch" => new(name, l => TriLogic.From(l is null || !regex!.IsMatch(ValueComparer.Format(l)))),
        "contains" => new(name, l => TriLogic.From(Contains(l, right))),
        "notContains" => new(name, l => TriLogic.From(!Contains(l, right))),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown operator"),
    };

    private static IEnumerable<object?> AsSet(object? right) => right is List<object?> list ? list : [right];

    private static bool Contains(object? left, object? right) => left switch
    {
        null => false,
        string text => right is not null && text.Contains(ValueComparer.Format(right), StringComparison.OrdinalIgnoreCase),
        System.Collections.IEnumerable items => FieldPath.AsList(items).Any(item => ValueComparer.AreEqual(item, right)),
        _ => false,
    };
}

/// <summary><c>field: path</c> + operator. A path with [*] must hold for every element (true for none), as in Azure Policy.</summary>
internal sealed class FieldCondition(FieldPath path, Operator op) : Condition
{
    public override Tri Evaluate(EvaluationFrame frame)
    {
        if (!path.IsMulti)
            return op.Apply(path.ResolveSingle(frame), frame.Scope);
        var values = path.ResolveMany(frame);
        if (values is UnknownValue unknown)
            return op.Apply(unknown, frame.Scope);
        var result = Tri.True;
        foreach (var value in (List<object?>)values)
        {
            var each = op.Apply(value, frame.Scope);
            if (each == Tri.False)
                return Tri.False;
            if (each == Tri.Unknown)
                result = Tri.Unknown;
        }
        return result;
    }

    public override IEnumerable<EvidenceField> Fields() => path.BoundDepth < 0 ? [new EvidenceField(path, IsCount: false)] : [];
}

/// <summary>A field a condition read, for evidence; counted arrays are reported as their length.</summary>
/// <summary>A field a condition reads, shown as evidence. For a count, <paramref name="Where"/> (bound at
/// <paramref name="Depth"/>) is the filter, so the evidence shows how many elements matched, not just how many there are.</summary>
internal sealed record EvidenceField(FieldPath Path, bool IsCount, Condition? Where = null, int Depth = 0);

/// <summary><c>value: literal-or-parameter</c> + operator.</summary>
internal sealed class ValueCondition(object? value, Operator op) : Condition
{
    public override Tri Evaluate(EvaluationFrame frame) => op.Apply(value, frame.Scope);
    public override IEnumerable<EvidenceField> Fields() => [];
}

/// <summary>
/// <c>count: {field: array[*], where: condition}</c> + operator on the number. Elements whose <c>where</c> is
/// unknown make the count a range; the result is decided only when the operator agrees over the whole range.
/// </summary>
internal sealed class CountCondition(FieldPath path, int depth, Condition? where, Operator op) : Condition
{
    public override Tri Evaluate(EvaluationFrame frame)
    {
        var values = path.ResolveMany(frame);
        if (values is UnknownValue unknown)
            return op.Apply(unknown, frame.Scope);
        var elements = (List<object?>)values;
        int sure = 0, maybe = 0;
        foreach (var element in elements)
        {
            if (where is null)
            {
                sure++;
                continue;
            }
            frame.Bind(depth, element);
            switch (where.Evaluate(frame))
            {
                case Tri.True: sure++; break;
                case Tri.Unknown: maybe++; break;
            }
        }
        var first = op.Apply((double)sure, frame.Scope);
        for (var n = sure + 1; n <= sure + maybe; n++)
            if (op.Apply((double)n, frame.Scope) != first)
                return Tri.Unknown;
        return first;
    }

    public override IEnumerable<EvidenceField> Fields() => path.BoundDepth < 0 ? [new EvidenceField(path, IsCount: true, where, depth)] : [];
}
