using TenantScanner.Rules.Findings;
using TenantScanner.Inventory;

namespace TenantScanner.Rules.Evaluation;

/// <summary>
/// What a detector may look at: the scan's services (the inventory, the secret detector, facts shared between
/// rules), the as-of instant (never the clock) and the rule's parameters.
/// </summary>
public sealed record DetectorContext(ScanServices Services, DateTimeOffset AsOf, IReadOnlyDictionary<string, object?> Parameters)
{
    public TenantInventory Inventory => Services.Inventory;

    public T Parameter<T>(string name, T fallback) => Parameters.TryGetValue(name, out var value) && value is T typed ? typed : fallback;
}

/// <summary>
/// Logic too rich for a condition. A detector analyses one resource once per rule and exposes the result
/// as extra fields the rule's condition and message can use. Adding one: a class implementing this
/// interface, one line in the built-in detector set (Detectors/DetectorSet.cs), and a rule naming it in rules.yaml.
/// </summary>
public interface IDetector
{
    /// <summary>The name rules.yaml uses in <c>detector:</c>.</summary>
    string Name { get; }
    /// <summary>The resource type it analyses, as rules.yaml names it in <c>resource:</c> (e.g. <c>flow</c>).</summary>
    string ResourceType { get; }
    /// <summary>The fields it adds; each getter receives the object <see cref="Analyze"/> returned.</summary>
    IReadOnlyList<FieldDefinition> Fields { get; }
    /// <summary>Parameters it reads from the rule (names), so the loader can reject a rule that forgets one.</summary>
    IReadOnlyList<string> RequiredParameters { get; }
    object Analyze(object resource, DetectorContext context);
    /// <summary>Evidence a finding carries besides the condition's fields (e.g. the JSON pointer of each offending action); values already redacted.</summary>
    IEnumerable<Evidence> Evidence(object resource, object output);
}

/// <summary>Typed base so detectors read as plain functions from a resource to a result record.</summary>
public abstract class Detector<TResource, TResult> : IDetector where TResult : notnull
{
    public abstract string Name { get; }
    public abstract string ResourceType { get; }
    public abstract IReadOnlyList<FieldDefinition> Fields { get; }
    public virtual IReadOnlyList<string> RequiredParameters => [];

    public object Analyze(object resource, DetectorContext context) => Analyze((TResource)resource, context);

    public IEnumerable<Evidence> Evidence(object resource, object output) => Evidence((TResource)resource, (TResult)output);

    protected abstract TResult Analyze(TResource resource, DetectorContext context);

    protected virtual IEnumerable<Evidence> Evidence(TResource resource, TResult output) => [];

    protected static FieldDefinition Field(string name, string type, string description, Func<TResult, object?> get) =>
        FieldDefinition.Scalar<TResult>(name, type, description, get);
}
