using System.Text;
using System.Text.Json;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.FlowDefinitions;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.Tests.Secrets;

public sealed class SecretDetectorTests
{
    private const string EntraSecret = "Abc8Q~x9Yz.Tq_w-3Lm~Pq7Rs2Tu4Vw6Xy8Za0Bc";
    private const string StorageKey = "kX3vQ9m2LrT8yP1nW5bZ7cF4hJ6dS0aG2eK9uV3iO8qR1tY5wN7pM4xB6zC0fH2jL8sD3gA5kE9rU1oI7yT4vQ==";
    private static readonly SecretDetector Detector = new(SecretPatternCatalog.LoadDefault());

    private static IReadOnlyList<SecretHit> Scan(string json) => Detector.ScanJson(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("{\"authentication\":{\"type\":\"ActiveDirectoryOAuth\",\"secret\":\"" + EntraSecret + "\"}}", "EntraClientSecret", "/authentication/secret")]
    [InlineData("{\"body\":\"grant_type=client_credentials&client_secret=" + EntraSecret + "&scope=x\"}", "EntraClientSecret", "/body")]
    [InlineData("{\"inputs\":\"DefaultEndpointsProtocol=https;AccountName=st1;AccountKey=" + StorageKey + ";EndpointSuffix=core.windows.net\"}", "StorageAccountKey", "/inputs")]
    [InlineData("{\"c\":\"AccountEndpoint=https://db.documents.azure.com:443/;AccountKey=" + StorageKey + ";\"}", "CosmosDbKey", "/c")]
    [InlineData("{\"uri\":\"https://st.blob.core.windows.net/c/@{variables('f')}?sv=2022-11-02&sp=r&sig=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo%3D\"}", "StorageSasSignature", "/uri")]
    [InlineData("{\"uri\":\"https://prod-01.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Q2xhc3NpY1NpZ25hdHVyZVZhbHVlRm9yVGVzdHMxMjM\"}", "LogicAppTriggerUrlSignature", "/uri")]
    [InlineData("{\"uri\":\"https://fn-orders.azurewebsites.net/api/Run?code=aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789_-aBcDeFgHiJ==\"}", "AzureFunctionKey", "/uri")]
    [InlineData("{\"headers\":{\"x-functions-key\":\"aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\"}}", "AzureFunctionKey", "/headers/x-functions-key")]
    [InlineData("{\"v\":\"Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=q8Hc3m9Tz1Lw5Rb7Ky2Nf4Vd6Gp0Sj8Xa3Eu5Io7Qm=\"}", "ServiceBusSharedAccessKey", "/v")]
    [InlineData("{\"pat\":\"Fb4dFol081crwkIHWJH2yiqDDyrFjVSi7HWl22hN2hTYfsB8NlGDJQQJ99BAACAAAAAAAAAAAAASAZDOBucT\"}", "AzureDevOpsPat", "/pat")]
    [InlineData("{\"adoPat\":\"k3j5h7g2f4d6s3a2q4w6e3r5t7y2u4i6o3p5l7k2j4h6g3f5d7s2\"}", "AzureDevOpsPat", "/adoPat")]
    [InlineData("{\"cs\":\"Server=tcp:sql1.database.windows.net,1433;Initial Catalog=db;User ID=svc;Password=Tr0ub4dor&3x;Encrypt=True;\"}", "SqlConnectionStringPassword", "/cs")]
    [InlineData("{\"uri\":\"sftp://export:Gh7!kLm2Qp9z@sftp.contoso.net/in\"}", "UriCredentials", "/uri")]
    [InlineData("{\"headers\":{\"Authorization\":\"Basic c3ZjX2VycDpXaW50ZXIyMDI0IVNlY3JldA==\"}}", "BasicAuthCredentials", "/headers/Authorization")]
    [InlineData("{\"a\":\"-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw\\n-----END RSA PRIVATE KEY-----\"}", "PrivateKey", "/a")]
    [InlineData("{\"t\":\"ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\"}", "GitHubToken", "/t")]
    [InlineData("{\"k\":\"AKIAQ3EGUYT6HZBLMXOP\"}", "AwsAccessKey", "/k")]
    [InlineData("{\"h\":\"Bearer xoxb-12345678901-123456789012-aBcDeFgHiJkLmNoPqRsTuVwX\"}", "SlackToken", "/h")]
    [InlineData("{\"h\":\"Bearer SG.aBcDeFgHiJkLmNoPqRsTuV.aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789-_aBcDe\"}", "SendGridApiKey", "/h")]
    [InlineData("{\"h\":\"Bearer sk-proj-aBcDeFgHiJkLmNoPqRsTT3BlbkFJaBcDeFgHiJkLmNoPqRsTuVwXyZ012345\"}", "OpenAiApiKey", "/h")]
    [InlineData("{\"k\":\"sk_live_aBcDeFgHiJkLmNoPqRsTuVwXyZ01\"}", "StripeKey", "/k")]
    [InlineData("{\"k\":\"Twilio SK0123456789abcdef0123456789abcdef\"}", "TwilioApiKey", "/k")]
    [InlineData("{\"authentication\":{\"type\":\"Basic\",\"username\":\"svc\",\"password\":\"hunter2\"}}", "AuthenticationCredential", "/authentication/password")]
    [InlineData("{\"headers\":{\"Ocp-Apim-Subscription-Key\":\"3f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c\"}}", "ApiKeyHeader", "/headers/Ocp-Apim-Subscription-Key")]
    [InlineData("{\"body\":{\"apiSecret\":\"Xk2pL9qR4tV7wZ1bN5mC8\"}}", "GenericSecret", "/body/apiSecret")]
    public void Finds_each_secret_type_at_its_pointer(string json, string type, string pointer)
    {
        var hit = Assert.Single(Scan(json));

        Assert.Equal((type, pointer), (hit.SecretType, hit.JsonPointer));
    }

    [Fact]
    public void Finds_a_bearer_jwt_whose_header_decodes_to_json_with_alg_but_not_a_lookalike()
    {
        var header = Convert.ToBase64String("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"u8).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var payload = Convert.ToBase64String("{\"sub\":\"1234567890\",\"aud\":\"api\"}"u8).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var notJwtHeader = Convert.ToBase64String("{\"kind\":\"note\",\"typ\":\"x\"}"u8).TrimEnd('=');

        var hit = Assert.Single(Scan($"{{\"h\":\"Bearer {header}.{payload}.c2lnbmF0dXJlLWJ5dGVzLWhlcmUtMTIz\"}}"));
        Assert.Equal("JsonWebToken", hit.SecretType);
        Assert.Empty(Scan($"{{\"x\":\"{notJwtHeader}.{payload}.c2lnbmF0dXJlLWJ5dGVzLWhlcmUtMTIz\"}}"));
    }

    [Theory]
    [InlineData("{\"authentication\":{\"type\":\"Basic\",\"password\":\"@parameters('erpPassword')\"}}")]
    [InlineData("{\"authentication\":{\"type\":\"Basic\",\"password\":\"@{body('Get_secret')?['value']}\"}}")]
    [InlineData("{\"headers\":{\"Authorization\":\"Bearer @{body('Get_token')?['access_token']}\"}}")]
    [InlineData("{\"clientSecret\":\"@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/app/)\"}")]
    [InlineData("{\"secretUri\":\"https://kv.vault.azure.net/secrets/sendgrid/0123456789abcdef0123456789abcdef\"}")]
    [InlineData("{\"clientSecret\":\"00000000-1111-2222-3333-444444444444\",\"token\":\"6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f\"}")]
    [InlineData("{\"password\":\"<your-password>\",\"apiKey\":\"YOUR_API_KEY\",\"secret\":\"${CLIENT_SECRET}\",\"token\":\"********\",\"pwd\":\"changeme\"}")]
    [InlineData("{\"c\":\"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;\"}")]
    [InlineData("{\"accessKeyId\":\"AKIAIOSFODNN7EXAMPLE\",\"secretAccessKey\":\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"}")]
    [InlineData("{\"sha512\":\"" + StorageKey + "\",\"documentHash\":\"" + StorageKey + "\",\"etag\":\"0x8DB2F1A3C4D5E6F\",\"thumbprint\":\"A1B2C3D4E5F60718293A4B5C6D7E8F9012345678\"}")]
    [InlineData("{\"$content-type\":\"image/png\",\"$content\":\"" + StorageKey + "\"}")]
    [InlineData("{\"publicKey\":\"-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw\\n-----END PUBLIC KEY-----\"}")]
    [InlineData("{\"uri\":\"https://prod-1.westeurope.logic.azure.com/workflows/a/triggers/manual/paths/invoke?api-version=1&sv=1.0&sig=@{parameters('sig')}\"}")]
    [InlineData("{\"cs\":\"Server=tcp:sql1;Database=db;User ID=svc;Password=@{parameters('sqlPassword')};\"}")]
    [InlineData("{\"h\":\"Basic dGVzdA==\"}")]
    [InlineData("{\"runId\":\"08584123456789012345678901234CU12\",\"channelId\":\"19:0123456789abcdef0123456789abcdef@thread.tacv2\"}")]
    [InlineData("{\"t\":\"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}")]
    [InlineData("{\"tokenEndpoint\":\"https://login.microsoftonline.com/contoso/oauth2/v2.0/token\",\"tokenType\":\"Bearer\",\"passwordPolicy\":\"DisablePasswordExpiration\"}")]
    public void Ignores_references_placeholders_examples_hashes_and_file_content(string json)
    {
        Assert.Empty(Scan(json));
    }

    [Fact]
    public void Pretty_printed_and_minified_documents_give_the_line_and_column_of_the_string()
    {
        var minified = "{\"a\":1,\"k\":\"ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\"}";
        var pretty = "{\n  \"a\": 1,\n  \"naïve\": \"é\",\n  \"k\": \"ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\"\n}";

        var flat = Assert.Single(Scan(minified));
        var indented = Assert.Single(Scan(pretty));

        Assert.Equal((1, 12), (flat.Line, flat.Column));
        Assert.Equal((4, 8), (indented.Line, indented.Column));
    }

    [Fact]
    public void Pointers_escape_slash_and_tilde_in_property_names()
    {
        var hit = Assert.Single(Scan("{\"emailMessage/Body\":{\"a~b\":\"ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\"}}"));

        Assert.Equal("/emailMessage~1Body/a~0b", hit.JsonPointer);
    }

    [Fact]
    public void Secrets_inside_a_clientdata_string_are_found_with_a_pointer_into_the_inner_document()
    {
        var inner = JsonSerializer.Serialize(new { properties = new { definition = new { actions = new { Call = new { inputs = new { authentication = new { type = "Basic", password = "S3cr3t!Pass" } } } } } } });
        var row = JsonSerializer.Serialize(new { workflowid = Guid.Empty, clientdata = inner });

        var hit = Assert.Single(Scan(row));

        Assert.Equal("/clientdata/properties/definition/actions/Call/inputs/authentication/password", hit.JsonPointer);
        Assert.Equal(1, hit.Line);
    }

    [Theory]
    [InlineData("{\"parameters\":{\"pw\":{\"type\":\"SecureString\",\"defaultValue\":\"Pa55w0rd!\"}}}")]
    [InlineData("{\"parameters\":{\"pw\":{\"defaultValue\":\"Pa55w0rd!\",\"type\":\"SecureString\"}}}")]
    public void Secure_string_parameter_default_is_a_secret_whatever_the_property_order(string json)
    {
        var hit = Assert.Single(Scan(json));

        Assert.Equal(("AuthenticationCredential", "/parameters/pw/defaultValue"), (hit.SecretType, hit.JsonPointer));
    }

    [Fact]
    public void A_long_certificate_blob_that_contains_a_placeholder_word_by_chance_is_still_a_secret()
    {
        var pfx = "MIIKUQIBAzCCCg0GCSqGSIb3DQEHAaCCCf4Egg" + new string('A', 300) + "TODOxxxxQ" + new string('B', 300) + "dummy1z9";

        var hit = Assert.Single(Scan("{\"authentication\":{\"type\":\"ClientCertificate\",\"pfx\":\"" + pfx + "\"}}"));

        Assert.Equal(("AuthenticationCredential", "/authentication/pfx"), (hit.SecretType, hit.JsonPointer));
    }

    [Fact]
    public void A_plain_string_parameter_default_is_not_a_secret()
    {
        Assert.Empty(Scan("{\"parameters\":{\"region\":{\"type\":\"String\",\"defaultValue\":\"westeurope-primary\"}}}"));
    }

    [Fact]
    public void Name_value_pairs_are_judged_by_the_name()
    {
        var hits = Scan("{\"variables\":[{\"name\":\"smtpPassword\",\"type\":\"string\",\"value\":\"Qw8rT2yU6iO0pA4s\"},{\"name\":\"greeting\",\"type\":\"string\",\"value\":\"Qw8rT2yU6iO0pA4s\"}]}");

        var hit = Assert.Single(hits);
        Assert.Equal(("GenericSecret", "/variables/0/value"), (hit.SecretType, hit.JsonPointer));
    }

    [Fact]
    public void Hits_carry_only_the_redacted_preview_and_fingerprint()
    {
        var hit = Assert.Single(Scan("{\"k\":\"ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\"}"));

        Assert.Equal(SecretRedaction.Preview("ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"), hit.Preview);
        Assert.Equal(SecretRedaction.Fingerprint("ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"), hit.Fingerprint);
        Assert.DoesNotContain("aBcDeFgHiJkLmNoPqRsTuVwXyZ", hit.ToString());
    }

    [Fact]
    public void A_lone_surrogate_escape_is_refused_as_malformed_json_with_its_position()
    {
        // Valid JSON syntax, but "\ud800" cannot be read as text; the CLI must report it like any bad file.
        var json = "{\n  \"ok\": \"fine\",\n  \"password\": \"longer-than-sixteen-characters-\\ud800-tail\"\n}";

        var error = Assert.Throws<MalformedJsonException>(() => Scan(json));

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Malformed_json_error_names_the_position_but_never_the_content()
    {
        const string secret = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
        var json = "{\n  \"k\": \"" + secret + "\",\n  \"x\": " + secret + "\n}";

        var error = Assert.Throws<MalformedJsonException>(() => Scan(json));

        Assert.Equal(3, error.Line);
        Assert.DoesNotContain(secret, error.ToString());
        Assert.DoesNotContain("ghp_", error.ToString());
    }

    [Fact]
    public void Element_scan_prefixes_the_base_pointer_and_has_no_line()
    {
        using var document = JsonDocument.Parse("{\"actions\":{\"A\":{\"inputs\":{\"k\":\"ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\"}}}}");

        var hit = Assert.Single(Detector.ScanJson(document.RootElement, "/properties/definition"));

        Assert.Equal("/properties/definition/actions/A/inputs/k", hit.JsonPointer);
        Assert.Null(hit.Line);
    }

    [Fact]
    public void Single_values_are_judged_with_their_key()
    {
        Assert.Equal("GenericSecret", Assert.Single(Detector.ScanValue("Xk2pL9qR4tV7wZ1bN5mC8", "contoso_ApiPassword")).SecretType);
        Assert.Empty(Detector.ScanValue("Xk2pL9qR4tV7wZ1bN5mC8", "contoso_Region"));
        Assert.Equal("", Assert.Single(Detector.ScanValue("use AKIAQ3EGUYT6HZBLMXOP for uploads", null)).JsonPointer);
    }

    [Fact]
    public void Detectors_with_different_catalogs_on_one_thread_each_use_their_own_patterns()
    {
        const string yaml = "version: 1\npatterns:\n  - id: acme-token\n    secretType: AcmeToken\n    keywords: [\"acme_\"]\n    regex: 'acme_[a-z0-9]{20}'\n    confidence: high\n";
        var acme = new SecretDetector(SecretPatternCatalog.Parse(yaml, "acme.yaml"));
        var json = Encoding.UTF8.GetBytes("{\"a\":\"acme_k3j5h7g2f4d6s3a2q4w6\",\"t\":\"ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\"}");

        // Alternating on one thread: a walker kept for one detector must not serve the other.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("GitHubToken", Assert.Single(Detector.ScanJson(json)).SecretType);
            Assert.Equal("AcmeToken", Assert.Single(acme.ScanJson(json)).SecretType);
        }
    }

    [Fact]
    public void A_document_scanned_after_a_malformed_one_is_judged_from_a_clean_state()
    {
        Assert.Throws<MalformedJsonException>(() => Scan("{\"authentication\":{\"type\":\"SecureString\",\"password\":"));

        var hit = Assert.Single(Scan("{\"a\":{\"value\":\"Xk2pL9qR4tV7wZ1bN5mC8\"},\"t\":\"AKIAQ3EGUYT6HZBLMXOP\"}"));

        Assert.Equal("/t", hit.JsonPointer);
    }

    [Fact]
    public void Escaped_clientdata_is_walked_and_a_string_that_only_looks_like_json_is_judged_as_text()
    {
        var inner = "{\"k\":\"ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\",\"u\":\"https:\\/\\/x.example\\/\u00e9\"}";
        var row = JsonSerializer.Serialize(new { clientdata = inner, note = "{not json, but AKIAQ3EGUYT6HZBLMXOP inside}" });

        var hits = Scan(row);

        Assert.Equal(["/clientdata/k", "/note"], hits.Select(h => h.JsonPointer));
        Assert.Equal(["GitHubToken", "AwsAccessKey"], hits.Select(h => h.SecretType));
    }

    [Fact]
    public void Property_names_stay_right_after_the_name_cache_starts_over()
    {
        // More distinct names than the walker caches, then the names a secret depends on.
        var many = string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"Action_{i}\":{{\"type\":\"Compose\"}}"));
        Assert.Empty(Scan("{" + many + "}"));

        var hit = Assert.Single(Scan("{\"authentication\":{\"type\":\"Basic\",\"password\":\"hunter2\"}}"));

        Assert.Equal("/authentication/password", hit.JsonPointer);
        Assert.Equal("AuthenticationCredential", hit.SecretType);
    }
}
