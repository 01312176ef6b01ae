using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TenantScanner.Rules.Findings;

namespace TenantScanner.Cli.Changes.Plans;

/// <summary>
/// A reviewed list of changes to one tenant (<c>plan.json</c>): what each action changes, the exact state it
/// was planned against (<c>before</c>), the state it leaves (<c>after</c>), the permission it needs and
/// whether it can be undone. Making a plan never touches the tenant; the file is sealed with its own hash
/// (<see cref="PlanFile"/>). Remediation builds it from findings; the service-principal set-up from a spec.
/// </summary>
public sealed record ChangePlan
{
    public const string CurrentSchemaVersion = "1.0";

    [JsonPropertyName("schemaVersion")] public string SchemaVersion { get; init; } = CurrentSchemaVersion;
    /// <summary>remediation (from a scan) or setup (from a spec).</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("tool")] public required ToolVersion Tool { get; init; }
    [JsonPropertyName("createdAt")] public required DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("tenant")] public required TenantInfo Tenant { get; init; }
    [JsonPropertyName("source")] public required PlanSource Source { get; init; }
    [JsonPropertyName("actions")] public required IReadOnlyList<PlannedAction> Actions { get; init; }
    /// <summary><c>sha256:</c> of the plan's canonical JSON without this property; set by <see cref="PlanFile.Save"/>.</summary>
    [JsonPropertyName("seal")] public string? Seal { get; init; }
}

/// <summary>What the plan was made from, so a reviewer can match it to its evidence.</summary>
public sealed record PlanSource
{
    /// <summary>SHA-256 of the scan.json bytes the plan was made from.</summary>
    [JsonPropertyName("scanSha256")] public string? ScanSha256 { get; init; }
    /// <summary>The scan's snapshotSha256 (the manifest of the evidence).</summary>
    [JsonPropertyName("snapshotSha256")] public string? SnapshotSha256 { get; init; }
    [JsonPropertyName("scannedAt")] public DateTimeOffset? ScannedAt { get; init; }
    /// <summary>SHA-256 of the owners file, when one was given.</summary>
    [JsonPropertyName("ownersSha256")] public string? OwnersSha256 { get; init; }
    /// <summary>The rules given with --only; empty means every rule with findings.</summary>
    [JsonPropertyName("only")] public IReadOnlyList<string> Only { get; init; } = [];
}

/// <summary>One change (or one manual to-do) of a plan.</summary>
public sealed record PlannedAction
{
    /// <summary>A001, A002, ...: stable within the plan; the journal refers to it.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }
    /// <summary>The registered action that performs it (docs/remediation.md), e.g. addOwners; <c>manual</c> for steps a person takes.</summary>
    [JsonPropertyName("action")] public required string Action { get; init; }
    /// <summary>One line in plain words, e.g. "Add 2 owners to application 'Legacy SAP Bridge'".</summary>
    [JsonPropertyName("operation")] public required string Operation { get; init; }
    [JsonPropertyName("target")] public required ChangeTarget Target { get; init; }
    /// <summary>The findings this action resolves.</summary>
    [JsonPropertyName("resolves")] public IReadOnlyList<ResolvedFinding> Resolves { get; init; } = [];
    /// <summary>The state the plan was made against; apply skips the action as drifted when the live state differs. Null for manual actions.</summary>
    [JsonPropertyName("before")] public JsonNode? Before { get; init; }
    /// <summary>The state the action leaves (null: the object no longer exists).</summary>
    [JsonPropertyName("after")] public JsonNode? After { get; init; }
    /// <summary>The least permission the applying identity needs (docs/permissions.md).</summary>
    [JsonPropertyName("permission")] public required string Permission { get; init; }
    [JsonPropertyName("reversible")] public required bool Reversible { get; init; }
    [JsonPropertyName("risk")] public required string Risk { get; init; }
    /// <summary>Why these values were chosen, e.g. the owners.yaml line that named the owners.</summary>
    [JsonPropertyName("chosenBy")] public string? ChosenBy { get; init; }
    /// <summary>For manual actions: why there is no automated fix, and the steps.</summary>
    [JsonPropertyName("reason")] public string? Reason { get; init; }
    [JsonPropertyName("steps")] public IReadOnlyList<string> Steps { get; init; } = [];

    [JsonIgnore] public bool IsManual => Action == ManualActionName;

    public const string ManualActionName = "manual";
}

/// <summary>The object an action changes.</summary>
public sealed record ChangeTarget
{
    /// <summary>application, servicePrincipal, credential, appRoleAssignment, directoryRoleAssignment, delegatedGrant, flow, ...</summary>
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("displayName")] public required string DisplayName { get; init; }
    [JsonPropertyName("environmentId")] public string? EnvironmentId { get; init; }
    [JsonPropertyName("environmentName")] public string? EnvironmentName { get; init; }
}

public sealed record ResolvedFinding(
    [property: JsonPropertyName("ruleId")] string RuleId,
    [property: JsonPropertyName("fingerprint")] string Fingerprint);
