using System.Text.Json;
using System.Text.RegularExpressions;

namespace TenantScanner.SecretScanning.FlowDefinitions;

/// <summary>A trigger or action that handles a secret but leaves it visible in run history (FLOW005).</summary>
/// <param name="Reason">Why the operation carries a secret, e.g. "Key Vault GetSecret".</param>
/// <param name="InputsMustBeSecured">The secret is in the inputs (authentication, headers).</param>
/// <param name="OutputsMustBeSecured">The secret is in the outputs (a Key Vault read).</param>
public sealed record SecureDataGap(
    string Name,
    string JsonPointer,
    bool IsTrigger,
    string Reason,
    bool InputsMustBeSecured,
    bool OutputsMustBeSecured,
    bool InputsSecured,
    bool OutputsSecured);

/// <summary>
/// FLOW005: finds secret-bearing triggers and actions without secure inputs/outputs
/// (<c>runtimeConfiguration.secureData.properties</c>). Secret-bearing means: a Key Vault "Get secret"
/// (OpenApiConnection on <c>shared_keyvault</c> with operationId GetSecret/GetSecretVersion, or an
/// ApiConnection reading <c>/secrets/.../value</c>); an HTTP call whose <c>authentication</c> carries a
/// password, client secret, certificate or raw value, or whose headers carry a credential; a trigger with
/// such authentication. A credential whose value only references the outputs of operations that secure
/// their outputs (<c>Bearer @{body('Get_secret')?['value']}</c> after a secured Key Vault read) is not a gap:
/// Logic Apps then hides the downstream action's inputs in run history by itself.
/// </summary>
public static partial class SecureDataInspector
{
    private static readonly string[] SecretHeaders =
        ["authorization", "ocp-apim-subscription-key", "x-functions-key", "x-api-key", "api-key", "apikey"];

    private static readonly string[] SecretAuthenticationFields = ["password", "secret", "pfx", "value"];

    [GeneratedRegex(@"\b(?:body|outputs|actions)\(\s*'([^']+)'\s*\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex OutputReference();

    public static IReadOnlyList<SecureDataGap> Inspect(JsonElement definition, string basePointer = "")
    {
        var gaps = new List<SecureDataGap>();
        var operations = FlowDefinitionWalk.Operations(definition, basePointer).Where(o => o.Element.ValueKind == JsonValueKind.Object).ToList();
        var securedOutputs = operations.Where(o => Secured(o.Element).Outputs).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            var (reason, inputs, outputs) = Classify(operation.Element, securedOutputs);
            if (reason is null)
                continue;
            var (inputsSecured, outputsSecured) = Secured(operation.Element);
            if ((inputs && !inputsSecured) || (outputs && !outputsSecured))
                gaps.Add(new SecureDataGap(operation.Name, operation.JsonPointer, operation.IsTrigger, reason, inputs, outputs, inputsSecured, outputsSecured));
        }
        return gaps;
    }

    private static (string? Reason, bool Inputs, bool Outputs) Classify(JsonElement operation, HashSet<string> securedOutputs)
    {
        if (IsKeyVaultRead(operation))
            return ("Key Vault GetSecret returns the secret value", false, true);
        if (FlowDefinitionWalk.TryGet(operation, out var authentication, "inputs", "authentication")
            && authentication.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in SecretAuthenticationFields)
            {
                if (authentication.TryGetProperty(field, out var value) && !HiddenByUpstream(value, securedOutputs))
                    return ($"HTTP authentication carries a {field}", true, false);
            }
        }
        if (FlowDefinitionWalk.TryGet(operation, out var headers, "inputs", "headers") && headers.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headers.EnumerateObject())
            {
                if (SecretHeaders.Contains(header.Name.ToLowerInvariant()) && !HiddenByUpstream(header.Value, securedOutputs))
                    return ($"header {header.Name} carries a credential", true, false);
            }
        }
        return (null, false, false);
    }

    /// <summary>
    /// True when the value is built only from the outputs of operations that secure their outputs: Logic Apps
    /// then hides this operation's inputs in run history too, without its own secure-inputs setting.
    /// </summary>
    private static bool HiddenByUpstream(JsonElement value, HashSet<string> securedOutputs)
    {
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } text || !text.Contains('@', StringComparison.Ordinal))
            return false;
        try
        {
            var references = OutputReference().Matches(text);
            return references.Count > 0 && references.All(m => securedOutputs.Contains(m.Groups[1].Value));
        }
        catch (RegexMatchTimeoutException)
        {
            return false; // undecidable: keep the gap rather than hide it
        }
    }

    private static bool IsKeyVaultRead(JsonElement operation)
    {
        var apiId = FlowDefinitionWalk.Text(operation, "inputs", "host", "apiId")
            ?? FlowDefinitionWalk.Text(operation, "inputs", "host", "connection", "name") ?? "";
        if (!apiId.Contains("keyvault", StringComparison.OrdinalIgnoreCase))
            return false;
        var operationId = FlowDefinitionWalk.Text(operation, "inputs", "host", "operationId");
        if (operationId is "GetSecret" or "GetSecretVersion")
            return true;
        var path = FlowDefinitionWalk.Text(operation, "inputs", "path") ?? "";
        return path.Contains("/secrets/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/value", StringComparison.OrdinalIgnoreCase);
    }

    private static (bool Inputs, bool Outputs) Secured(JsonElement operation)
    {
        if (!FlowDefinitionWalk.TryGet(operation, out var properties, "runtimeConfiguration", "secureData", "properties")
            || properties.ValueKind != JsonValueKind.Array)
            return (false, false);
        var values = properties.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()).ToList();
        return (values.Contains("inputs"), values.Contains("outputs"));
    }
}
