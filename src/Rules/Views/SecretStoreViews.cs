using TenantScanner.Rules.Findings;
using TenantScanner.Inventory;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Views;

/// <summary><c>environmentVariable</c>: a Dataverse environment variable. Values are exposed only to detectors, never as fields.</summary>
internal sealed class EnvironmentVariableView : ResourceType<EnvironmentVariable>
{
    public static readonly ViewSchema Fields = new ViewSchema("environmentVariable").AddRange([
        FieldDefinition.Scalar<EnvironmentVariable>("schemaName", "string", "Schema name.", v => v.SchemaName),
        FieldDefinition.Scalar<EnvironmentVariable>("displayName", "string", "Display name.", v => v.DisplayName),
        FieldDefinition.Scalar<EnvironmentVariable>("type", "string", "string, number, boolean, json, dataSource, secret or unknown.", v => FieldNames.EnumId(v.Type)),
        FieldDefinition.Scalar<EnvironmentVariable>("hasDefaultValue", "boolean", "True when a default value is set.", v => !string.IsNullOrEmpty(v.DefaultValue)),
        FieldDefinition.Scalar<EnvironmentVariable>("hasCurrentValue", "boolean", "True when a current value is set.", v => !string.IsNullOrEmpty(v.CurrentValue)),
        FieldDefinition.Object<EnvironmentVariable>("environment", EnvironmentView.Fields, "The environment it lives in.",
            (v, s) => EnvironmentView.Resolve(v.EnvironmentId, s)),
    ]);

    public override string Name => "environmentVariable";
    public override string Description => "A Dataverse environment variable.";
    public override ViewSchema Schema => Fields;

    protected override IEnumerable<EnvironmentVariable> Items(ScanServices scan) => scan.Inventory.EnvironmentVariables;

    protected override ResourceRef Describe(EnvironmentVariable item, TenantInventory inventory) => new()
    {
        Type = Name, Id = item.DefinitionId, DisplayName = item.DisplayName ?? item.SchemaName, EnvironmentId = item.EnvironmentId,
        EnvironmentName = inventory.FindEnvironment(item.EnvironmentId)?.DisplayName,
    };

    protected override string? EnvironmentOf(EnvironmentVariable item) => item.EnvironmentId;

    protected override IEnumerable<SourceLocation> Sources(EnvironmentVariable item) =>
        item.ValueSource is { } value ? [item.Source, value] : [item.Source];
}

/// <summary><c>keyVaultSecret</c>: Key Vault secret metadata (never the value).</summary>
internal sealed class KeyVaultSecretView : ResourceType<KeyVaultSecretInfo>
{
    public static readonly ViewSchema Fields = new ViewSchema("keyVaultSecret").AddRange([
        FieldDefinition.Scalar<KeyVaultSecretInfo>("name", "string", "Secret name.", k => k.Name),
        FieldDefinition.Scalar<KeyVaultSecretInfo>("vaultHost", "string", "Vault host name.", k => k.VaultHost),
        FieldDefinition.Scalar<KeyVaultSecretInfo>("enabled", "boolean", "Whether it is enabled.", k => k.Enabled),
        FieldDefinition.Scalar<KeyVaultSecretInfo>("created", "dateTime", "Created.", k => k.Created),
        FieldDefinition.Scalar<KeyVaultSecretInfo>("updated", "dateTime", "Last updated.", k => k.Updated),
        FieldDefinition.Scalar<KeyVaultSecretInfo>("expires", "dateTime", "Expiry; null when it never expires.", k => k.Expires),
        FieldDefinition.Scalar<KeyVaultSecretInfo>("contentType", "string", "Content type.", k => k.ContentType),
        FieldDefinition.Scalar<KeyVaultSecretInfo>("managed", "boolean", "True when managed by a certificate.", k => k.Managed),
        FieldDefinition.Array<KeyVaultSecretInfo>("tagNames", null, "Tag names.", (k, _) => k.Tags.Keys.ToList()),
    ]);

    public override string Name => "keyVaultSecret";
    public override string Description => "Key Vault secret metadata.";
    public override ViewSchema Schema => Fields;

    protected override IEnumerable<KeyVaultSecretInfo> Items(ScanServices scan) => scan.Inventory.KeyVaultSecrets;

    protected override ResourceRef Describe(KeyVaultSecretInfo item, TenantInventory inventory) => new()
    {
        Type = Name, Id = item.Id, DisplayName = $"{item.VaultHost}/{item.Name}",
    };

    protected override IEnumerable<SourceLocation> Sources(KeyVaultSecretInfo item) => [item.Source];
}
