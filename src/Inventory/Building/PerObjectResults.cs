namespace TenantScanner.Inventory.Building;

/// <summary>
/// Items fetched per directory object (e.g. <c>servicePrincipals/{id}/owners</c>), with the objects whose
/// fetch failed. Pages of the same object are appended in manifest order.
/// </summary>
internal sealed class PerObjectResults<T>
{
    private readonly Dictionary<string, List<T>> _items = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _failed = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string objectId, IEnumerable<T> items)
    {
        if (!_items.TryGetValue(objectId, out var list))
            _items[objectId] = list = [];
        list.AddRange(items);
    }

    public void Fail(string objectId) => _failed.Add(objectId);

    /// <summary>The complete list for the object, or null when it was not fetched or a page failed.</summary>
    public IReadOnlyList<T>? Complete(string objectId) =>
        !_failed.Contains(objectId) && _items.TryGetValue(objectId, out var list) ? list : null;
}
