using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using TenantScanner.Cli.Output;

namespace TenantScanner.Cli.Changes.Plans;

/// <summary>
/// Writes and reads <c>plan.json</c>. The seal is the SHA-256 of the plan's canonical JSON (compact, without
/// the seal itself), so any edit of a value (a target id, a before state, an added action) is refused on
/// reading, while re-indenting the file is not. It protects against accidental and careless edits, not
/// against someone who recomputes it: the plan is reviewed in the change request, not trusted blindly.
/// </summary>
public static class PlanFile
{
    public const string SealPrefix = "sha256:";

    public static readonly JsonSerializerOptions Indented = Options(indented: true);
    private static readonly JsonSerializerOptions Canonical = Options(indented: false);

    public static ChangePlan Seal(ChangePlan plan) => plan with { Seal = ComputeSeal(plan) };

    /// <summary>Seals the plan and writes it atomically; returns the sealed plan.</summary>
    public static ChangePlan Save(ChangePlan plan, string path)
    {
        var sealedPlan = Seal(plan);
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, sealedPlan, Indented));
        return sealedPlan;
    }

    /// <summary>Reads and verifies a plan; every problem becomes a <see cref="PlanFileException"/> naming the file.</summary>
    public static ChangePlan Load(string path)
    {
        if (!File.Exists(path))
            throw new PlanFileException($"{path}: the plan file does not exist.");
        ChangePlan? plan;
        try
        {
            using var stream = File.OpenRead(path);
            plan = JsonSerializer.Deserialize<ChangePlan>(stream, Indented);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}{(string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : ", at " + ex.Path)})" : "";
            throw new PlanFileException($"{path}: not a valid plan{where}: {FirstSentence(ex.Message)} Make a new plan with 'scanner plan'.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PlanFileException($"{path}: could not be read: {ex.Message}");
        }
        if (plan is null)
            throw new PlanFileException($"{path}: the file is empty.");
        if (plan.SchemaVersion.Split('.')[0] != ChangePlan.CurrentSchemaVersion.Split('.')[0])
            throw new PlanFileException($"{path}: plan schema version {plan.SchemaVersion}; this scanner reads {ChangePlan.CurrentSchemaVersion}.");
        if (string.IsNullOrEmpty(plan.Seal))
            throw new PlanFileException($"{path}: the plan has no seal; only plans written by 'scanner plan' are applied.");
        var expected = ComputeSeal(plan);
        if (!string.Equals(plan.Seal, expected, StringComparison.Ordinal))
            throw new PlanFileException($"{path}: the plan was changed after it was made (its seal does not match its content). Nothing was applied; make a new plan with 'scanner plan' and review it again.");
        var duplicate = plan.Actions.GroupBy(a => a.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new PlanFileException($"{path}: action id {duplicate.Key} appears more than once.");
        return plan;
    }

    public static string ComputeSeal(ChangePlan plan)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(plan with { Seal = null }, Canonical);
        return SealPrefix + Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static JsonSerializerOptions Options(bool indented) => new()
    {
        WriteIndented = indented,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectRequiredConstructorParameters = true,
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

/// <summary>A plan file that is missing, unreadable, not a plan, or changed after it was sealed.</summary>
public sealed class PlanFileException(string message) : Exception(message);
