using TenantScanner.Inventory;
using TenantScanner.Tests.Snapshots;
using static TenantScanner.Tests.Snapshots.SnapshotFixture;

namespace TenantScanner.Tests.Inventory;

public sealed class PowerPlatformInventoryTests
{
    [Fact]
    public void Reads_environments_with_type_default_flag_region_and_instance_url()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Bap}/scopes/admin/environments?api-version=2020-10-01", """
            {"name":"Default-t","properties":{"displayName":"Contoso (default)","environmentSku":"Default","isDefault":true,"azureRegion":"westeurope"}},
            {"name":"env-prod","properties":{"displayName":"Łódź Produkcja","environmentSku":"Production","isDefault":false,
             "linkedEnvironmentMetadata":{"instanceUrl":"https://contoso.crm4.dynamics.com/"}}},
            {"name":"env-odd","properties":{"displayName":"Odd","environmentSku":"SomethingNew"}}
            """);
        var environments = fixture.Load().Inventory.Environments;
        Assert.Equal((EnvironmentType.Default, true, "westeurope", (string?)null),
            (environments[0].Type, environments[0].IsDefault, environments[0].Location, environments[0].DataverseInstanceUrl));
        Assert.Equal((EnvironmentType.Production, "Łódź Produkcja", "https://contoso.crm4.dynamics.com/"),
            (environments[1].Type, environments[1].DisplayName, environments[1].DataverseInstanceUrl));
        Assert.Equal(EnvironmentType.Other, environments[2].Type);
    }

    [Fact]
    public void Reads_management_app_ids()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{Bap}/adminApplications?api-version=2020-10-01", """{"applicationId":"app-1"},{"applicationId":"APP-2"}""");
        var ids = fixture.Load().Inventory.ManagementAppIds;
        Assert.True(ids.Contains("app-2"));
        Assert.Equal(2, ids.Count);
    }

    [Fact]
    public void Reads_a_user_oauth_connection_with_the_account_it_signs_in_as()
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.AddList($"{PowerAppsAdmin}/env1/connections?api-version=2016-11-01", """
            {"name":"shared-office365-1","id":"/providers/Microsoft.PowerApps/apis/shared_office365/connections/shared-office365-1",
             "properties":{"apiId":"/providers/Microsoft.PowerApps/apis/shared_office365","displayName":"zoe@contoso.com",
               "createdBy":{"id":"u9","displayName":"Creator","type":"User","userPrincipalName":"creator@contoso.com"},
               "statuses":[{"status":"Connected"}],"connectionParameters":{"token:grantType":"code"},"accountName":"zoe@contoso.com"}}
            """);
        var connection = fixture.Load().Inventory.FindConnection("ENV1", "shared-office365-1")!;
        Assert.Equal((ConnectionIdentityKind.User, "zoe@contoso.com", "shared_office365"), (connection.IdentityKind, connection.AccountName, connection.ApiName));
        Assert.Equal(new PrincipalRef("u9", PrincipalType.User, "Creator", "creator@contoso.com"), connection.CreatedBy);
        Assert.False(connection.IsInError);
        Assert.Equal((file, "/value/0"), (connection.Source.File, connection.Source.JsonPointer));
    }

    [Fact]
    public void Recognises_a_user_connection_by_its_authenticated_user_alone()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{PowerAppsAdmin}/env1/connections", """
            {"name":"c1","properties":{"apiId":"/providers/Microsoft.PowerApps/apis/shared_sharepointonline","authenticatedUser":{"name":"山田太郎@contoso.com"}}}
            """);
        var connection = fixture.Load().Inventory.Connections[0];
        Assert.Equal((ConnectionIdentityKind.User, "山田太郎@contoso.com"), (connection.IdentityKind, connection.AccountName));
    }

    [Fact]
    public void Reads_a_service_principal_connection_with_its_client_id()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{PowerAppsAdmin}/env1/connections", """
            {"name":"c1","properties":{"apiId":"/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps",
              "connectionParametersSet":{"name":"oauthSP","values":{"token:clientId":{"value":"client-app-id"},"token:TenantId":{"value":"t"}}}}}
            """);
        var connection = fixture.Load().Inventory.Connections[0];
        Assert.Equal((ConnectionIdentityKind.ServicePrincipal, "client-app-id", (string?)null), (connection.IdentityKind, connection.ClientId, connection.AccountName));
    }

    [Fact]
    public void Classifies_other_and_unknown_connection_identities()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{PowerAppsAdmin}/env1/connections", """
            {"name":"apikey","properties":{"apiId":"/providers/Microsoft.PowerApps/apis/shared_sendgrid","connectionParameters":{"username":"x"}}},
            {"name":"bare","properties":{"apiId":"/providers/Microsoft.PowerApps/apis/shared_rss"}}
            """);
        var connections = fixture.Load().Inventory.Connections;
        Assert.Equal([ConnectionIdentityKind.Other, ConnectionIdentityKind.Unknown], connections.Select(c => c.IdentityKind));
    }

    [Fact]
    public void Reads_connection_status_and_error()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList($"{PowerAppsAdmin}/env1/connections", """
            {"name":"c1","properties":{"apiId":"/providers/Microsoft.PowerApps/apis/shared_office365","accountName":"a@b",
             "statuses":[{"status":"Error","error":{"code":"Unauthenticated","message":"Token expired for Zoë"}}]}}
            """);
        var connection = fixture.Load().Inventory.Connections[0];
        Assert.True(connection.IsInError);
        Assert.Equal(("Unauthenticated", "Token expired for Zoë"), (connection.ErrorCode, connection.ErrorMessage));
    }
}
