using TenantScanner.Rules.Findings;
using TenantScanner.Inventory;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Views;

/// <summary><c>connection</c>: a Power Apps / Power Automate connection.</summary>
internal sealed class ConnectionView : ResourceType<Connection>
{
    public static readonly ViewSchema Fields = new ViewSchema("connection")
        .AddRange([
            FieldDefinition.Scalar<Connection>("id", "string", "Connection name, unique in its environment.", c => c.Id),
            FieldDefinition.Scalar<Connection>("displayName", "string", "Display name.", c => c.DisplayName),
            FieldDefinition.Scalar<Connection>("apiName", "string", "Connector, e.g. shared_office365.", c => c.ApiName),
            FieldDefinition.Object<Connection>("environment", EnvironmentView.Fields, "The environment it lives in.",
                (c, s) => EnvironmentView.Resolve(c.EnvironmentId, s)),
            FieldDefinition.Object<Connection>("createdBy", PrincipalView.Fields, "Who created it (not necessarily who it signs in as).",
                (c, _) => c.CreatedBy),
            FieldDefinition.Array<Connection>("statuses", null, "Status values, e.g. Connected, Error.", (c, _) => c.Statuses),
        ])
        .AddRange(ConnectionFields.For<Connection>((c, _) => c, c => UnknownValue.Because($"connection {c.Id} missing")));

    public override string Name => "connection";
    public override string Description => "A Power Platform connection and the identity it signs in as.";
    public override ViewSchema Schema => Fields;

    protected override IEnumerable<Connection> Items(ScanServices scan) => scan.Inventory.Connections;

    protected override ResourceRef Describe(Connection item, TenantInventory inventory) => new()
    {
        Type = Name, Id = item.Id, DisplayName = item.DisplayName, EnvironmentId = item.EnvironmentId,
        EnvironmentName = inventory.FindEnvironment(item.EnvironmentId)?.DisplayName, Owner = item.AccountName,
    };

    protected override string? EnvironmentOf(Connection item) => item.EnvironmentId;
    protected override IEnumerable<SourceLocation> Sources(Connection item) => [item.Source];
}

/// <summary>Fields of a bare principal reference (creator, createdBy).</summary>
internal static class PrincipalView
{
    public static readonly ViewSchema Fields = new ViewSchema("principal").AddRange(PrincipalFields.For<PrincipalRef>(p => p));
}
