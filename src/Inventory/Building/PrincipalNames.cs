namespace TenantScanner.Inventory.Building;

/// <summary>
/// Fills in what an owner reference lacks (type, display name, UPN) from users, service principals and
/// <c>getByIds</c> objects, so reports can name owners even when only their ids were collected.
/// </summary>
internal sealed class PrincipalNames
{
    private readonly Dictionary<string, PrincipalRef> _known = new(StringComparer.OrdinalIgnoreCase);

    public PrincipalNames(IEnumerable<User> users, IEnumerable<ServicePrincipal> servicePrincipals, IEnumerable<PrincipalRef> byIds)
    {
        foreach (var user in users)
            _known.TryAdd(user.Id, new PrincipalRef(user.Id, PrincipalType.User, user.DisplayName, user.UserPrincipalName));
        foreach (var sp in servicePrincipals)
            _known.TryAdd(sp.Id, new PrincipalRef(sp.Id, PrincipalType.ServicePrincipal, sp.DisplayName));
        foreach (var principal in byIds)
            _known.TryAdd(principal.Id, principal);
    }

    public IReadOnlyList<PrincipalRef> Resolve(IReadOnlyList<PrincipalRef> owners)
    {
        if (owners.Count == 0)
            return owners;
        var resolved = new PrincipalRef[owners.Count];
        for (var i = 0; i < owners.Count; i++)
            resolved[i] = Resolve(owners[i]);
        return resolved;
    }

    public PrincipalRef Resolve(PrincipalRef owner)
    {
        if (owner.DisplayName is not null && owner.Type != PrincipalType.Unknown && (owner.Type != PrincipalType.User || owner.UserPrincipalName is not null))
            return owner;
        if (!_known.TryGetValue(owner.Id, out var known))
            return owner;
        return owner with
        {
            Type = owner.Type == PrincipalType.Unknown ? known.Type : owner.Type,
            DisplayName = owner.DisplayName ?? known.DisplayName,
            UserPrincipalName = owner.UserPrincipalName ?? known.UserPrincipalName,
        };
    }
}
