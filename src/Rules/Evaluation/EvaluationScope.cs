using TenantScanner.Inventory;
using TenantScanner.Rules.Values;

namespace TenantScanner.Rules.Evaluation;

/// <summary>
/// What a field getter may look at while one rule evaluates one resource: the scan's services (the
/// inventory, the secret detector, facts shared between rules), the as-of instant, the rule's parameters and
/// its detector's output (computed once, on first use).
/// </summary>
public sealed class EvaluationScope
{
    private readonly IDetector? _detector;
    private object? _detectorOutput;
    private List<string>? _unknownReasons;

    internal EvaluationScope(ScanServices services, DateTimeOffset asOf, object resource,
        IDetector? detector, IReadOnlyDictionary<string, object?> parameters)
    {
        Services = services;
        AsOf = asOf;
        Resource = resource;
        _detector = detector;
        Parameters = parameters;
    }

    public ScanServices Services { get; }
    public TenantInventory Inventory => Services.Inventory;
    public DateTimeOffset AsOf { get; }
    /// <summary>The model object the rule is evaluating (a Flow, ServicePrincipal, CredentialItem, ...).</summary>
    public object Resource { get; }
    public IReadOnlyDictionary<string, object?> Parameters { get; }

    public object DetectorOutput => _detectorOutput ??= _detector is null
        ? throw new InvalidOperationException("This rule has no detector.")
        : _detector.Analyze(Resource, new DetectorContext(Services, AsOf, Parameters));

    /// <summary>Reasons collected from unknown values touched while evaluating, for the inconclusive result.</summary>
    internal IReadOnlyList<string> UnknownReasons => _unknownReasons ?? [];

    internal void NoteUnknown(UnknownValue value)
    {
        _unknownReasons ??= [];
        if (!_unknownReasons.Contains(value.Reason))
            _unknownReasons.Add(value.Reason);
    }

    internal void ClearUnknowns() => _unknownReasons?.Clear();
}
