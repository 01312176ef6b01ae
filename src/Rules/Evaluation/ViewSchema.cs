using System.Collections.Frozen;
using System.Collections.Immutable;

namespace TenantScanner.Rules.Evaluation;

/// <summary>
/// The documented fields of a resource view (or of a nested object such as a flow owner). Immutable, so the
/// views can share their schemas as static values: <see cref="Add"/>, <see cref="AddRange"/> and
/// <see cref="Extend"/> return a new schema.
/// </summary>
public sealed class ViewSchema
{
    private readonly FrozenDictionary<string, FieldDefinition> _byName;

    public ViewSchema(string name) : this(name, []) { }

    private ViewSchema(string name, ImmutableArray<FieldDefinition> fields)
    {
        Name = name;
        var duplicate = fields.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Field '{duplicate.Key}' is defined twice on view '{Name}'.");
        Fields = fields;
        _byName = fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public string Name { get; }

    /// <summary>In the order they were added (the field reference documents them in this order).</summary>
    public ImmutableArray<FieldDefinition> Fields { get; }

    /// <summary>This schema with one more field.</summary>
    public ViewSchema Add(FieldDefinition field) => AddRange([field]);

    /// <summary>This schema with more fields.</summary>
    public ViewSchema AddRange(IEnumerable<FieldDefinition> fields) => new(Name, [.. Fields, .. fields]);

    public FieldDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>A copy with more fields, e.g. the fields a detector adds for one rule.</summary>
    public ViewSchema Extend(IEnumerable<FieldDefinition> extra) => AddRange(extra);
}
