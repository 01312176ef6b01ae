using TenantScanner.Rules.Values;
namespace TenantScanner.Rules.Evaluation;

public enum FieldShape { Scalar, Object, Array }

/// <summary>
/// One documented field of a resource view. <see cref="Get"/> reads it from the model object lazily, so a
/// rule pays only for the fields its condition touches.
/// </summary>
public sealed class FieldDefinition
{
    public required string Name { get; init; }
    /// <summary>Documented type: string, number, boolean, dateTime, object, array&lt;string&gt;, array&lt;object&gt;.</summary>
    public required string Type { get; init; }
    public required string Description { get; init; }
    public FieldShape Shape { get; init; } = FieldShape.Scalar;
    /// <summary>The fields of the object (or of each array element) this field holds.</summary>
    public ViewSchema? Element { get; init; }
    /// <summary>Reads the value from the item (or detector output) it belongs to. May return <see cref="UnknownValue"/>.</summary>
    public required Func<object, EvaluationScope, object?> Get { get; init; }
    /// <summary>Secret values are shown only through <c>SecretRedaction</c> in messages and evidence.</summary>
    public bool IsSecret { get; init; }

    public static FieldDefinition Scalar<T>(string name, string type, string description, Func<T, EvaluationScope, object?> get) => new()
    {
        Name = name, Type = type, Description = description, Get = (item, scope) => get((T)item, scope),
    };

    public static FieldDefinition Scalar<T>(string name, string type, string description, Func<T, object?> get) =>
        Scalar<T>(name, type, description, (item, _) => get(item));

    public static FieldDefinition Object<T>(string name, ViewSchema element, string description, Func<T, EvaluationScope, object?> get) => new()
    {
        Name = name, Type = "object", Shape = FieldShape.Object, Element = element, Description = description,
        Get = (item, scope) => get((T)item, scope),
    };

    /// <summary>An array of objects (<paramref name="element"/> given) or of scalars (element null).</summary>
    public static FieldDefinition Array<T>(string name, ViewSchema? element, string description, Func<T, EvaluationScope, object?> get) => new()
    {
        Name = name, Type = element is null ? "array<string>" : "array<object>", Shape = FieldShape.Array, Element = element,
        Description = description, Get = (item, scope) => get((T)item, scope),
    };
}
