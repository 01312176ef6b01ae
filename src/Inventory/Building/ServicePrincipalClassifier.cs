using TenantScanner.Inventory.Reference;
using System.Collections.Frozen;

namespace TenantScanner.Inventory.Building;

/// <summary>
/// Decides how ownership rules treat a service principal, from its type and owner tenant
/// (Microsoft's tenants are listed in Reference/microsoft-tenants.csv).
/// </summary>
internal static class ServicePrincipalClassifier
{
    private static readonly FrozenSet<string> MicrosoftTenants = CsvTable.ReadEmbedded("microsoft-tenants.csv")
        .Select(row => row["appOwnerOrganizationId"]).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsMicrosoftTenant(string? tenantId) => tenantId is not null && MicrosoftTenants.Contains(tenantId);

    public static ServicePrincipalClass Classify(ServicePrincipal sp, string scannedTenantId, IReadOnlySet<string> tenantAppIds)
    {
        // The type is explicit; a managed identity's owner tenant says nothing about who governs it.
        if (string.Equals(sp.ServicePrincipalType, "ManagedIdentity", StringComparison.OrdinalIgnoreCase))
            return ServicePrincipalClass.ManagedIdentity;
        if (IsMicrosoftTenant(sp.AppOwnerOrganizationId))
            return ServicePrincipalClass.MicrosoftFirstParty;
        if (tenantAppIds.Contains(sp.AppId) || string.Equals(sp.AppOwnerOrganizationId, scannedTenantId, StringComparison.OrdinalIgnoreCase))
            return ServicePrincipalClass.TenantApplication;
        if (sp.AppOwnerOrganizationId is { Length: > 0 })
            return ServicePrincipalClass.ExternalMultiTenant;
        return ServicePrincipalClass.Other;
    }
}
