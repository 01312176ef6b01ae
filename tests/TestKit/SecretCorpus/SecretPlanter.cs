using System.Text;
using System.Text.Json.Nodes;

namespace TenantScanner.TestKit.SecretCorpus;

/// <summary>Plants one secret of a given type in a realistic action, in one of several positions.</summary>
public sealed class SecretPlanter(SecretValues values)
{
    public static readonly string[] SecretTypes =
    [
        "EntraClientSecret", "StorageAccountKey", "StorageSasSignature", "LogicAppTriggerUrlSignature", "AzureFunctionKey",
        "ServiceBusSharedAccessKey", "CosmosDbKey", "AzureDevOpsPat", "SqlConnectionStringPassword", "UriCredentials",
        "BasicAuthCredentials", "JsonWebToken", "PrivateKey", "GitHubToken", "AwsAccessKey", "SlackToken", "SendGridApiKey",
        "OpenAiApiKey", "StripeKey", "TwilioApiKey", "AuthenticationCredential", "GenericSecret", "ApiKeyHeader",
    ];

    private int _counter;

    public Planting Plant(string type)
    {
        var name = $"{values.Pick("Call", "Send", "Sync", "Get", "Post", "Set", "Init")}_{values.Word()}_{++_counter}";
        var v = values;
        var variant = v.Random.Next(3);
        switch (type)
        {
            case "EntraClientSecret":
            {
                var secret = v.EntraClientSecret();
                return variant switch
                {
                    0 => One(name, Actions.Http("GET", "https://graph.microsoft.com/v1.0/users", authentication: new JsonObject
                    {
                        ["type"] = "ActiveDirectoryOAuth", ["tenant"] = v.Guid(), ["audience"] = "https://graph.microsoft.com",
                        ["clientId"] = v.Guid(), ["secret"] = secret,
                    }), type, "/inputs/authentication/secret", secret),
                    1 => One(name, Actions.Http("POST", $"https://login.microsoftonline.com/{v.Guid()}/oauth2/v2.0/token",
                        headers: new JsonObject { ["Content-Type"] = "application/x-www-form-urlencoded" },
                        body: $"grant_type=client_credentials&client_id={v.Guid()}&client_secret={secret}&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"),
                        type, "/inputs/body", secret),
                    _ => One(name, Actions.InitializeVariable("appSecret", "string", secret), type, "/inputs/variables/0/value", secret),
                };
            }
            case "StorageAccountKey":
            {
                var key = v.StorageKey();
                return variant == 0
                    ? One(name, Actions.InitializeVariable("storageKey", "string", key), type, "/inputs/variables/0/value", key)
                    : One(name, Actions.Compose($"DefaultEndpointsProtocol=https;AccountName=st{v.Word()}{v.HexString(6)};AccountKey={key};EndpointSuffix=core.windows.net"), type, "/inputs", key);
            }
            case "StorageSasSignature":
            {
                var sig = v.SasSignature();
                var path = variant == 0 ? "@{variables('container')}/@{triggerBody()?['file']}" : $"exports/{v.Word()}.csv";
                return One(name, Actions.Http("GET", $"https://st{v.HexString(8)}.blob.core.windows.net/{path}?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2027-01-01T00:00:00Z&spr=https&sig={sig}"),
                    type, "/inputs/uri", sig);
            }
            case "LogicAppTriggerUrlSignature":
            {
                var sig = v.TriggerSignature();
                var uri = variant == 0
                    ? $"https://prod-{v.Random.Next(10, 99)}.westeurope.logic.azure.com:443/workflows/{v.HexString(32)}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={sig}"
                    : $"https://{v.HexString(12)}.0d.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/{v.HexString(32)}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={sig}";
                return One(name, Actions.Http("POST", uri, body: new JsonObject { ["id"] = "@{triggerBody()?['ID']}" }), type, "/inputs/uri", sig);
            }
            case "AzureFunctionKey":
            {
                var key = v.FunctionKey();
                return variant == 0
                    ? One(name, Actions.Http("POST", $"https://func-{v.Word()}-{v.HexString(4)}.azurewebsites.net/api/Process{v.Word()}?code={key}"), type, "/inputs/uri", key)
                    : One(name, Actions.Http("POST", $"https://func-{v.Word()}.azurewebsites.net/api/run", headers: new JsonObject { ["x-functions-key"] = key }), type, "/inputs/headers/x-functions-key", key);
            }
            case "ServiceBusSharedAccessKey":
            {
                var key = v.SharedAccessKey();
                return One(name, Actions.InitializeVariable("busConnection", "string",
                    $"Endpoint=sb://sb-{v.Word()}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={key}"), type, "/inputs/variables/0/value", key);
            }
            case "CosmosDbKey":
            {
                var key = v.StorageKey();
                return One(name, Actions.Compose(new JsonObject { ["connection"] = $"AccountEndpoint=https://cosmos-{v.Word()}.documents.azure.com:443/;AccountKey={key};" }), type, "/inputs/connection", key);
            }
            case "AzureDevOpsPat":
            {
                if (variant == 0)
                {
                    var legacy = v.AdoPatLegacy();
                    return One(name, Actions.InitializeVariable("adoPat", "string", legacy), type, "/inputs/variables/0/value", legacy);
                }
                var pat = v.AdoPat();
                return One(name, Actions.Compose(new JsonObject { ["organization"] = "https://dev.azure.com/contoso", ["pat"] = pat }), type, "/inputs/pat", pat);
            }
            case "SqlConnectionStringPassword":
            {
                var password = v.UrlSafePassword();
                return One(name, Actions.InitializeVariable("sqlConnection", "string",
                    $"Server=tcp:sql-{v.Word()}.database.windows.net,1433;Initial Catalog={v.Word()};Persist Security Info=False;User ID=svc_{v.Word()};Password={password};Encrypt=True;"),
                    type, "/inputs/variables/0/value", password);
            }
            case "UriCredentials":
            {
                var password = v.UrlSafePassword();
                var uri = variant == 0 ? $"https://svc_{v.Word()}:{password}@files.contoso.com/upload/{v.Word()}" : $"sftp://export:{password}@sftp.contoso.net:22/in";
                return One(name, Actions.Http("PUT", uri, body: "@body('Create_CSV_table')"), type, "/inputs/uri", password);
            }
            case "BasicAuthCredentials":
            {
                var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"svc_{v.Word()}:{v.Password()}"));
                return One(name, Actions.Http("GET", $"https://erp.contoso.com/api/{v.Word()}s", headers: new JsonObject { ["Authorization"] = "Basic " + token, ["Accept"] = "application/json" }),
                    type, "/inputs/headers/Authorization", token);
            }
            case "JsonWebToken":
            {
                var jwt = v.Jwt();
                return variant == 0
                    ? One(name, Actions.Http("GET", "https://graph.microsoft.com/v1.0/me", headers: new JsonObject { ["Authorization"] = "Bearer " + jwt }), type, "/inputs/headers/Authorization", jwt)
                    : One(name, Actions.InitializeVariable("accessToken", "string", jwt), type, "/inputs/variables/0/value", jwt);
            }
            case "PrivateKey":
            {
                var pem = v.PrivateKeyPem();
                return One(name, Actions.Compose(new JsonObject { ["signingKey"] = pem, ["algorithm"] = "RS256" }), type, "/inputs/signingKey", pem);
            }
            case "GitHubToken":
            {
                var token = v.GitHubToken();
                return One(name, Actions.Http("POST", "https://api.github.com/repos/contoso/app/dispatches", headers: new JsonObject { ["Authorization"] = "token " + token }), type, "/inputs/headers/Authorization", token);
            }
            case "AwsAccessKey":
            {
                var key = v.AwsAccessKey();
                return One(name, Actions.Compose(new JsonObject { ["region"] = "eu-west-1", ["accessKeyId"] = key }), type, "/inputs/accessKeyId", key);
            }
            case "SlackToken":
            {
                var token = v.SlackToken();
                return One(name, Actions.Http("POST", "https://slack.com/api/chat.postMessage", headers: new JsonObject { ["Authorization"] = "Bearer " + token }), type, "/inputs/headers/Authorization", token);
            }
            case "SendGridApiKey":
            {
                var key = v.SendGridKey();
                return One(name, Actions.Http("POST", "https://api.sendgrid.com/v3/mail/send", headers: new JsonObject { ["Authorization"] = "Bearer " + key }), type, "/inputs/headers/Authorization", key);
            }
            case "OpenAiApiKey":
            {
                var key = v.OpenAiKey();
                return One(name, Actions.Http("POST", "https://api.openai.com/v1/chat/completions", headers: new JsonObject { ["Authorization"] = "Bearer " + key }), type, "/inputs/headers/Authorization", key);
            }
            case "StripeKey":
            {
                var key = v.StripeKey();
                return One(name, Actions.InitializeVariable("stripeKey", "string", key), type, "/inputs/variables/0/value", key);
            }
            case "TwilioApiKey":
            {
                var key = v.TwilioApiKey();
                return One(name, Actions.Compose($"Twilio API key {key} for account AC{v.HexString(32)}"), type, "/inputs", key);
            }
            case "AuthenticationCredential":
                return AuthenticationCredential(name, type, variant);
            case "GenericSecret":
            {
                var secret = v.From("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 24);
                return variant == 0
                    ? One(name, Actions.InitializeVariable("smtpPassword", "string", secret), type, "/inputs/variables/0/value", secret)
                    : One(name, Actions.Http("POST", "https://partner.example.net/api/orders", body: new JsonObject { ["order"] = "@triggerBody()", ["apiSecret"] = secret }), type, "/inputs/body/apiSecret", secret);
            }
            case "ApiKeyHeader":
            {
                var key = v.ApimKey();
                return One(name, Actions.Http("GET", $"https://apim-contoso.azure-api.net/{v.Word()}/v1/items", headers: new JsonObject { ["Ocp-Apim-Subscription-Key"] = key }), type, "/inputs/headers/Ocp-Apim-Subscription-Key", key);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "unknown secret type");
        }
    }

    private Planting AuthenticationCredential(string name, string type, int variant)
    {
        var v = values;
        var password = v.Password();
        if (variant == 2)
        {
            var pfx = Convert.ToBase64String(v.Bytes(1200));
            var action = Actions.Http("GET", "https://partner.example.net/api/status", authentication: new JsonObject
            {
                ["type"] = "ClientCertificate", ["pfx"] = pfx, ["password"] = password,
            });
            return new Planting(name, action, [new(type, "/inputs/authentication/pfx", pfx), new(type, "/inputs/authentication/password", password)]);
        }
        return One(name, Actions.Http("GET", "https://erp.contoso.com/api/orders", authentication: new JsonObject
        {
            ["type"] = "Basic", ["username"] = "svc_" + v.Word(), ["password"] = password,
        }), type, "/inputs/authentication/password", password);
    }

    private static Planting One(string name, JsonObject action, string type, string pointer, string value) =>
        new(name, action, [new PlantedSecret(type, pointer, value)]);
}
