using System.Text.Json.Nodes;

namespace TenantScanner.TestKit.SecretCorpus;

/// <summary>Ordinary actions with no secret: the bulk of any real flow.</summary>
public sealed class FillerFactory(SecretValues values)
{
    private int _counter;

    public Planting Make()
    {
        var v = values;
        var name = $"{v.Pick("Get", "List", "Update", "Create", "Send", "Parse", "Compose")}_{v.Word()}_{++_counter}";
        JsonObject action = v.Random.Next(6) switch
        {
            0 => Actions.OpenApi("shared_office365", "SendEmailV2", new JsonObject
            {
                ["emailMessage/To"] = $"{v.Word()}@contoso.com",
                ["emailMessage/Subject"] = $"New {v.Word()} @{{triggerBody()?['Title']}}",
                ["emailMessage/Body"] = $"<p>Hello,</p><p>The {v.Word()} @{{triggerBody()?['ID']}} was approved by @{{body('Get_manager')?['displayName']}}. Please review it before the end of the week.</p>",
                ["emailMessage/Importance"] = "Normal",
            }, "shared_office365"),
            1 => Actions.OpenApi("shared_sharepointonline", "GetItems", new JsonObject
            {
                ["dataset"] = $"https://contoso.sharepoint.com/sites/{v.Word()}",
                ["table"] = v.Guid(),
                ["$filter"] = $"Status eq 'Open' and Modified gt '@{{addDays(utcNow(), -7)}}'",
                ["$top"] = 500,
            }, "shared_sharepointonline"),
            2 => Actions.Compose(new JsonObject
            {
                ["id"] = "@triggerBody()?['ID']",
                ["title"] = $"@{{toUpper(triggerBody()?['{v.Word()}'])}}",
                ["amount"] = v.Random.Next(10, 100000),
                ["approved"] = v.Random.Next(2) == 0,
                ["tags"] = new JsonArray(v.Word(), v.Word(), v.Word()),
            }),
            3 => Actions.Http("POST", $"https://api.contoso.com/{v.Word()}s", headers: new JsonObject { ["Content-Type"] = "application/json", ["Accept"] = "application/json" },
                body: new JsonObject { ["id"] = "@{triggerBody()?['ID']}", ["note"] = $"Created by flow for {v.Word()} processing" },
                authentication: new JsonObject { ["type"] = "ManagedServiceIdentity", ["audience"] = "https://api.contoso.com" }),
            4 => Actions.Wrap("ParseJson", new JsonObject
            {
                ["content"] = "@body('HTTP')",
                ["schema"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["id"] = new JsonObject { ["type"] = "string" }, ["total"] = new JsonObject { ["type"] = "number" } } },
            }),
            _ => Actions.OpenApi("shared_commondataserviceforapps", "UpdateRecord", new JsonObject
            {
                ["entityName"] = "accounts",
                ["recordId"] = "@triggerOutputs()?['body/accountid']",
                ["item/description"] = $"Synchronised {v.Word()} on @{{utcNow()}}",
            }, "shared_commondataserviceforapps"),
        };
        return new Planting(name, action, []);
    }
}
