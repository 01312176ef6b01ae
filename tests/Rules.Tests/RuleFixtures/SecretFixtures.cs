using System.Text.Json;
using TenantScanner.Rules.Findings;
using TenantScanner.SecretScanning;
using TenantScanner.Inventory;
using TenantScanner.Tests.Engine;

namespace TenantScanner.Tests.RuleFixtures;

/// <summary>Fake secrets in the shapes the detector knows, and flow definitions that hold them.</summary>
internal static class Secrets
{
    /// <summary>An Entra client secret shape: three characters, a digit, Q~, 40 characters in all. Fake.</summary>
    public const string ClientSecret = "Xy78Q~Gh3kLm9PqRsTuVwXyZa1b2C3d4E5f6G7h8";
    public const string OtherClientSecret = "Ab47Q~Zr8Tq2Wm5Np7Ks3Jd6Hf1Lg4Vb9Xc0Yz2";
    public const string Password = "Smtp#Relay-5gti6nie!x";

    /// <summary>An 88-character storage account key (64 bytes of base64). Fake.</summary>
    public static readonly string StorageKey = Convert.ToBase64String(Enumerable.Range(0, 64).Select(i => (byte)(i * 37 + 11)).ToArray());

    public static JsonElement DefinitionWithTokenRequest(string secret, string actionName = "HTTP_Get_token") => TestTenant.Definition($$"""
        {
          "triggers": { "Recurrence": { "type": "Recurrence" } },
          "actions": {
            "{{actionName}}": { "type": "Http", "inputs": { "method": "POST", "uri": "https://login.microsoftonline.com/t/oauth2/v2.0/token",
              "body": "grant_type=client_credentials&client_id=2b7e4f1c-9d3a-4c8e-b6f5-1a0d9e8c7b6a&client_secret={{secret}}" } }
          }
        }
        """);

    public static TestTenant WithDefinition(this TestTenant tenant, JsonElement definition) =>
        tenant.With(t => t.Flow = t.Flow with { Definition = definition });

    /// <summary>Everything a finding could print: message, resource, evidence.</summary>
    public static string Text(IEnumerable<Finding> findings) => JsonSerializer.Serialize(findings);

    public static void AssertAbsent(string secret, IEnumerable<Finding> findings)
    {
        var text = Text(findings);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(JsonSerializer.Serialize(secret)[1..^1], text, StringComparison.Ordinal);
    }
}

[RuleFixture("FLOW004")]
public sealed class Flow004Fixtures
{
    [Fact]
    public void Passes_flow_whose_definition_reads_its_secret_from_key_vault() => RuleRun.For("FLOW004", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_client_secret_in_an_http_body_with_its_pointer_preview_and_fingerprint()
    {
        var result = RuleRun.For("FLOW004", TestTenant.KnownGood().WithDefinition(Secrets.DefinitionWithTokenRequest(Secrets.ClientSecret)));
        var finding = result.SingleFinding;
        Assert.Equal(Severity.Critical, finding.Severity);
        Assert.Equal(("flow", "flow-invoices"), (finding.Resource.Type, finding.Resource.Id));
        Assert.Contains("EntraClientSecret in HTTP_Get_token", finding.Message, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, e => e.File == "flow/flows/flow-invoices.json" && e.JsonPointer == "/properties/definition/actions/HTTP_Get_token/inputs/body");
        Assert.Contains(finding.Evidence, e => e.Redacted && e.Value == SecretRedaction.Preview(Secrets.ClientSecret));
        Assert.Contains(finding.Evidence, e => e.Redacted && e.Value == SecretRedaction.Fingerprint(Secrets.ClientSecret));
        Assert.Contains(SecretRedaction.Fingerprint(Secrets.ClientSecret), finding.Message, StringComparison.Ordinal);
        Secrets.AssertAbsent(Secrets.ClientSecret, result.Findings);
    }

    [Fact]
    public void Flags_two_different_secrets_of_one_flow_as_two_findings()
    {
        var definition = TestTenant.Definition($$"""
            {
              "triggers": { "Recurrence": { "type": "Recurrence" } },
              "actions": {
                "Compose_storage": { "type": "Compose", "inputs": "DefaultEndpointsProtocol=https;AccountName=stpayroll;AccountKey={{Secrets.StorageKey}};EndpointSuffix=core.windows.net" },
                "Scope": { "type": "Scope", "actions": {
                  "HTTP_Get_token": { "type": "Http", "inputs": { "method": "POST", "uri": "https://login.microsoftonline.com/t/oauth2/v2.0/token",
                    "body": "grant_type=client_credentials&client_secret={{Secrets.ClientSecret}}" } } } }
              }
            }
            """);
        var findings = RuleRun.For("FLOW004", TestTenant.KnownGood().WithDefinition(definition)).Findings;
        Assert.Equal(2, findings.Count);
        Assert.Equal(2, findings.Select(f => f.Fingerprint).Distinct().Count());
        Assert.Contains(findings, f => f.Message.Contains("StorageAccountKey in Compose_storage", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Evidence.Any(e => e.JsonPointer == "/properties/definition/actions/Scope/actions/HTTP_Get_token/inputs/body"));
        Secrets.AssertAbsent(Secrets.StorageKey, findings);
        Secrets.AssertAbsent(Secrets.ClientSecret, findings);
    }

    [Fact]
    public void Flags_the_same_secret_in_two_flows_with_the_same_secret_fingerprint()
    {
        var tenant = TestTenant.KnownGood().WithDefinition(Secrets.DefinitionWithTokenRequest(Secrets.ClientSecret)).With(t => t.ExtraFlows.Add(t.Flow with
        {
            Id = "flow-copy", DisplayName = "Invoice approval (copy)", Definition = Secrets.DefinitionWithTokenRequest(Secrets.ClientSecret, "HTTP_Token_copy"),
        }));
        var findings = RuleRun.For("FLOW004", tenant).Findings;
        Assert.Equal(2, findings.Count);
        Assert.NotEqual(findings[0].Fingerprint, findings[1].Fingerprint);
        var fingerprint = SecretRedaction.Fingerprint(Secrets.ClientSecret);
        Assert.All(findings, f => Assert.Contains(f.Evidence, e => e.Value == fingerprint));
    }

    [Fact]
    public void Gives_a_rotated_secret_a_new_finding_fingerprint()
    {
        var before = RuleRun.For("FLOW004", TestTenant.KnownGood().WithDefinition(Secrets.DefinitionWithTokenRequest(Secrets.ClientSecret))).SingleFinding;
        var after = RuleRun.For("FLOW004", TestTenant.KnownGood().WithDefinition(Secrets.DefinitionWithTokenRequest(Secrets.OtherClientSecret))).SingleFinding;
        Assert.NotEqual(before.Fingerprint, after.Fingerprint);
    }

    [Fact]
    public void Passes_expressions_placeholders_and_guids_under_secret_names()
    {
        var definition = TestTenant.Definition("""
            {
              "triggers": { "Recurrence": { "type": "Recurrence" } },
              "actions": { "Compose_settings": { "type": "Compose", "inputs": {
                "clientSecret": "@parameters('ClientSecret')", "apiKey": "<your-api-key>", "clientId": "2b7e4f1c-9d3a-4c8e-b6f5-1a0d9e8c7b6a" } } }
            }
            """);
        RuleRun.For("FLOW004", TestTenant.KnownGood().WithDefinition(definition)).AssertPassed();
    }

    [Fact]
    public void Is_inconclusive_when_the_definition_was_not_read()
    {
        var result = RuleRun.For("FLOW004", TestTenant.KnownGood().With(t => t.Flow = t.Flow with { Definition = null, DefinitionSource = null }));
        Assert.Empty(result.Findings);
        Assert.Equal(0, result.Summary.Passed);
        Assert.Contains("definition of flow Invoice approval was not read", result.SingleInconclusive.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_inconclusive_when_a_value_of_the_definition_could_not_be_fully_judged()
    {
        var definition = TestTenant.Definition($$"""
            {
              "triggers": { "Recurrence": { "type": "Recurrence" } },
              "actions": { "Compose_note": { "type": "Compose", "inputs": "{{TimingOutDetector.Text}}" } }
            }
            """);

        var result = RuleRun.For("FLOW004", TestTenant.KnownGood().WithDefinition(definition), secrets: TimingOutDetector.Detector);

        Assert.Empty(result.Findings);
        Assert.Equal(0, result.Summary.Passed);
        Assert.Equal("value at /properties/definition/actions/Compose_note/inputs of flow/flows/flow-invoices.json was not fully judged: detector backtracking timed out",
            result.SingleInconclusive.Reason);
        Assert.DoesNotContain("slowpoke", JsonSerializer.Serialize(result.Inconclusive), StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_a_secret_found_beside_a_value_that_could_not_be_fully_judged_and_names_that_value()
    {
        var definition = TestTenant.Definition($$"""
            {
              "triggers": { "Recurrence": { "type": "Recurrence" } },
              "actions": {
                "Compose_note": { "type": "Compose", "inputs": "{{TimingOutDetector.Text}}" },
                "Compose_token": { "type": "Compose", "inputs": "{{TimingOutDetector.Token}}" }
              }
            }
            """);

        var result = RuleRun.For("FLOW004", TestTenant.KnownGood().WithDefinition(definition), secrets: TimingOutDetector.Detector);

        var finding = result.SingleFinding;
        Assert.Empty(result.Inconclusive);
        Assert.Contains("AcmeToken in Compose_token", finding.Message, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, e => e.JsonPointer == "/properties/definition/actions/Compose_note/inputs"
            && e.Description!.Contains("not fully judged: detector backtracking timed out", StringComparison.Ordinal));
        Secrets.AssertAbsent(TimingOutDetector.Token, result.Findings);
        Assert.DoesNotContain("slowpoke", Secrets.Text(result.Findings), StringComparison.Ordinal);
    }

    [Fact]
    public void Is_inconclusive_when_flow_details_of_the_environment_could_not_be_read()
    {
        var result = RuleRun.For("FLOW004", TestTenant.KnownGood().WithGap("flow.flowDetails", "env-prod"));
        Assert.Contains("flow.flowDetails", result.SingleInconclusive.Reason, StringComparison.Ordinal);
        Assert.Equal(0, result.Summary.Passed);
    }
}

[RuleFixture("FLOW005")]
public sealed class Flow005Fixtures
{
    [Fact]
    public void Passes_key_vault_read_with_secure_outputs_and_the_call_that_uses_it() => RuleRun.For("FLOW005", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_key_vault_read_without_secure_outputs_and_the_call_that_sends_it()
    {
        var definition = TestTenant.Definition(TestTenant.CleanDefinitionJson.Replace(
            "\"runtimeConfiguration\": { \"secureData\": { \"properties\": [\"inputs\", \"outputs\"] } }", "\"description\": \"insecure\"", StringComparison.Ordinal));
        var finding = RuleRun.For("FLOW005", TestTenant.KnownGood().WithDefinition(definition)).SingleFinding;
        Assert.Equal("Flow 'Invoice approval' handles secrets without secure inputs/outputs in Get_secret (outputs), HTTP_Post_payroll (inputs); the values are readable in its run history.",
            finding.Message);
        Assert.Contains(finding.Evidence, e => e.File == "flow/flows/flow-invoices.json" && e.JsonPointer == "/properties/definition/actions/Get_secret");
        Assert.Contains(finding.Evidence, e => e.JsonPointer == "/properties/definition/actions/HTTP_Post_payroll");
    }

    [Fact]
    public void Flags_http_call_with_basic_authentication_without_secure_inputs()
    {
        var definition = TestTenant.Definition($$"""
            {
              "triggers": { "Recurrence": { "type": "Recurrence" } },
              "actions": { "If": { "type": "If", "actions": {}, "else": { "actions": {
                "HTTP_Post_to_SAP": { "type": "Http", "inputs": { "method": "POST", "uri": "https://sap.contoso.com/x",
                  "authentication": { "type": "Basic", "username": "svc", "password": "@parameters('SapPassword')" } } } } } } }
            }
            """);
        var finding = RuleRun.For("FLOW005", TestTenant.KnownGood().WithDefinition(definition)).SingleFinding;
        Assert.Contains("HTTP_Post_to_SAP (inputs)", finding.Message, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, e => e.JsonPointer == "/properties/definition/actions/If/else/actions/HTTP_Post_to_SAP");
    }

    [Fact]
    public void Is_inconclusive_when_the_definition_was_not_read()
    {
        var result = RuleRun.For("FLOW005", TestTenant.KnownGood().With(t => t.Flow = t.Flow with { Definition = null, DefinitionSource = null }));
        Assert.Contains("definition of flow Invoice approval was not read", result.SingleInconclusive.Reason, StringComparison.Ordinal);
        Assert.Equal(0, result.Summary.Passed);
    }
}

[RuleFixture("FLOW006")]
public sealed class Flow006Fixtures
{
    private static JsonElement RequestTrigger(string? authentication) => TestTenant.Definition($$"""
        {
          "triggers": { "manual": { "type": "Request", "kind": "Http", "inputs": { {{(authentication is null ? "" : $"\"triggerAuthenticationType\": \"{authentication}\",")}} "schema": {} } } },
          "actions": {}
        }
        """);

    [Fact]
    public void Passes_scheduled_flow() => RuleRun.For("FLOW006", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Passes_http_trigger_restricted_to_users_of_the_tenant() =>
        RuleRun.For("FLOW006", TestTenant.KnownGood().WithDefinition(RequestTrigger("Tenant"))).AssertPassed();

    [Fact]
    public void Flags_http_trigger_without_trigger_authentication_type()
    {
        var finding = RuleRun.For("FLOW006", TestTenant.KnownGood().WithDefinition(RequestTrigger(null))).SingleFinding;
        Assert.Equal("Flow 'Invoice approval' has HTTP request triggers (manual) that anyone holding the URL can call; the URL's signature is the only protection.", finding.Message);
        Assert.Contains(finding.Evidence, e => e.JsonPointer == "/properties/definition/triggers/manual" && e.Value == "(absent)");
    }

    [Fact]
    public void Flags_http_trigger_open_to_anyone() =>
        Assert.Contains(RuleRun.For("FLOW006", TestTenant.KnownGood().WithDefinition(RequestTrigger("All"))).SingleFinding.Evidence, e => e.Value == "All");

    [Fact]
    public void Is_inconclusive_when_the_definition_was_not_read()
    {
        var result = RuleRun.For("FLOW006", TestTenant.KnownGood().With(t => t.Flow = t.Flow with { Definition = null, DefinitionSource = null }));
        Assert.Contains("definition of flow Invoice approval was not read", result.SingleInconclusive.Reason, StringComparison.Ordinal);
    }
}

[RuleFixture("CRED006")]
public sealed class Cred006Fixtures
{
    private static EnvironmentVariable Variable(string schemaName, EnvironmentVariableType type, string? current, string? fallback) => new()
    {
        DefinitionId = "evd-9", EnvironmentId = "env-prod", SchemaName = schemaName, DisplayName = schemaName, Type = type,
        CurrentValue = current, DefaultValue = fallback,
        Source = TestTenant.Src("/value/2", "dataverse/prod/environmentvariabledefinitions.json"),
        ValueSource = current is null ? null : TestTenant.Src("/value/1", "dataverse/prod/environmentvariablevalues.json"),
    };

    [Fact]
    public void Passes_secret_type_variable_and_a_plain_url() => RuleRun.For("CRED006", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_password_in_the_current_value_of_a_string_variable()
    {
        var result = RuleRun.For("CRED006", TestTenant.KnownGood().With(t => t.EnvironmentVariables.Add(
            Variable("cp_SmtpRelayPassword", EnvironmentVariableType.String, Secrets.Password, null))));
        var finding = result.SingleFinding;
        Assert.Equal(("environmentVariable", "evd-9"), (finding.Resource.Type, finding.Resource.Id));
        Assert.Contains("type string", finding.Message, StringComparison.Ordinal);
        Assert.Contains("in its value", finding.Message, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, e => e.File == "dataverse/prod/environmentvariablevalues.json" && e.JsonPointer == "/value/1/value"
            && e.Redacted && e.Value == SecretRedaction.Preview(Secrets.Password));
        Secrets.AssertAbsent(Secrets.Password, result.Findings);
    }

    [Fact]
    public void Flags_client_secret_in_the_default_value()
    {
        var finding = RuleRun.For("CRED006", TestTenant.KnownGood().With(t => t.EnvironmentVariables.Add(
            Variable("cp_SapSettings", EnvironmentVariableType.Json, null, $$"""{"clientId":"2b7e4f1c-9d3a-4c8e-b6f5-1a0d9e8c7b6a","clientSecret":"{{Secrets.ClientSecret}}"}""")))).SingleFinding;
        Assert.Contains("EntraClientSecret in its defaultvalue", finding.Message, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, e => e.JsonPointer == "/value/2/defaultvalue");
    }

    [Fact]
    public void Passes_secret_type_variable_whatever_its_value()
    {
        var result = RuleRun.For("CRED006", TestTenant.KnownGood().With(t => t.EnvironmentVariables.Add(
            Variable("cp_SmtpRelayPassword", EnvironmentVariableType.Secret, Secrets.Password, null))));
        Assert.Empty(result.Findings);
        Assert.Equal(3, result.Summary.Passed);
    }

    [Fact]
    public void Is_inconclusive_when_the_value_could_not_be_fully_judged()
    {
        var result = RuleRun.For("CRED006", TestTenant.KnownGood().With(t => t.EnvironmentVariables.Add(
            Variable("cp_SyncNote", EnvironmentVariableType.String, TimingOutDetector.Text, null))), secrets: TimingOutDetector.Detector);

        Assert.Empty(result.Findings);
        var inconclusive = result.SingleInconclusive;
        Assert.Equal(("environmentVariable", "evd-9"), (inconclusive.Resource.Type, inconclusive.Resource.Id));
        Assert.Equal("value at /value/1/value of dataverse/prod/environmentvariablevalues.json was not fully judged: detector backtracking timed out", inconclusive.Reason);
        Assert.DoesNotContain("slowpoke", JsonSerializer.Serialize(result.Inconclusive), StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_a_secret_in_the_default_value_when_the_current_value_could_not_be_fully_judged()
    {
        var result = RuleRun.For("CRED006", TestTenant.KnownGood().With(t => t.EnvironmentVariables.Add(
            Variable("cp_SyncNote", EnvironmentVariableType.String, TimingOutDetector.Text, "key " + TimingOutDetector.Token))), secrets: TimingOutDetector.Detector);

        var finding = result.SingleFinding;
        Assert.Empty(result.Inconclusive);
        Assert.Contains("AcmeToken in its defaultvalue", finding.Message, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, e => e.JsonPointer == "/value/1/value" && e.Description!.Contains("not fully judged", StringComparison.Ordinal));
        Secrets.AssertAbsent(TimingOutDetector.Token, result.Findings);
    }

    [Fact]
    public void Is_inconclusive_when_environment_variable_values_could_not_be_read()
    {
        var result = RuleRun.For("CRED006", TestTenant.KnownGood().WithGap("dataverse.environmentvariablevalues", "env-prod"));
        Assert.Equal(2, result.Inconclusive.Count);
        Assert.All(result.Inconclusive, i => Assert.Contains("dataverse.environmentvariablevalues", i.Reason, StringComparison.Ordinal));
        Assert.Equal(0, result.Summary.Passed);
    }
}

[RuleFixture("CRED007")]
public sealed class Cred007Fixtures
{
    [Fact]
    public void Passes_applications_whose_notes_and_tags_hold_no_secret() => RuleRun.For("CRED007", TestTenant.KnownGood()).AssertPassed();

    [Fact]
    public void Flags_client_secret_pasted_into_the_app_registration_notes()
    {
        var result = RuleRun.For("CRED007", TestTenant.KnownGood().With(t => t.App = t.App with
        {
            Notes = $"Payroll connector. Backup client secret: {Secrets.ClientSecret}",
        }));
        var finding = result.SingleFinding;
        Assert.Equal(("servicePrincipal", "sp-payroll"), (finding.Resource.Type, finding.Resource.Id));
        Assert.Equal($"Application 'Payroll Sync' has secrets written in its properties: app registration notes: EntraClientSecret {SecretRedaction.Preview(Secrets.ClientSecret)}; every user who can read the directory can read them.",
            finding.Message);
        Assert.Contains(finding.Evidence, e => e.File == "graph/applications.json" && e.JsonPointer == "/value/0/notes" && e.Redacted);
        Secrets.AssertAbsent(Secrets.ClientSecret, result.Findings);
    }

    [Fact]
    public void Flags_storage_connection_string_in_a_service_principal_tag()
    {
        var connectionString = $"DefaultEndpointsProtocol=https;AccountName=stpayroll;AccountKey={Secrets.StorageKey};EndpointSuffix=core.windows.net";
        var result = RuleRun.For("CRED007", TestTenant.KnownGood().With(t => t.Sp = t.Sp with { Tags = [.. t.Sp.Tags, "storage=" + connectionString] }));
        var finding = result.SingleFinding;
        Assert.Contains("service principal tags: StorageAccountKey", finding.Message, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, e => e.File == "graph/servicePrincipals.json" && e.JsonPointer == "/value/0/tags/2");
        Secrets.AssertAbsent(Secrets.StorageKey, result.Findings);
    }

    [Fact]
    public void Is_inconclusive_when_notes_could_not_be_fully_judged()
    {
        var result = RuleRun.For("CRED007", TestTenant.KnownGood().With(t => t.App = t.App with { Notes = TimingOutDetector.Text }), secrets: TimingOutDetector.Detector);

        Assert.Empty(result.Findings);
        var inconclusive = Assert.Single(result.Inconclusive, i => i.Resource.Id == "sp-payroll");
        Assert.Equal("value at /value/0/notes of graph/applications.json was not fully judged: detector backtracking timed out", inconclusive.Reason);
        Assert.DoesNotContain("slowpoke", JsonSerializer.Serialize(result.Inconclusive), StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_a_secret_in_the_notes_when_a_tag_could_not_be_fully_judged()
    {
        var result = RuleRun.For("CRED007", TestTenant.KnownGood().With(t =>
        {
            t.App = t.App with { Notes = "Payroll connector, key " + TimingOutDetector.Token };
            t.Sp = t.Sp with { Tags = [.. t.Sp.Tags, TimingOutDetector.Text] };
        }), secrets: TimingOutDetector.Detector);

        var finding = result.SingleFinding;
        Assert.DoesNotContain(result.Inconclusive, i => i.Resource.Id == "sp-payroll");
        Assert.Contains("app registration notes: AcmeToken", finding.Message, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, e => e.File == "graph/servicePrincipals.json" && e.JsonPointer == "/value/0/tags/2"
            && e.Description!.Contains("not fully judged: detector backtracking timed out", StringComparison.Ordinal));
        Secrets.AssertAbsent(TimingOutDetector.Token, result.Findings);
        Assert.DoesNotContain("slowpoke", Secrets.Text(result.Findings), StringComparison.Ordinal);
    }

    [Fact]
    public void Is_inconclusive_when_applications_could_not_be_read()
    {
        var result = RuleRun.For("CRED007", TestTenant.KnownGood().WithGap("graph.applications"));
        Assert.NotEmpty(result.Inconclusive);
        Assert.All(result.Inconclusive, i => Assert.Contains("graph.applications", i.Reason, StringComparison.Ordinal));
        Assert.Equal(0, result.Summary.Passed);
    }
}
