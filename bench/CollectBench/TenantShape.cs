namespace TenantScanner.Bench.Collect;

/// <summary>The size of the synthetic tenant and the page sizes the services use.</summary>
public sealed record TenantShape
{
    public int ServicePrincipals { get; init; } = 10_000;
    public int Applications { get; init; } = 4_000;
    /// <summary>Applications with a client secret: only their federated credentials are read (CRED005 needs no others).</summary>
    public int ApplicationsWithSecrets { get; init; } = 1_200;
    public int Users { get; init; } = 5_000;
    /// <summary>Service principals that define app roles assignable to applications (API resources).</summary>
    public int ResourceServicePrincipals { get; init; } = 150;
    /// <summary>Service principals with more than 20 owners (the $expand limit).</summary>
    public int OverflowingOwners { get; init; } = 10;
    public int Flows { get; init; } = 2_000;
    public int Environments { get; init; } = 4;
    /// <summary>Environments that have a Dataverse database.</summary>
    public int DataverseEnvironments { get; init; } = 2;
    public int Secrets { get; init; } = 60;

    public const int GraphPage = 999;
    /// <summary>Page size of the Power Automate / Power Apps admin lists (service-chosen; 250 assumed).</summary>
    public const int AdminPage = 250;
    public const int DataversePage = 5_000;
    public const int KeyVaultPage = 25;
    public const int GraphBatch = 20;

    /// <summary>The request log cannot tell the two kinds of $batch apart (the body is not logged), so they share a row.</summary>
    public const string BatchSource = "graph.batch (appRoleAssignedTo + federatedIdentityCredentials)";

    public static int Pages(int items, int pageSize) => Math.Max(1, (items + pageSize - 1) / pageSize);

    /// <summary>
    /// The fewest requests the APIs allow for this tenant, per source: each list at its largest page size,
    /// one GET per flow for its definition and one for its owners (the admin API has no batch and no
    /// expand for them), appRoleAssignedTo for resource SPs and federatedIdentityCredentials for applications
    /// with a client secret, both in $batch of 20, owner lists only for the SPs
    /// whose $expand overflowed, and each Key Vault page plus the one unauthenticated request with which
    /// the Key Vault SDK learns the vault's challenge.
    /// </summary>
    public IReadOnlyDictionary<string, int> MinimumRequests()
    {
        var flowsPerEnvironment = Flows / Environments;
        var minimum = new Dictionary<string, int>
        {
            ["graph.organization"] = 1,
            ["graph.servicePrincipals"] = Pages(ServicePrincipals, GraphPage),
            ["graph.servicePrincipalOwners"] = OverflowingOwners,
            ["graph.applications"] = Pages(Applications, GraphPage),
            ["graph.users"] = Pages(Users, GraphPage),
            ["graph.deletedUsers"] = 1,
            ["graph.oauth2PermissionGrants"] = 1,
            ["graph.roleAssignments"] = 1,
            ["graph.roleDefinitions"] = 1,
            [BatchSource] = Pages(ResourceServicePrincipals, GraphBatch) + Pages(ApplicationsWithSecrets, GraphBatch),
            ["powerplatform.environments"] = 1,
            ["powerplatform.managementApps"] = 1,
            ["flow.flows"] = Environments * Pages(flowsPerEnvironment, AdminPage),
            ["flow.flowDetails"] = Flows,
            ["flow.owners"] = Flows,
            ["powerapps.connections"] = Environments,
            ["dataverse (5 tables)"] = DataverseEnvironments * 5,
            ["keyvault.secrets"] = Pages(Secrets, KeyVaultPage) + 1,
        };
        return minimum;
    }
}
