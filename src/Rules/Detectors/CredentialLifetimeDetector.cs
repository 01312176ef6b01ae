using TenantScanner.Rules.Values;
using TenantScanner.Rules.Views;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Detectors;

/// <summary>Date arithmetic on a credential relative to the scan's as-of instant (never the clock).</summary>
public sealed class CredentialLifetimeDetector : Detector<CredentialItem, CredentialLifetimeDetector.Result>
{
    public sealed record Result(object? DaysUntilExpiry, object? DaysSinceExpiry, object? LifetimeDays, object? IsExpired);

    public override string Name => "credentialLifetime";
    public override string ResourceType => "credential";

    public override IReadOnlyList<FieldDefinition> Fields { get; } =
    [
        Field("daysUntilExpiry", "number", "Whole days from as-of to endDateTime (negative once expired); unknown without an end date.", r => r.DaysUntilExpiry),
        Field("daysSinceExpiry", "number", "Whole days since endDateTime (0 when not expired); unknown without an end date.", r => r.DaysSinceExpiry),
        Field("lifetimeDays", "number", "Whole days from startDateTime to endDateTime; unknown when either is missing.", r => r.LifetimeDays),
        Field("isExpired", "boolean", "True when endDateTime is before as-of.", r => r.IsExpired),
    ];

    protected override Result Analyze(CredentialItem credential, DetectorContext context)
    {
        if (credential.EndDateTime is not { } end)
        {
            var unknown = UnknownValue.Because($"credential {credential.KeyId} of {credential.ParentDisplayName} has no end date");
            return new Result(unknown, unknown, unknown, unknown);
        }
        var untilExpiry = Math.Floor((end - context.AsOf).TotalDays);
        object lifetime = credential.StartDateTime is { } start
            ? Math.Floor((end - start).TotalDays)
            : UnknownValue.Because($"credential {credential.KeyId} of {credential.ParentDisplayName} has no start date");
        return new Result(untilExpiry, end < context.AsOf ? Math.Floor((context.AsOf - end).TotalDays) : 0d, lifetime, end < context.AsOf);
    }
}
