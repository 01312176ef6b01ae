using System.Text.Json.Nodes;
using TenantScanner.TestKit.TenantGenerator.Model;
using TenantScanner.TestKit.TenantGenerator.Shapes;

namespace TenantScanner.TestKit.TenantGenerator.Demo;

/// <summary>One fake secret written into the demo, so tests can assert it never reaches a report.</summary>
/// <param name="Rule">The rule that should find it.</param>
/// <param name="Kind">What it looks like (entra-client-secret, basic-auth-password, …).</param>
/// <param name="Resource">Flow or environment variable display name.</param>
/// <param name="Environment">Environment display name.</param>
/// <param name="Location">Action name or column that holds it.</param>
/// <param name="Value">The secret part alone, exactly as written in the snapshot (URL-encoded where it sits in a URL): no report may contain it.</param>
/// <param name="Literal">The whole string that holds it (a URL, a connection string), for context.</param>
internal sealed record PlantedSecret(string Rule, string Kind, string Resource, string Environment, string Location, string Value, string Literal);

/// <summary>
/// The secret-bearing steps planted into demo flows, and the decoys beside them that look like
/// secrets but are not (expressions, placeholders, GUIDs, ETags). Every value is fake and derived
/// from the seed; none authenticates anywhere.
/// </summary>
internal sealed class DemoPlants(StableIds ids)
{
    private readonly List<PlantedSecret> _planted = [];

    public IReadOnlyList<PlantedSecret> Planted => _planted;

    public string EntraClientSecret => ids.EntraClientSecret("plant:entra-secret");

    public string BasicPassword => "Sap!Exp0rt-" + ids.Chars("plant:basic", 10, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789") + "#26";

    public string StorageAccountKey => ids.Base64("plant:storage-key", 64);

    public string StorageConnectionString => $"DefaultEndpointsProtocol=https;AccountName=stcontosolabuat;AccountKey={StorageAccountKey};EndpointSuffix=core.windows.net";

    public string SasSignature => Uri.EscapeDataString(ids.Base64("plant:sas", 32));

    public string SasUrl => "https://stcontosoreports.blob.core.windows.net/quarterly/Q3-2026-board-pack.pdf?sv=2022-11-02&ss=b&srt=o&sp=r&se=2027-01-31T23:59:59Z&st=2026-10-01T00:00:00Z&spr=https&sig="
        + SasSignature;

    public string FunctionKey => ids.Base64Url("plant:function-key", 54) + "==";

    public string FunctionUrl => "https://func-contoso-orders.azurewebsites.net/api/RelayOrder?code=" + FunctionKey;

    public string EnvVarPassword => "Zq7!vR2#pLx9@" + ids.Chars("plant:envvar", 6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789");

    public string EnvVarDefaultPassword => "Smtp#Relay-" + ids.Chars("plant:envvar-default", 8, "abcdefghijkmnpqrstuvwxyz23456789") + "!";

    public void Record(string rule, string kind, string resource, string environment, string location, string value, string? literal = null) =>
        _planted.Add(new PlantedSecret(rule, kind, resource, environment, location, value, literal ?? value));

    /// <summary>Client-credentials token request with the app secret pasted into the body (FLOW004).</summary>
    public (string, JsonObject) TokenRequestWithClientSecret(string tenantId, string clientId) => ("HTTP_Get_SAP_token", FlowActions.Http("POST",
        $"https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token",
        new JsonObject { ["Content-Type"] = "application/x-www-form-urlencoded" },
        $"grant_type=client_credentials&client_id={clientId}&client_secret={EntraClientSecret}&scope=api%3A%2F%2Fsap-gateway-emea%2F.default"));

    /// <summary>HTTP action with Basic authentication and a literal password (FLOW004).</summary>
    public (string, JsonObject) SapBasicAuthCall() => ("HTTP_Post_to_SAP_gateway", FlowActions.Http("POST",
        "https://sap-gw.contosopharma.com:44300/sap/opu/odata/sap/ZFI_EXPORT_SRV/ExportBatchSet",
        new JsonObject { ["Accept"] = "application/json", ["x-csrf-token"] = "Fetch" },
        new JsonObject { ["BatchDate"] = "@{utcNow('yyyy-MM-dd')}", ["Rows"] = "@body('Get_rows_(V2)_0')?['value']" },
        new JsonObject { ["type"] = "Basic", ["username"] = "SVC_PA_EXPORT", ["password"] = BasicPassword }));

    /// <summary>A Compose holding a storage connection string with its account key (FLOW004).</summary>
    public (string, JsonObject) StorageConnectionStringCompose() => ("Compose_storage_connection", FlowActions.Compose(StorageConnectionString));

    /// <summary>Downloads a report through a SAS URL whose signature is in the definition (FLOW004).</summary>
    public (string, JsonObject) SasDownload() => ("HTTP_Download_board_pack", FlowActions.Http("GET", SasUrl,
        new JsonObject { ["x-ms-version"] = "2022-11-02" }));

    /// <summary>Calls an Azure Function with its function key in the URL (FLOW004).</summary>
    public (string, JsonObject) FunctionCall() => ("HTTP_Relay_to_order_function", FlowActions.Http("POST", FunctionUrl,
        new JsonObject { ["Content-Type"] = "application/json" }, "@triggerBody()"));

    /// <summary>Key Vault "Get secret" without secure inputs/outputs: the secret lands in run history (FLOW005).</summary>
    public static (string, JsonObject) KeyVaultGetSecretInsecure(string secretName) =>
        ("Get_secret", FlowActions.Connector(Connectors.KeyVault, "GetSecret", new JsonObject { ["secretName"] = secretName }));

    /// <summary>The same read done right (FLOW005 passes).</summary>
    public static (string, JsonObject) KeyVaultGetSecretSecure(string secretName) =>
        ("Get_secret", FlowActions.WithSecureData(FlowActions.Connector(Connectors.KeyVault, "GetSecret", new JsonObject { ["secretName"] = secretName })));

    /// <summary>Uses the secret read from Key Vault: an expression, not a secret.</summary>
    public static (string, JsonObject) UseKeyVaultSecret() => ("HTTP_Call_vendor_portal", FlowActions.Http("POST",
        "https://vendors.contosopharma.com/api/v2/sync",
        new JsonObject { ["Authorization"] = "Bearer @{body('Get_secret')?['value']}", ["If-Match"] = "\"0x8DCE3F1A2B4C5D6\"" },
        new JsonObject { ["vendorBatch"] = "@{guid()}" }));

    /// <summary>Decoys: a parameter reference, a placeholder, a GUID and an ETag. None is a secret.</summary>
    public static (string, JsonObject) Decoys() => ("Compose_integration_settings", FlowActions.Compose(new JsonObject
    {
        ["clientId"] = "2b7e4f1c-9d3a-4c8e-b6f5-1a0d9e8c7b6a",
        ["clientSecret"] = "@parameters('ClientSecret')",
        ["apiKey"] = "<your-api-key>",
        ["etag"] = "W/\"datetime'2026-11-19T23%3A14%3A05.1234567Z'\"",
        ["correlationId"] = "@{guid()}",
    }));

    /// <summary>A secure-string flow parameter with no default: how a secret should be passed in.</summary>
    public static JsonObject ClientSecretParameter() => new()
    {
        ["ClientSecret"] = new JsonObject { ["type"] = "SecureString", ["metadata"] = new JsonObject { ["description"] = "Injected at deployment from Key Vault" } },
    };
}
