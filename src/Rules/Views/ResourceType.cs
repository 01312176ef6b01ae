using TenantScanner.Rules.Findings;
using TenantScanner.Inventory;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Views;

/// <summary>
/// A kind of resource rules can target: how to enumerate it from the inventory, its documented field
/// tree, and how a finding names it.
/// </summary>
public abstract class ResourceType
{
    /// <summary>The id used in rules.yaml's <c>resource</c> key, e.g. <c>flow</c>.</summary>
    public abstract string Name { get; }
    public abstract string Description { get; }
    public abstract ViewSchema Schema { get; }
    /// <summary>Every resource of this type in the scan's inventory.</summary>
    public abstract IEnumerable<object> Enumerate(ScanServices scan);
    public abstract ResourceRef Describe(object item, TenantInventory inventory);
    /// <summary>The environment whose per-environment sources this resource needs; null for tenant-wide resources.</summary>
    public virtual string? EnvironmentOf(object item) => null;
    /// <summary>The specific item a finding is about (a credential key id, a permission), part of the fingerprint.</summary>
    public virtual string? ItemKey(object item) => null;
    /// <summary>Where the resource's facts came from, for evidence.</summary>
    public abstract IEnumerable<SourceLocation> Sources(object item);
    /// <summary>Facts about the item a finding should carry besides its sources (e.g. a secret's preview and fingerprint, already redacted).</summary>
    public virtual IEnumerable<Evidence> ItemEvidence(object item, ScanServices scan) => [];
    /// <summary>The object a change would act on and the state read of it (see <see cref="FindingTarget"/>); null when plans do not change this type.</summary>
    public virtual FindingTarget? Target(object item, ScanServices scan) => null;
}

/// <summary>Typed convenience base.</summary>
public abstract class ResourceType<T> : ResourceType where T : notnull
{
    public sealed override IEnumerable<object> Enumerate(ScanServices scan) => Items(scan).Cast<object>();
    public sealed override ResourceRef Describe(object item, TenantInventory inventory) => Describe((T)item, inventory);
    public sealed override string? EnvironmentOf(object item) => EnvironmentOf((T)item);
    public sealed override string? ItemKey(object item) => ItemKey((T)item);
    public sealed override IEnumerable<SourceLocation> Sources(object item) => Sources((T)item);
    public sealed override IEnumerable<Evidence> ItemEvidence(object item, ScanServices scan) => ItemEvidence((T)item, scan);
    public sealed override FindingTarget? Target(object item, ScanServices scan) => Target((T)item, scan);

    protected abstract IEnumerable<T> Items(ScanServices scan);
    protected abstract ResourceRef Describe(T item, TenantInventory inventory);
    protected virtual string? EnvironmentOf(T item) => null;
    protected virtual string? ItemKey(T item) => null;
    protected abstract IEnumerable<SourceLocation> Sources(T item);
    protected virtual IEnumerable<Evidence> ItemEvidence(T item, ScanServices scan) => [];
    protected virtual FindingTarget? Target(T item, ScanServices scan) => null;
}
