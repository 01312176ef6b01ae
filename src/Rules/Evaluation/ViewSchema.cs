namespace TenantScanner.Rules.Evaluation;

/// <summary>The documented fields of a resource view (or of a nested object such as a flow owner).</summary>
public sealed class ViewSchema
{
    private readonly Dictionary<string, FieldDefinition> _fields = new(StringComparer.Ordinal);
    private readonly List<FieldDefinition> _ordered = [];

    public ViewSchema(string name) => Name = name;

    public string Name { get; }

    public IReadOnlyList<FieldDefinition> Fields => _ordered;

    public ViewSchema Add(FieldDefinition field)
    {
        if (!_fields.TryAdd(field.Name, field))
            throw new InvalidOperationException($"Field '{field.Name}' is defined twice on view '{Name}'.");
        _ordered.Add(field);
        return this;
    }

    public ViewSchema AddRange(IEnumerable<FieldDefinition> fields)
    {
        foreach (var field in fields)
            Add(field);
        return this;
    }

    public FieldDefinition? Find(string name) => _fields.GetValueOrDefault(name);

    /// <summary>A copy with more fields, e.g. the fields a detector adds for one rule.</summary>
    public ViewSchema Extend(IEnumerable<FieldDefinition> extra) => new ViewSchema(Name).AddRange(_ordered).AddRange(extra);
}
