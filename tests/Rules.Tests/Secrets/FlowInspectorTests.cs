using System.Text.Json;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.FlowDefinitions;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.Tests.Secrets;

public sealed class FlowInspectorTests
{
    private static JsonElement Definition(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private const string KeyVaultAction = """
        {"type":"OpenApiConnection","inputs":{"host":{"apiId":"/providers/Microsoft.PowerApps/apis/shared_keyvault","operationId":"GetSecret","connectionName":"kv"},"parameters":{"secretName":"erp"}}}
        """;

    [Fact]
    public void Flags_key_vault_get_secret_nested_in_a_condition_without_secure_outputs()
    {
        var definition = Definition("{\"actions\":{\"Check\":{\"type\":\"If\",\"actions\":{},\"else\":{\"actions\":{\"Get_secret\":" + KeyVaultAction + "}}}}}");

        var gap = Assert.Single(SecureDataInspector.Inspect(definition));

        Assert.Equal(("Get_secret", "/actions/Check/else/actions/Get_secret"), (gap.Name, gap.JsonPointer));
        Assert.True(gap.OutputsMustBeSecured);
        Assert.False(gap.OutputsSecured);
    }

    [Fact]
    public void Key_vault_read_with_secure_outputs_passes()
    {
        var action = KeyVaultAction.TrimEnd()[..^1] + ",\"runtimeConfiguration\":{\"secureData\":{\"properties\":[\"inputs\",\"outputs\"]}}}";
        var definition = Definition("{\"properties\":{\"definition\":{\"actions\":{\"Get_secret\":" + action + "}}}}");

        Assert.Empty(SecureDataInspector.Inspect(definition));
    }

    [Fact]
    public void Flags_http_action_with_authentication_password_but_only_secure_outputs()
    {
        var definition = Definition("""
            {"actions":{"Switch":{"type":"Switch","cases":{"A":{"actions":{"Call":{"type":"Http","inputs":{"uri":"https://x","authentication":{"type":"Basic","username":"u","password":"@parameters('pw')"}},"runtimeConfiguration":{"secureData":{"properties":["outputs"]}}}}}}}}}
            """);

        var gap = Assert.Single(SecureDataInspector.Inspect(definition));

        Assert.Equal("/actions/Switch/cases/A/actions/Call", gap.JsonPointer);
        Assert.True(gap.InputsMustBeSecured);
        Assert.False(gap.InputsSecured);
        Assert.True(gap.OutputsSecured);
    }

    [Theory]
    [InlineData("[\"inputs\",\"outputs\"]", 0)]
    [InlineData("[\"inputs\"]", 2)]
    public void Call_sending_only_the_output_of_a_secured_key_vault_read_is_hidden_by_logic_apps(string readSecures, int expectedGaps)
    {
        // Logic Apps hides the inputs of an action that uses secured outputs; with outputs unsecured both the read and the call leak.
        var read = KeyVaultAction.TrimEnd()[..^1] + ",\"runtimeConfiguration\":{\"secureData\":{\"properties\":" + readSecures + "}}}";
        var definition = Definition("{\"actions\":{\"Get_secret\":" + read + ",\"Call\":{\"type\":\"Http\",\"inputs\":{\"uri\":\"https://x\"," +
            "\"headers\":{\"Authorization\":\"Bearer @{body('Get_secret')?['value']}\"}}}}}");

        Assert.Equal(expectedGaps, SecureDataInspector.Inspect(definition).Count);
    }

    [Fact]
    public void Call_mixing_a_secured_output_with_an_unsecured_one_still_needs_secure_inputs()
    {
        var secured = KeyVaultAction.TrimEnd()[..^1] + ",\"runtimeConfiguration\":{\"secureData\":{\"properties\":[\"outputs\"]}}}";
        var definition = Definition("{\"actions\":{\"Get_secret\":" + secured + ",\"Compose\":{\"type\":\"Compose\",\"inputs\":\"k\"},\"Call\":{\"type\":\"Http\"," +
            "\"inputs\":{\"uri\":\"https://x\",\"headers\":{\"x-api-key\":\"@{body('Get_secret')?['value']}@{outputs('Compose')}\"}}}}}");

        Assert.Equal("Call", Assert.Single(SecureDataInspector.Inspect(definition)).Name);
    }

    [Fact]
    public void Http_action_with_managed_identity_and_plain_headers_carries_no_secret()
    {
        var definition = Definition("""
            {"actions":{"Call":{"type":"Http","inputs":{"uri":"https://x","headers":{"Accept":"application/json"},"authentication":{"type":"ManagedServiceIdentity","audience":"https://x"}}}}}
            """);

        Assert.Empty(SecureDataInspector.Inspect(definition));
    }

    [Theory]
    [InlineData("{\"type\":\"Request\",\"kind\":\"Http\",\"inputs\":{\"schema\":{}}}", null)]
    [InlineData("{\"type\":\"Request\",\"kind\":\"Http\",\"inputs\":{\"triggerAuthenticationType\":\"All\"}}", "All")]
    public void Flags_request_trigger_anyone_with_the_url_can_call(string trigger, string? authentication)
    {
        var definition = Definition("{\"triggers\":{\"manual\":" + trigger + "},\"actions\":{}}");

        var open = Assert.Single(HttpTriggerInspector.Inspect(definition));

        Assert.Equal(("manual", "/triggers/manual", authentication), (open.Name, open.JsonPointer, open.AuthenticationType));
    }

    [Theory]
    [InlineData("{\"type\":\"Request\",\"kind\":\"Http\",\"inputs\":{\"triggerAuthenticationType\":\"Tenant\"}}")]
    [InlineData("{\"type\":\"Request\",\"kind\":\"Http\",\"inputs\":{\"triggerAuthenticationType\":\"SpecificUsers\"}}")]
    [InlineData("{\"type\":\"Request\",\"kind\":\"Button\",\"inputs\":{}}")]
    [InlineData("{\"type\":\"Request\",\"kind\":\"Http\",\"inputs\":{},\"conditions\":[{\"expression\":\"@startsWith(triggerOutputs()?['headers']?['Authorization'], 'Bearer')\"}]}")]
    [InlineData("{\"type\":\"Recurrence\",\"recurrence\":{\"frequency\":\"Day\",\"interval\":1}}")]
    public void Request_triggers_restricted_to_the_tenant_or_by_conditions_are_not_open(string trigger)
    {
        Assert.Empty(HttpTriggerInspector.Inspect(Definition("{\"triggers\":{\"t\":" + trigger + "}}")));
    }
}
