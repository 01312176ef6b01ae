using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TenantScanner.TestKit.SecretCorpus;

/// <summary>
/// Generates realistic flow definitions (Logic Apps schema) with secrets planted at varied depths and many
/// decoys. The same seed always gives the same corpus. Files come in three shapes: a bare definition, a
/// Power Automate flow export (<c>properties.definition</c>) and a Dataverse workflow row whose
/// <c>clientdata</c> is a JSON string.
/// </summary>
public sealed class CorpusGenerator
{
    // Power Automate and Dataverse write '+', '<', '\'' unescaped; so do we, so text scanners see what they would see in real exports.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Minified = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly SecretValues _values;
    private readonly SecretPlanter _planter;
    private readonly DecoyFactory _decoys;
    private readonly FillerFactory _filler;
    private int _typeCursor;

    public CorpusGenerator(int seed)
    {
        _values = new SecretValues(new Random(seed));
        _planter = new SecretPlanter(_values);
        _decoys = new DecoyFactory(_values);
        _filler = new FillerFactory(_values);
    }

    /// <param name="fillerActions">Ordinary actions per definition; raise it to make larger files for benchmarks.</param>
    public IEnumerable<CorpusFile> Generate(int count, int fillerActions = 12)
    {
        for (var i = 0; i < count; i++)
            yield return GenerateOne($"flows/{i:D5}.json", fillerActions);
    }

    private CorpusFile GenerateOne(string path, int fillerActions)
    {
        var random = _values.Random;
        var definition = NewDefinition();
        var slots = BuildStructure(definition, random);
        var planted = new List<(string Pointer, PlantedSecret Secret)>();

        var secretCount = random.Next(0, 4);
        for (var s = 0; s < secretCount; s++)
        {
            var type = SecretPlanter.SecretTypes[_typeCursor++ % SecretPlanter.SecretTypes.Length];
            if (type == "AuthenticationCredential" && random.Next(3) == 0)
            {
                PlantSecureStringParameter(definition, planted);
                continue;
            }
            Place(slots, _planter.Plant(type), planted, random);
        }
        var decoys = random.Next(4, 10);
        for (var d = 0; d < decoys; d++)
            Place(slots, _decoys.Make(random.Next(DecoyFactory.Kinds)), planted, random);
        for (var f = 0; f < fillerActions; f++)
            Place(slots, _filler.Make(), planted, random);

        var (document, basePointer) = Wrap(definition, random);
        var indented = random.Next(2) == 0;
        var content = JsonSerializer.SerializeToUtf8Bytes(document, indented ? Indented : Minified);
        var labels = planted.Select(p => new CorpusLabel(path, basePointer + p.Pointer + p.Secret.RelativePointer, p.Secret.SecretType, p.Secret.Value)).ToList();
        return new CorpusFile(path, content, labels);
    }

    private static JsonObject NewDefinition() => new()
    {
        ["$schema"] = "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
        ["contentVersion"] = "1.0.0.0",
        ["parameters"] = new JsonObject
        {
            ["$connections"] = new JsonObject { ["defaultValue"] = new JsonObject(), ["type"] = "Object" },
            ["$authentication"] = new JsonObject { ["defaultValue"] = new JsonObject(), ["type"] = "SecureObject" },
        },
        ["triggers"] = new JsonObject
        {
            ["manual"] = new JsonObject
            {
                ["type"] = "Request", ["kind"] = "Http",
                ["inputs"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } },
            },
        },
        ["actions"] = new JsonObject(),
    };

    /// <summary>Adds nested Scope/If/Switch/Foreach/Until containers; returns every actions container with its pointer.</summary>
    private List<(JsonObject Actions, string Pointer)> BuildStructure(JsonObject definition, Random random)
    {
        var root = (JsonObject)definition["actions"]!;
        var slots = new List<(JsonObject, string)> { (root, "/actions") };
        var containers = random.Next(1, 5);
        for (var c = 0; c < containers; c++)
        {
            var (parent, parentPointer) = slots[random.Next(slots.Count)];
            var name = $"{_values.Pick("Scope", "Condition", "Switch", "Apply_to_each", "Do_until")}_{c}";
            var pointer = $"{parentPointer}/{name}";
            JsonObject node;
            switch (name[..name.LastIndexOf('_')])
            {
                case "Condition":
                    var yes = new JsonObject();
                    var no = new JsonObject();
                    node = new JsonObject
                    {
                        ["type"] = "If", ["expression"] = new JsonObject { ["and"] = new JsonArray(new JsonObject { ["equals"] = new JsonArray("@triggerBody()?['status']", "Approved") }) },
                        ["actions"] = yes, ["else"] = new JsonObject { ["actions"] = no },
                    };
                    slots.Add((yes, pointer + "/actions"));
                    slots.Add((no, pointer + "/else/actions"));
                    break;
                case "Switch":
                    var caseActions = new JsonObject();
                    var defaultActions = new JsonObject();
                    node = new JsonObject
                    {
                        ["type"] = "Switch", ["expression"] = "@triggerBody()?['region']",
                        ["cases"] = new JsonObject { ["Case_EU"] = new JsonObject { ["case"] = "EU", ["actions"] = caseActions } },
                        ["default"] = new JsonObject { ["actions"] = defaultActions },
                    };
                    slots.Add((caseActions, pointer + "/cases/Case_EU/actions"));
                    slots.Add((defaultActions, pointer + "/default/actions"));
                    break;
                default:
                    var inner = new JsonObject();
                    node = new JsonObject { ["type"] = name.StartsWith("Apply", StringComparison.Ordinal) ? "Foreach" : name.StartsWith("Do", StringComparison.Ordinal) ? "Until" : "Scope", ["actions"] = inner };
                    if (name.StartsWith("Apply", StringComparison.Ordinal)) node["foreach"] = "@body('List_rows')?['value']";
                    if (name.StartsWith("Do", StringComparison.Ordinal)) { node["expression"] = "@equals(variables('done'), true)"; node["limit"] = new JsonObject { ["count"] = 60, ["timeout"] = "PT1H" }; }
                    slots.Add((inner, pointer + "/actions"));
                    break;
            }
            node["runAfter"] = new JsonObject();
            parent[name] = node;
        }
        return slots;
    }

    private static void Place(List<(JsonObject Actions, string Pointer)> slots, Planting planting, List<(string, PlantedSecret)> planted, Random random)
    {
        var (actions, pointer) = slots[random.Next(slots.Count)];
        actions[planting.ActionName] = planting.Action;
        foreach (var secret in planting.Secrets)
            planted.Add(($"{pointer}/{planting.ActionName}", secret));
    }

    private void PlantSecureStringParameter(JsonObject definition, List<(string, PlantedSecret)> planted)
    {
        var name = $"{_values.Word()}Password{planted.Count}";
        var password = _values.Password();
        var parameter = _values.Random.Next(2) == 0
            ? new JsonObject { ["type"] = "SecureString", ["defaultValue"] = password }
            : new JsonObject { ["defaultValue"] = password, ["type"] = "SecureString" };
        ((JsonObject)definition["parameters"]!)[name] = parameter;
        planted.Add(($"/parameters/{name}", new PlantedSecret("AuthenticationCredential", "/defaultValue", password)));
    }

    private (JsonNode Document, string BasePointer) Wrap(JsonObject definition, Random random)
    {
        switch (random.Next(3))
        {
            case 0:
                return (definition, "");
            case 1:
                return (new JsonObject
                {
                    ["name"] = _values.Guid(),
                    ["id"] = $"/providers/Microsoft.ProcessSimple/environments/Default-{_values.Guid()}/flows/{_values.Guid()}",
                    ["type"] = "Microsoft.ProcessSimple/environments/flows",
                    ["properties"] = new JsonObject
                    {
                        ["displayName"] = $"Sync {_values.Word()}s",
                        ["state"] = "Started",
                        ["definition"] = definition,
                        ["connectionReferences"] = new JsonObject(),
                    },
                }, "/properties/definition");
            default:
                var clientData = new JsonObject
                {
                    ["properties"] = new JsonObject { ["definition"] = definition, ["connectionReferences"] = new JsonObject() },
                    ["schemaVersion"] = "1.0.0.0",
                };
                return (new JsonObject
                {
                    ["workflowid"] = _values.Guid(),
                    ["name"] = $"Sync {_values.Word()}s",
                    ["category"] = 5,
                    ["statecode"] = 1,
                    ["clientdata"] = clientData.ToJsonString(Minified),
                }, "/clientdata/properties/definition");
        }
    }

    /// <summary>Writes the corpus and <c>labels.jsonl</c> (file, pointer, type, value) under <paramref name="folder"/>.</summary>
    public static int WriteTo(string folder, IEnumerable<CorpusFile> files)
    {
        var count = 0;
        using var labels = new StreamWriter(Path.Combine(Directory.CreateDirectory(folder).FullName, "labels.jsonl"), false, new UTF8Encoding(false));
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content);
            foreach (var label in file.Labels)
                labels.WriteLine(JsonSerializer.Serialize(new { file = label.File, pointer = label.JsonPointer, type = label.SecretType, value = label.Value }));
            count++;
        }
        return count;
    }
}
