using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TenantScanner.TestKit.SecretCorpus;

namespace TenantScanner.Tests.Secrets;

/// <summary>
/// Documents beyond the generated corpus for <see cref="EngineOracleTests"/>: values crowded with secrets under names
/// that matter, and the edges where the accelerated engine takes shortcuts (search steps, raw bytes against escapes,
/// embedded documents, name caches, non-ASCII text, interpolations).
/// </summary>
internal static class OracleDocuments
{
    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Names that make a value judged whatever it holds, names that make it not a secret, and plain ones.</summary>
    private static readonly string[] Keys =
    [
        "note", "inputs", "password", "authorization", "x-functions-key", "apiKey", "awsSecretAccessKey", "twilioAuthToken",
        "documentHash", "fileSha256", "personalAccessToken", "client_secret", "body", "uri", "pat", "secret",
    ];

    /// <summary>Several corpus strings per value, under each kind of name, raw and with the default (escaping) encoder.</summary>
    public static IEnumerable<(string Name, string Json)> Crowded(IReadOnlyList<CorpusFile> corpus)
    {
        var strings = SecretSamples.Crowded(corpus.Take(80).SelectMany(file => SecretSamples.Strings(file.Content))).ToList();
        for (var start = 0; start < strings.Count; start += Keys.Length)
        {
            var document = new JsonObject();
            var pairs = new JsonArray();
            for (var i = start; i < Math.Min(start + Keys.Length, strings.Count); i++)
            {
                document[Keys[i - start]] = strings[i];
                pairs.Add(new JsonObject { ["name"] = Keys[(i + 3) % Keys.Length], ["value"] = strings[i] });
            }
            document["variables"] = pairs;
            document["authentication"] = new JsonObject { ["type"] = "Raw", ["value"] = strings[start] };
            yield return ($"crowded {start}", document.ToJsonString(Raw));
            yield return ($"crowded {start} (escaped)", document.ToJsonString());
        }
    }

    public static IEnumerable<(string Name, string Json)> Edges()
    {
        var corpus = new CorpusGenerator(seed: 29).Generate(60).ToList();
        var secrets = corpus.SelectMany(file => file.Labels).DistinctBy(label => label.SecretType).Select(label => label.Value).ToList();
        var holders = corpus.SelectMany(file => SecretSamples.Strings(file.Content)).Where(s => secrets.Any(s.Contains)).Take(60).ToList();
        return StepEdges(holders)
            .Concat(Siblings(secrets))
            .Concat(Embedded(holders))
            .Concat(NameCaches(secrets))
            .Concat(Texts(secrets, holders));
    }

    /// <summary>Strings that start at every offset around the 16-byte steps of the UTF-8 search and its scalar tail.</summary>
    private static IEnumerable<(string, string)> StepEdges(List<string> holders)
    {
        foreach (var (holder, index) in holders.Take(12).Select((holder, index) => (holder, index)))
        {
            for (var pad = 0; pad < 20; pad++)
            {
                var filler = string.Concat(Enumerable.Repeat("lorem ", 700))[..(4070 + pad + index)];
                yield return ($"step edge {index}+{pad}", JsonSerializer.Serialize(new { pad = filler, v = holder, tail = holder[..Math.Min(holder.Length, pad + 1)] }, Raw));
            }
        }
    }

    /// <summary>Values whose meaning depends on a sibling that may come before or after them, and short values under names.</summary>
    private static IEnumerable<(string, string)> Siblings(List<string> secrets)
    {
        foreach (var (secret, index) in secrets.Select((secret, index) => (secret, index)))
        {
            var name = Keys[index % Keys.Length];
            yield return ($"name before value {index}", $"{{\"name\":\"{name}\",\"value\":{Json(secret)}}}");
            yield return ($"value before name {index}", $"{{\"value\":{Json(secret)},\"schemaname\":\"{name}\"}}");
            yield return ($"secure parameter {index}", $"{{\"parameters\":{{\"p\":{{\"defaultValue\":{Json(secret)},\"type\":\"SecureString\"}}}}}}");
            yield return ($"short under {name}", $"{{\"{name}\":{Json(secret[..Math.Min(8, secret.Length)])},\"{name}2\":\"Xk2pL9q\"}}");
            yield return ($"interpolated {index}", $"{{\"{name}\":{Json($"@{{parameters('a')}}{secret}@{{variables('b')}}")},\"x\":{Json($"@{{body('x')}}")}}}");
            yield return ($"expression under {name}", $"{{\"{name}\":{Json("@parameters('" + secret + "')")}}}");
            yield return ($"placeholder under {name}", $"{{\"{name}\":\"<your-{name}-here>\",\"k\":\"@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x)\"}}");
        }
    }

    /// <summary>Documents in strings: raw and escaped, nested past the walker's depth, padded, malformed, and template text in braces.</summary>
    private static IEnumerable<(string, string)> Embedded(List<string> holders)
    {
        foreach (var (holder, index) in holders.Take(20).Select((holder, index) => (holder, index)))
        {
            JsonNode inner = new JsonObject { ["password"] = holder, ["list"] = new JsonArray(holder, "plain words here") };
            for (var depth = 1; depth <= 6; depth++)
            {
                inner = new JsonObject { ["clientdata"] = inner.ToJsonString(depth % 2 == 0 ? Raw : null), ["note"] = holder };
                yield return ($"embedded {index} depth {depth}", inner.ToJsonString());
            }
            yield return ($"padded embedded {index}", JsonSerializer.Serialize(new { x = "  \n{\"k\":" + Json(holder) + "}\t " }, Raw));
            yield return ($"malformed embedded {index}", JsonSerializer.Serialize(new { x = "{\"k\":" + Json(holder) + ",", y = "[" + Json(holder) + "}" }, Raw));
            yield return ($"template {index}", JsonSerializer.Serialize(new { x = "{{ password }} " + holder + " {{ end }}", y = "{ not json " + holder + " }" }, Raw));
        }
    }

    /// <summary>Many distinct names (beyond a small cache's slots, short and over 64 bytes, with escapes) that end with context keys or not.</summary>
    private static IEnumerable<(string, string)> NameCaches(List<string> secrets)
    {
        var document = new JsonObject();
        for (var i = 0; i < 600; i++)
        {
            var stem = new string((char)('a' + i % 26), 1 + i % 90);
            var name = (i % 4) switch { 0 => stem + "password", 1 => stem, 2 => stem + "Token", _ => "x" + stem + "hash" };
            document[name] = i % 3 == 0 ? secrets[i % secrets.Count] : "Xk2pL9qR4tV7wZ1bN5mC8" + i;
        }
        yield return ("many names", document.ToJsonString(Raw));
        yield return ("many names again", document.ToJsonString(Raw));
        yield return ("many names escaped", SecretSamples.EscapeEveryString(document.ToJsonString(Raw)));
    }

    /// <summary>Non-ASCII text around keywords, very long values, a byte-order mark, comments and trailing commas.</summary>
    private static IEnumerable<(string, string)> Texts(List<string> secrets, List<string> holders)
    {
        foreach (var (secret, index) in secrets.Select((secret, index) => (secret, index)))
        {
            yield return ($"non-ASCII {index}", JsonSerializer.Serialize(new { a = "Zoë ✓ 日本 😀 " + secret + " \u212Aey=ſig=", b = "\u00a0" + secret + "\u3000" }, Raw));
        }
        var all = string.Join(" ; ", holders);
        yield return ("long value", JsonSerializer.Serialize(new { note = all, password = all, arr = holders }, Raw));
        yield return ("byte-order mark", "\uFEFF" + JsonSerializer.Serialize(new { a = holders[0] }, Raw));
        yield return ("comments and trailing commas", "{ // a comment\n \"a\": " + Json(holders[1]) + ", /* another */ \"b\": [" + Json(holders[2]) + ",],\n}");
    }

    private static string Json(string value) => JsonSerializer.Serialize(value, Raw);
}
