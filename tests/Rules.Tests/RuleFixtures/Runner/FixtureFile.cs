using TenantScanner.Rules.Findings;

namespace TenantScanner.Tests.RuleFixtures.Runner;

/// <summary>The cases of one rule, read from <c>RuleFixtures/Data/&lt;ID&gt;.yaml</c> (the rule id is the file name).</summary>
internal sealed record FixtureFile(string RuleId, string Path, IReadOnlyList<FixtureCase> Cases)
{
    public FixtureCase Case(string name) => Cases.SingleOrDefault(c => c.Name == name)
        ?? throw new InvalidOperationException($"{Path}: no case named '{name}'");
}

internal enum ExpectedOutcome { Pass, Fail, Inconclusive }

/// <summary>
/// One case: edits to the known-good tenant, then the outcome the rule must give on it. <paramref name="Passed"/>
/// pins the number of resources that passed; <paramref name="Missing"/> is the source an inconclusive reason
/// must name and <paramref name="Reason"/> any other text it must contain.
/// </summary>
internal sealed record FixtureCase(
    string Name, string Where, IReadOnlyList<SnapshotEdit> Edits, ExpectedOutcome Expect,
    IReadOnlyList<ExpectedFinding> Findings, int? Passed, string? Missing, string? Reason);

/// <summary>
/// Changes to a snapshot: JSON Patch operations per file (response bodies and <c>manifest.json</c>), requests
/// that failed with an HTTP status, and requests that were never made.
/// </summary>
internal sealed record SnapshotEdit(
    IReadOnlyList<(string File, IReadOnlyList<JsonPatchOperation> Operations)> Patches,
    IReadOnlyDictionary<string, int> HttpStatus,
    IReadOnlyList<string> NotCollected)
{
    public static SnapshotEdit None { get; } = new([], new Dictionary<string, int>(), []);
}

/// <summary>A finding a failing case must produce, matched by resource id; the other members are checked when given.</summary>
internal sealed record ExpectedFinding(
    string Resource, Severity? Severity, string? Message, IReadOnlyList<string> MessageContains, IReadOnlyList<ExpectedEvidence> Evidence);

/// <summary>Evidence the finding must carry: every given member must match one evidence item.</summary>
internal sealed record ExpectedEvidence(string? File, string? Pointer, string? Description, string? Value);
