using TenantScanner.Inventory;

namespace TenantScanner.Rules.Facts;

/// <summary>
/// The Dataverse application users of an inventory by app id and by systemuser id, built once per scan:
/// owners of 20,000 flows look them up.
/// </summary>
internal sealed class ApplicationUserIndex
{
    private readonly Dictionary<string, ApplicationUser> _byId = new(StringComparer.OrdinalIgnoreCase);

    public ApplicationUserIndex(TenantInventory inventory)
    {
        foreach (var user in inventory.ApplicationUsers)
        {
            _byId.TryAdd(user.ApplicationId, user);
            _byId.TryAdd(user.SystemUserId, user);
        }
    }

    /// <summary>The application user with this app id or systemuser id; null when there is none.</summary>
    public ApplicationUser? Find(string id) => _byId.GetValueOrDefault(id);
}
