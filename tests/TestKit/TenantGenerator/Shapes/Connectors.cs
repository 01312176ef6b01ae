namespace TenantScanner.TestKit.TenantGenerator.Shapes;

/// <summary>The Power Platform connectors the generated flows use, with the names the services show.</summary>
internal static class Connectors
{
    public const string Office365 = "shared_office365";
    public const string SharePoint = "shared_sharepointonline";
    public const string Teams = "shared_teams";
    public const string Excel = "shared_excelonlinebusiness";
    public const string Sql = "shared_sql";
    public const string Dataverse = "shared_commondataserviceforapps";
    public const string KeyVault = "shared_keyvault";
    public const string AzureBlob = "shared_azureblob";
    public const string ServiceBus = "shared_servicebus";
    public const string OneDrive = "shared_onedriveforbusiness";

    private static readonly Dictionary<string, (string DisplayName, string IconFolder)> Known = new()
    {
        [Office365] = ("Office 365 Outlook", "office365"),
        [SharePoint] = ("SharePoint", "sharepointonline"),
        [Teams] = ("Microsoft Teams", "teams"),
        [Excel] = ("Excel Online (Business)", "excelonlinebusiness"),
        [Sql] = ("SQL Server", "sql"),
        [Dataverse] = ("Microsoft Dataverse", "commondataserviceforapps"),
        [KeyVault] = ("Azure Key Vault", "keyvault"),
        [AzureBlob] = ("Azure Blob Storage", "azureblob"),
        [ServiceBus] = ("Service Bus", "servicebus"),
        [OneDrive] = ("OneDrive for Business", "onedriveforbusiness"),
    };

    public static string DisplayName(string apiName) => Known.TryGetValue(apiName, out var c) ? c.DisplayName : apiName;

    public static string ApiId(string apiName) => $"/providers/Microsoft.PowerApps/apis/{apiName}";

    public static string IconUri(string apiName) =>
        $"https://connectoricons-prod.azureedge.net/releases/v1.0.1718/1.0.1718.3946/{(Known.TryGetValue(apiName, out var c) ? c.IconFolder : apiName)}/icon.png";

    /// <summary>Connection names look like <c>shared-office365-{guid}</c>.</summary>
    public static string ConnectionName(string apiName, string guid) => $"{apiName.Replace('_', '-')}-{guid}";
}
