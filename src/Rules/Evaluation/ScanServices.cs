using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using TenantScanner.Inventory;
using TenantScanner.Rules.Facts;
using TenantScanner.Rules.Values;
using TenantScanner.SecretScanning;

namespace TenantScanner.Rules.Evaluation;

/// <summary>
/// What one scan shares between its rules: the inventory, the secret detector the secret rules use, and the
/// facts worked out once per scan instead of once per rule (the secrets of each flow definition, the secrets in
/// directory text, the application users by id, compiled rule patterns). Made by the engine for each scan and
/// dropped with it, so nothing outlives a scan and two scans never share state: the engine keeps no static
/// caches. Safe to use from the rules running in parallel.
/// </summary>
public sealed class ScanServices
{

    private readonly ConcurrentDictionary<Flow, FlowDefinitionFacts> _flows = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<(string Pattern, RegexOptions Options), Regex> _patterns = new();
    private readonly Lazy<DirectoryTextFacts> _directoryText;
    private readonly Lazy<ApplicationUserIndex> _applicationUsers;

    public ScanServices(TenantInventory inventory, SecretDetector secretDetector)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(secretDetector);
        Inventory = inventory;
        SecretDetector = secretDetector;
        _directoryText = new(() => new DirectoryTextFacts(inventory, secretDetector));
        _applicationUsers = new(() => new ApplicationUserIndex(inventory));
    }

    public TenantInventory Inventory { get; }

    /// <summary>Judges flow definitions, environment variables and directory text (FLOW004, CRED006, CRED007).</summary>
    public SecretDetector SecretDetector { get; }

    /// <summary>What the secret library finds in one flow's definition, worked out at most once per scan.</summary>
    internal FlowDefinitionFacts FlowFacts(Flow flow) => _flows.GetOrAdd(flow, f => new FlowDefinitionFacts(f, SecretDetector));

    /// <summary>The secrets in the notes, description and tags of every service principal and app registration.</summary>
    internal DirectoryTextFacts DirectoryText => _directoryText.Value;

    /// <summary>Dataverse application users by app id and by systemuser id.</summary>
    internal ApplicationUserIndex ApplicationUsers => _applicationUsers.Value;

    /// <summary>A rule's pattern, compiled once per scan: a detector may match it against 100,000 service principals.</summary>
    public Regex Pattern(string pattern, RegexOptions options) =>
        _patterns.GetOrAdd((pattern, options), key => GuardedRegex.Create(key.Pattern, key.Options));
}
