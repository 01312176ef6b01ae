using System.Text.Json.Nodes;

namespace TenantScanner.TestKit.SecretCorpus;

/// <summary>
/// Values that look like secrets but are not: expressions, Key Vault references, GUIDs, placeholders,
/// documentation example keys, file content, hashes, run and Teams/Graph ids, public keys.
/// </summary>
public sealed class DecoyFactory(SecretValues values)
{
    public const int Kinds = 22;
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private int _counter;

    public Planting Make(int kind)
    {
        var v = values;
        var name = $"{v.Pick("Decoy", "Check", "Build", "Read", "Format")}_{v.Word()}_{++_counter}";
        JsonObject action = (kind % Kinds) switch
        {
            0 => Actions.Http("GET", "https://erp.contoso.com/api/orders", authentication: new JsonObject
            {
                ["type"] = "Basic", ["username"] = "svc_erp", ["password"] = v.Pick("@parameters('erpPassword')", "@{body('Get_secret')?['value']}", "@body('Get_secret')?['value']"),
            }),
            1 => Actions.Http("GET", "https://graph.microsoft.com/v1.0/me", headers: new JsonObject
            {
                ["Authorization"] = v.Pick("Bearer @{body('Get_token')?['access_token']}", "@{concat('Bearer ', variables('token'))}", "Basic @{base64(concat(parameters('user'), ':', parameters('pw')))}"),
            }),
            2 => Actions.OpenApi("shared_keyvault", v.Pick("GetSecret", "GetSecretVersion"), new JsonObject { ["secretName"] = "api-key-" + v.Word() }, "shared_keyvault"),
            3 => Actions.InitializeVariable("clientSecret", "string", v.Pick(
                $"@Microsoft.KeyVault(SecretUri=https://kv-{v.Word()}.vault.azure.net/secrets/{v.Word()}-secret/)",
                $"https://kv-{v.Word()}.vault.azure.net/secrets/sendgrid-key/{v.HexString(32)}")),
            4 => Actions.Compose(new JsonObject
            {
                ["clientId"] = v.Guid(), ["tenantId"] = v.Guid(), ["correlationToken"] = v.Guid(), ["subscriptionId"] = v.Guid(),
            }),
            5 => Actions.Compose(new JsonObject
            {
                ["password"] = v.Pick("<your-password>", "changeme", "********", "${SMTP_PASSWORD}"),
                ["apiKey"] = v.Pick("YOUR_API_KEY", "xxxxxxxxxxxxxxxxxxxxxxxx", "<api-key>", "{{apiKey}}"),
                ["clientSecret"] = v.Pick("<client-secret>", "REPLACE_ME_xxxxxxxx", "********************"),
            }),
            6 => Actions.InitializeVariable("storageConnection", "string", v.Pick(
                $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteKey};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;",
                "UseDevelopmentStorage=true",
                "DefaultEndpointsProtocol=https;AccountName=stcontoso;AccountKey=@{parameters('storageKey')};EndpointSuffix=core.windows.net")),
            7 => Actions.Compose(new JsonObject { ["accessKeyId"] = "AKIAIOSFODNN7EXAMPLE", ["secretAccessKey"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" }),
            8 => Actions.OpenApi("shared_sharepointonline", "CreateFile", new JsonObject
            {
                ["dataset"] = "https://contoso.sharepoint.com/sites/finance",
                ["body"] = new JsonObject { ["$content-type"] = "image/png", ["$content"] = "iVBORw0KGgoAAAANSUhEUgAA" + v.Base64(900) },
            }, "shared_sharepointonline"),
            9 => Actions.OpenApi("shared_office365", "SendEmailV2", new JsonObject
            {
                ["emailMessage/To"] = "finance@contoso.com",
                ["emailMessage/Body"] = $"<p>Report</p><img src=\"data:image/png;base64,iVBORw0KGgo{v.Base64(600)}\"/>",
                ["emailMessage/Attachments"] = new JsonArray(new JsonObject { ["Name"] = "r.pdf", ["ContentBytes"] = "JVBERi0xLjcK" + v.Base64(700) }),
            }, "shared_office365"),
            10 => Actions.Compose(new JsonObject
            {
                ["sha512"] = v.Base64(64), ["hash"] = v.Base64(64), ["checksum"] = v.HexString(64), ["etag"] = $"\"0x8DB{v.HexString(12).ToUpperInvariant()}\"",
                ["thumbprint"] = v.HexString(40).ToUpperInvariant(), ["x5t"] = v.Base64Url(27),
            }),
            11 => Actions.Compose(new JsonObject
            {
                ["runId"] = "08584" + v.From("0123456789", 24) + "CU" + v.Random.Next(10, 99),
                ["clientTrackingId"] = "08584" + v.From("0123456789", 24) + "CU" + v.Random.Next(10, 99),
                ["teamId"] = v.Guid(), ["channelId"] = "19:" + v.HexString(32) + "@thread.tacv2",
                ["messageId"] = "AAMkA" + v.Base64Url(140) + "=",
            }),
            12 => Actions.Compose(new JsonObject
            {
                ["publicKey"] = v.PublicKeyPem(),
                ["sshKey"] = "ssh-rsa AAAAB3NzaC1yc2E" + v.Base64(370) + " deploy@contoso",
            }),
            13 => Actions.Http("POST", $"https://prod-21.westeurope.logic.azure.com:443/workflows/{v.HexString(32)}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=@{{parameters('childFlowSig')}}"),
            14 => Actions.InitializeVariable("sqlConnection", "string", v.Pick(
                $"Server=tcp:sql-{v.Word()}.database.windows.net,1433;Initial Catalog=db;Integrated Security=True;Encrypt=True;",
                "Server=tcp:sql-x.database.windows.net;Database=db;User ID=svc;Password=@{parameters('sqlPassword')};",
                "Server=localhost;Database=db;User Id=sa;Password=<YourStrong@Passw0rd>;")),
            15 => Actions.Http("GET", "https://legacy.contoso.com/api", headers: new JsonObject { ["Authorization"] = v.Pick("Basic dGVzdA==", "Basic <base64-credentials>") }),
            16 => Actions.Compose($"task-scheduler-{v.Word()}-configuration-update-{v.HexString(8)} SKU{v.From("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 30)}"),
            17 => Actions.Compose(new JsonObject
            {
                ["token"] = v.Pick("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "xoxb-000000000000-000000000000-xxxxxxxxxxxxxxxxxxxxxxxx"),
            }),
            18 => Actions.Compose(new JsonObject
            {
                ["header"] = "eyJ" + v.Base64Url(30),
                ["siteUrl"] = $"https://contoso.sharepoint.com/sites/{v.Word()}",
                ["user"] = $"https://{v.Word()}@contoso.visualstudio.com/project",
            }),
            19 => Actions.Compose(new JsonObject
            {
                ["description"] = $"Rotate the {v.Word()} secret every 90 days; the key lives in Key Vault kv-{v.Word()}, never in this flow.",
                ["tokenEndpoint"] = $"https://login.microsoftonline.com/{v.Guid()}/oauth2/v2.0/token",
                ["passwordPolicy"] = "DisablePasswordExpiration",
                ["tokenType"] = "Bearer",
            }),
            20 => Actions.Http("GET", $"https://func-{v.Word()}.azurewebsites.net/api/run?code=@{{parameters('functionKey')}}&name=x",
                headers: new JsonObject { ["x-functions-key"] = "@parameters('functionKey')", ["Ocp-Apim-Subscription-Key"] = "@{parameters('apimKey')}" }),
            _ => Actions.InitializeVariable("documentHash", "string", v.Base64(64)),
        };
        return new Planting(name, action, []);
    }
}
