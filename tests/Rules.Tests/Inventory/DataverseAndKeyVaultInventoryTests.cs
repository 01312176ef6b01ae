using TenantScanner.Inventory;
using TenantScanner.Tests.Snapshots;
using static TenantScanner.Tests.Snapshots.SnapshotFixture;

namespace TenantScanner.Tests.Inventory;

public sealed class DataverseAndKeyVaultInventoryTests
{
    private const string Dataverse = "https://contoso.crm4.dynamics.com/api/data/v9.2";

    private static void AddEnvironment(SnapshotFixture fixture) =>
        fixture.AddList($"{Bap}/scopes/admin/environments", """
            {"name":"env1","properties":{"displayName":"Prod","environmentSku":"Production",
             "linkedEnvironmentMetadata":{"instanceUrl":"https://CONTOSO.crm4.dynamics.com/"}}}
            """);

    [Fact]
    public void Reads_application_users_in_the_environment_whose_instance_url_has_the_request_host()
    {
        using var fixture = new SnapshotFixture();
        AddEnvironment(fixture);
        var file = fixture.AddList($"{Dataverse}/systemusers?$filter=applicationid ne null", """
            {"systemuserid":"su-1","applicationid":"app-1","fullname":"# Łódź sync","isdisabled":true,"azureactivedirectoryobjectid":"sp-1"},
            {"systemuserid":"su-2","applicationid":null,"fullname":"A person"}
            """);
        var user = Assert.Single(fixture.Load().Inventory.ApplicationUsers);
        Assert.Equal(("su-1", "env1", "app-1", "# Łódź sync", true), (user.SystemUserId, user.EnvironmentId, user.ApplicationId, user.FullName, user.IsDisabled));
        Assert.Equal((file, "/value/0"), (user.Source.File, user.Source.JsonPointer));
    }

    [Fact]
    public void Keeps_the_host_as_environment_id_when_no_environment_claims_it()
    {
        using var fixture = new SnapshotFixture();
        fixture.AddList("https://orphan.crm.dynamics.com/api/data/v9.2/systemusers", """{"systemuserid":"su-1","applicationid":"app-1"}""");
        Assert.Equal("orphan.crm.dynamics.com", fixture.Load().Inventory.ApplicationUsers[0].EnvironmentId);
    }

    [Fact]
    public void Reads_connection_references()
    {
        using var fixture = new SnapshotFixture();
        AddEnvironment(fixture);
        fixture.AddList($"{Dataverse}/connectionreferences", """
            {"connectionreferenceid":"cr-1","connectionreferencelogicalname":"new_sharedoffice365_abc","connectionreferencedisplayname":"Outlook",
             "connectorid":"/providers/Microsoft.PowerApps/apis/shared_office365","connectionid":"shared-office365-1","_ownerid_value":"su-9"}
            """);
        var reference = fixture.Load().Inventory.FindConnectionReference("env1", "NEW_sharedoffice365_abc")!;
        Assert.Equal(("cr-1", "Outlook", "shared-office365-1", "su-9"), (reference.Id, reference.DisplayName, reference.ConnectionId, reference.OwnerId));
    }

    [Fact]
    public void Joins_environment_variable_definitions_with_their_values()
    {
        using var fixture = new SnapshotFixture();
        AddEnvironment(fixture);
        fixture.AddList($"{Dataverse}/environmentvariabledefinitions", """
            {"environmentvariabledefinitionid":"d1","schemaname":"new_ApiPassword","displayname":"API password","type":100000000,"defaultvalue":"dflt"},
            {"environmentvariabledefinitionid":"d2","schemaname":"new_VaultRef","type":100000005},
            {"environmentvariabledefinitionid":"d3","schemaname":"new_Future","type":999}
            """);
        var values = fixture.AddList($"{Dataverse}/environmentvariablevalues", """
            {"environmentvariablevalueid":"v1","_environmentvariabledefinitionid_value":"d1","value":"Zoë's value"}
            """);
        var variables = fixture.Load().Inventory.EnvironmentVariables;
        Assert.Equal((EnvironmentVariableType.String, "dflt", "Zoë's value", "env1"),
            (variables[0].Type, variables[0].DefaultValue, variables[0].CurrentValue, variables[0].EnvironmentId));
        Assert.Equal((values, "/value/0"), (variables[0].ValueSource!.File, variables[0].ValueSource!.JsonPointer));
        Assert.Equal((EnvironmentVariableType.Secret, (string?)null, (SourceLocation?)null), (variables[1].Type, variables[1].CurrentValue, variables[1].ValueSource));
        Assert.Equal(EnvironmentVariableType.Unknown, variables[2].Type);
    }

    [Fact]
    public void Reads_key_vault_secret_metadata_with_unix_second_attributes()
    {
        using var fixture = new SnapshotFixture();
        var file = fixture.Add("https://kv-contoso.vault.azure.net/secrets?api-version=7.5", """
            {"value":[{"id":"https://kv-contoso.vault.azure.net/secrets/flow-client-secret","contentType":"text/plain","managed":false,
              "attributes":{"enabled":false,"created":1700000000,"updated":1700000100,"exp":1800000000,"nbf":1690000000},
              "tags":{"owner":"Zoë"}}],"nextLink":null}
            """);
        var secret = Assert.Single(fixture.Load().Inventory.KeyVaultSecrets);
        Assert.Equal(("kv-contoso.vault.azure.net", "flow-client-secret", false, "text/plain"), (secret.VaultHost, secret.Name, secret.Enabled, secret.ContentType));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1800000000), secret.Expires);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1690000000), secret.NotBefore);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), secret.Created);
        Assert.Equal("Zoë", secret.Tags["owner"]);
        Assert.Equal((file, "/value/0"), (secret.Source.File, secret.Source.JsonPointer));
    }
}
