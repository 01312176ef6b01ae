using TenantScanner.Rules.Findings;
using TenantScanner.Inventory;
using TenantScanner.Rules.Values;
using TenantScanner.Rules.Evaluation;

namespace TenantScanner.Rules.Views;

/// <summary>One secret or certificate registered on an app registration or a service principal.</summary>
public sealed record CredentialItem
{
    /// <summary><c>application</c> or <c>servicePrincipal</c>: where the credential is registered.</summary>
    public required string ParentType { get; init; }
    public required string ParentId { get; init; }
    public required string ParentAppId { get; init; }
    public required string ParentDisplayName { get; init; }
    public required string Classification { get; init; }
    /// <summary><c>password</c> (client secret) or <c>certificate</c>.</summary>
    public required string Type { get; init; }
    public required string KeyId { get; init; }
    public string? DisplayName { get; init; }
    public DateTimeOffset? StartDateTime { get; init; }
    public DateTimeOffset? EndDateTime { get; init; }
    public required SourceLocation Source { get; init; }
    public required SourceLocation ParentSource { get; init; }
}

/// <summary><c>credential</c>: every client secret and certificate of apps and service principals. Findings name the parent.</summary>
internal sealed class CredentialView : ResourceType<CredentialItem>
{
    public static readonly ViewSchema Fields = new ViewSchema("credential").AddRange([
        FieldDefinition.Scalar<CredentialItem>("parentType", "string", "application or servicePrincipal: where it is registered.", c => c.ParentType),
        FieldDefinition.Scalar<CredentialItem>("parentDisplayName", "string", "Name of the app or service principal.", c => c.ParentDisplayName),
        FieldDefinition.Scalar<CredentialItem>("appId", "string", "Application (client) id of the parent.", c => c.ParentAppId),
        FieldDefinition.Scalar<CredentialItem>("classification", "string", "The parent's service principal classification.", c => c.Classification),
        FieldDefinition.Scalar<CredentialItem>("type", "string", "password (client secret) or certificate.", c => c.Type),
        FieldDefinition.Scalar<CredentialItem>("keyId", "string", "Key id.", c => c.KeyId),
        FieldDefinition.Scalar<CredentialItem>("displayName", "string", "Description given when it was added.", c => c.DisplayName),
        FieldDefinition.Scalar<CredentialItem>("startDateTime", "dateTime", "Start of validity.", c => c.StartDateTime),
        FieldDefinition.Scalar<CredentialItem>("endDateTime", "dateTime", "End of validity.", c => c.EndDateTime),
    ]);

    public override string Name => "credential";
    public override string Description => "A client secret or certificate of an app registration or service principal.";
    public override ViewSchema Schema => Fields;

    protected override IEnumerable<CredentialItem> Items(ScanServices scan)
    {
        var inventory = scan.Inventory;
        foreach (var app in inventory.Applications)
        {
            var classification = FieldNames.EnumId(inventory.FindServicePrincipalByAppId(app.AppId)?.Classification ?? ServicePrincipalClass.TenantApplication);
            foreach (var item in From("application", app.Id, app.AppId, app.DisplayName, classification, app.Source, app.PasswordCredentials, app.KeyCredentials))
                yield return item;
        }
        foreach (var sp in inventory.ServicePrincipals)
        {
            foreach (var item in From("servicePrincipal", sp.Id, sp.AppId, sp.DisplayName, FieldNames.EnumId(sp.Classification), sp.Source, sp.PasswordCredentials, sp.KeyCredentials))
                yield return item;
        }
    }

    private static IEnumerable<CredentialItem> From(string parentType, string id, string appId, string name, string classification,
        SourceLocation parentSource, IReadOnlyList<PasswordCredentialInfo> passwords, IReadOnlyList<KeyCredentialInfo> keys)
    {
        foreach (var p in passwords)
            yield return new CredentialItem
            {
                ParentType = parentType, ParentId = id, ParentAppId = appId, ParentDisplayName = name, Classification = classification,
                Type = "password", KeyId = p.KeyId, DisplayName = p.DisplayName, StartDateTime = p.StartDateTime, EndDateTime = p.EndDateTime,
                Source = p.Source, ParentSource = parentSource,
            };
        foreach (var k in keys)
            yield return new CredentialItem
            {
                ParentType = parentType, ParentId = id, ParentAppId = appId, ParentDisplayName = name, Classification = classification,
                Type = "certificate", KeyId = k.KeyId, DisplayName = k.DisplayName, StartDateTime = k.StartDateTime, EndDateTime = k.EndDateTime,
                Source = k.Source, ParentSource = parentSource,
            };
    }

    protected override ResourceRef Describe(CredentialItem item, TenantInventory inventory) => new()
    {
        Type = item.ParentType, Id = item.ParentId, DisplayName = item.ParentDisplayName,
    };

    protected override string? ItemKey(CredentialItem item) => item.KeyId;
    protected override IEnumerable<SourceLocation> Sources(CredentialItem item) => [item.Source];

    /// <summary>Where the credential is registered and what identifies it; the hint and the value are never part of it.</summary>
    protected override FindingTarget? Target(CredentialItem item, ScanServices scan) => new()
    {
        Type = Name,
        Id = item.KeyId.ToLowerInvariant(),
        State = TargetState.Of(
            ("parentType", item.ParentType),
            ("parentId", item.ParentId.ToLowerInvariant()),
            ("parentDisplayName", item.ParentDisplayName),
            ("type", item.Type),
            ("keyId", item.KeyId.ToLowerInvariant()),
            ("displayName", item.DisplayName),
            ("endDateTime", item.EndDateTime),
            ("parentPasswordKeyIds", TargetState.Ids(ParentPasswords(item, scan.Inventory).Select(p => p.KeyId)))),
    };

    private static IReadOnlyList<PasswordCredentialInfo> ParentPasswords(CredentialItem item, TenantInventory inventory) => item.ParentType == "application"
        ? inventory.FindApplicationByAppId(item.ParentAppId)?.PasswordCredentials ?? []
        : inventory.FindServicePrincipal(item.ParentId)?.PasswordCredentials ?? [];
}
