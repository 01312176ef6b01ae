using TenantScanner.Rules.Findings;
using TenantScanner.Inventory;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Views;

/// <summary><c>environment</c>: a Power Platform environment; also nested as <c>environment</c> in flows and connections.</summary>
internal sealed class EnvironmentView : ResourceType<PowerPlatformEnvironment>
{
    public static readonly ViewSchema Fields = new ViewSchema("environment").AddRange([
        FieldDefinition.Scalar<PowerPlatformEnvironment>("id", "string", "Environment name (Default-{tenantId} or a GUID).", e => e.Id),
        FieldDefinition.Scalar<PowerPlatformEnvironment>("displayName", "string", "Display name.", e => e.DisplayName),
        FieldDefinition.Scalar<PowerPlatformEnvironment>("type", "string", "default, production, sandbox, trial, developer, teams or other.", e => FieldNames.EnumId(e.Type)),
        FieldDefinition.Scalar<PowerPlatformEnvironment>("isProduction", "boolean", "True for production and default environments (the default environment holds live work).",
            e => e.Type is EnvironmentType.Production or EnvironmentType.Default || e.IsDefault),
        FieldDefinition.Scalar<PowerPlatformEnvironment>("isDefault", "boolean", "True for the tenant's default environment.", e => e.IsDefault),
        FieldDefinition.Scalar<PowerPlatformEnvironment>("hasDataverse", "boolean", "True when the environment has a Dataverse database.", e => e.DataverseInstanceUrl is not null),
    ]);

    public override string Name => "environment";
    public override string Description => "A Power Platform environment.";
    public override ViewSchema Schema => Fields;

    /// <summary>Resolves an environment id for nested <c>environment</c> fields.</summary>
    public static object Resolve(string environmentId, EvaluationScope scope) =>
        (object?)scope.Inventory.FindEnvironment(environmentId)
        ?? UnknownValue.Because($"environment {environmentId} is not in the inventory (powerplatform.environments)");

    protected override IEnumerable<PowerPlatformEnvironment> Items(ScanServices scan) => scan.Inventory.Environments;

    protected override ResourceRef Describe(PowerPlatformEnvironment item, TenantInventory inventory) => new()
    {
        Type = Name, Id = item.Id, DisplayName = item.DisplayName, EnvironmentId = item.Id, EnvironmentName = item.DisplayName,
    };

    protected override string? EnvironmentOf(PowerPlatformEnvironment item) => item.Id;
    protected override IEnumerable<SourceLocation> Sources(PowerPlatformEnvironment item) => [item.Source];
}
