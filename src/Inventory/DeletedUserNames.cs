namespace TenantScanner.Inventory;

/// <summary>
/// Entra renames a deleted user's UPN to its object id without dashes followed by the original UPN
/// (<c>93f77e08f0004555b8d5371b38e5d4abhenrik.larsen@contoso.com</c>), while connections made before the
/// deletion still name the original UPN. These helpers recover the original so people match and reports
/// name the account the way admins know it.
/// </summary>
public static class DeletedUserNames
{
    private const int ObjectIdHexLength = 32;

    /// <summary>The UPN without Entra's deleted-object prefix; unchanged when it does not carry this object's prefix.</summary>
    public static string OriginalPrincipalName(string objectId, string userPrincipalName)
    {
        if (userPrincipalName.Length <= ObjectIdHexLength)
            return userPrincipalName;
        var prefix = objectId.Replace("-", "", StringComparison.Ordinal);
        return prefix.Length == ObjectIdHexLength && userPrincipalName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            ? userPrincipalName[ObjectIdHexLength..]
            : userPrincipalName;
    }

    /// <summary>The user's UPN as people know it: the original one for deleted users.</summary>
    public static string? OriginalPrincipalName(this User user) =>
        user.UserPrincipalName is { } upn ? OriginalPrincipalName(user.Id, upn) : null;
}
