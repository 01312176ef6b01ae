using System.Text;
using System.Text.Json;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.FlowDefinitions;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.Tests.Secrets;

/// <summary>
/// The detector decides most strings from their raw UTF-8 bytes (one keyword search per document, JSON shape
/// from the first and last bytes) and only decodes the rest. Each test pins a case where the bytes and the
/// decoded text could disagree, by comparing with a form of the same document that takes the decoding path.
/// </summary>
public sealed class RawByteShortcutTests
{
    private const string StorageKey = "kX3vQ9m2LrT8yP1nW5bZ7cF4hJ6dS0aG2eK9uV3iO8qR1tY5wN7pM4xB6zC0fH2jL8sD3gA5kE9rU1oI7yT4vQ==";
    private const string TriggerUrl = "https://prod-01.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Q2xhc3NpY1NpZ25hdHVyZVZhbHVlRm9yVGVzdHMxMjM";
    private static readonly SecretDetector Detector = new(SecretPatternCatalog.LoadDefault());

    private static IReadOnlyList<SecretHit> Scan(string json) => Detector.ScanJson(Encoding.UTF8.GetBytes(json));

    /// <summary>
    /// Keywords are searched 16 bytes at a time (the fingerprint reads 3 bytes past each step) and the last bytes one
    /// by one: a keyword must be found wherever it starts in a step and however it straddles the next one.
    /// </summary>
    [Theory]
    [InlineData(4080)]
    [InlineData(4083)]
    [InlineData(4086)]
    [InlineData(4090)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(8170)]
    public void A_keyword_across_a_search_step_edge_is_found(int keywordOffset)
    {
        const string prefix = "{\"pad\":\"";
        foreach (var (value, type) in new[] { ("AccountKey=" + StorageKey, "StorageAccountKey"), (TriggerUrl, "LogicAppTriggerUrlSignature") })
        {
            var keyword = value.StartsWith("AccountKey", StringComparison.Ordinal) ? 0 : value.IndexOf("/paths/invoke", StringComparison.Ordinal);
            // Filler words, so no other keyword appears: the value starts where its keyword lands on the offset.
            var filler = string.Concat(Enumerable.Repeat("lorem ", 2000))[..(keywordOffset - prefix.Length - keyword - "\",\"v\":\"".Length)];
            var json = $"{prefix}{filler}\",\"v\":\"{value}\"}}";
            Assert.Equal(keywordOffset, Encoding.UTF8.GetByteCount(json[..json.IndexOf(value, StringComparison.Ordinal)]) + keyword);

            var hit = Assert.Single(Scan(json));

            Assert.Equal((type, "/v"), (hit.SecretType, hit.JsonPointer));
        }
    }

    public static TheoryData<string> Documents => new()
    {
        "{\"inputs\":\"DefaultEndpointsProtocol=https;accountname=st1;ACCOUNTKEY=" + StorageKey + "\"}",
        "{\"uri\":\"" + TriggerUrl + "\",\"note\":\"Zoë ✓ 日本 AKIAQ3EGUYT6HZBLMXOP ✓\"}",
        "{\"u\":\"sftp://export:Gh7!kLm2Qp9z@sftp.contoso.net/in\",\"h\":{\"Authorization\":\"Basic c3ZjX2VycDpXaW50ZXIyMDI0IVNlY3JldA==\"}}",
        "{\"parameters\":{\"p\":{\"type\":\"SecureString\",\"defaultValue\":\"Xk2pL9qR4tV7wZ1bN5mC8\"}},\"variables\":[{\"name\":\"clientSecret\",\"value\":\"Abc8Q~x9Yz.Tq_w-3Lm~Pq7Rs2Tu4Vw6Xy8Za0Bc\"}]}",
        "{\"env\":{\"schemaname\":\"contoso_Settings\",\"value\":\"{\\\"apiKey\\\":\\\"3f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c\\\"}\"}}",
        "{\"a\":[\"ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\",\"sk_live_aBcDeFgHiJkLmNoPqRsTuVwXyZ01\",\"just words of no interest at all\"]}",
    };

    /// <summary>
    /// The same document with every string escaped (<c>\/</c>, <c>\uXXXX</c> for non-ASCII and for the first letter of
    /// every string) must give the same findings: escaped strings are always decoded before they are searched.
    /// </summary>
    [Theory]
    [MemberData(nameof(Documents))]
    public void Raw_and_escaped_forms_of_a_document_give_the_same_findings(string json)
    {
        var raw = Scan(json);
        var escaped = Scan(SecretSamples.EscapeEveryString(json));

        Assert.NotEmpty(raw);
        Assert.Equal(raw.Select(Identity), escaped.Select(Identity));
    }

    [Fact]
    public void A_keyword_only_visible_after_unescaping_is_found()
    {
        var hit = Assert.Single(Scan("{\"u\":\"sftp:\\/\\/export:Gh7!kLm2Qp9z@sftp.contoso.net\\/in\"}"));

        Assert.Equal("UriCredentials", hit.SecretType);
    }

    /// <summary>
    /// JSON whitespace is the ASCII space, tab and newlines: a document padded with other Unicode whitespace
    /// (no-break space, ideographic space, line separator) does not parse and the string is judged as text.
    /// </summary>
    [Theory]
    [InlineData("  ", " ", true)]
    [InlineData("\\n\\t", "\\r\\n", true)]
    [InlineData("\\u00a0", "\\u3000", false)]
    [InlineData("\u00a0", "\u3000", false)]
    [InlineData("\u2028", "", false)]
    public void Json_in_a_string_is_walked_only_when_the_padding_is_json_whitespace(string before, string after, bool walked)
    {
        var json = "{\"x\":\"" + before + "{\\\"password\\\":\\\"Xk2pL9qR4tV7wZ1bN5mC8\\\"}" + after + "\"}";

        var hits = Scan(json);

        Assert.Equal(walked ? ["/x/password"] : Array.Empty<string>(), hits.Select(h => h.JsonPointer));
    }

    /// <summary>A string without escapes holding a JSON document (only possible without strings inside) is decided from its bytes.</summary>
    [Theory]
    [InlineData(" [1, 2, 3, 4, 5, 6, 7, 8] ")]
    [InlineData("\u00a0[1, 2, 3, 4, 5, 6, 7, 8]")]
    [InlineData("[1, 2, 3, 4, 5, 6, 7, 8]\u3000")]
    [InlineData("[1, 2, 3, 4, 5, 6, 7, 8} AKIAQ3EGUYT6HZBLMXOP")]
    public void Unescaped_json_like_strings_are_decided_like_their_escaped_form(string value)
    {
        var json = JsonSerializer.Serialize(new { x = value }, Unescaped);

        Assert.Equal(Scan(SecretSamples.EscapeEveryString(json)).Select(Identity), Scan(json).Select(Identity));
    }

    /// <summary>
    /// Text in braces that no JSON object can start with (template text such as <c>{{ name }}</c>) is judged as
    /// text without a walk being tried; a real object, even opening with a comment, is still walked. Raw, escaped
    /// and deferred (a <c>value</c> judged when its object closes) alike.
    /// </summary>
    [Theory]
    [InlineData("{{ AKIAQ3EGUYT6HZBLMXOP }}", "")]
    [InlineData("{ AKIAQ3EGUYT6HZBLMXOP }", "")]
    [InlineData("{\"k\":\"AKIAQ3EGUYT6HZBLMXOP\"}", "/k")]
    [InlineData("{ /* note */ \"k\":\"AKIAQ3EGUYT6HZBLMXOP\"}", "/k")]
    public void Template_text_in_braces_is_judged_as_text_and_an_object_is_walked(string value, string innerPointer)
    {
        var json = JsonSerializer.Serialize(new { x = value }, Unescaped);
        var deferred = JsonSerializer.Serialize(new { name = "n", value }, Unescaped);

        Assert.Equal("/x" + innerPointer, Assert.Single(Scan(json)).JsonPointer);
        Assert.Equal("/x" + innerPointer, Assert.Single(Scan(SecretSamples.EscapeEveryString(json))).JsonPointer);
        Assert.Equal("/value" + innerPointer, Assert.Single(Scan(deferred)).JsonPointer);
    }

    /// <summary>An escaped JSON document is walked from its unescaped UTF-8 without a UTF-16 copy first; a lone surrogate must still refuse the file.</summary>
    [Fact]
    public void A_lone_surrogate_inside_escaped_clientdata_is_still_malformed_json_at_the_string()
    {
        var padding = new string('x', 120);
        var json = "{\n  \"ok\": \"fine\",\n  \"clientdata\": \"{\\\"note\\\":\\\"" + padding + "\\ud800\\\"}\"\n}";

        var error = Assert.Throws<MalformedJsonException>(() => Scan(json));

        Assert.Equal((3, 17), (error.Line, error.Column));
    }

    [Fact]
    public void Escaped_clientdata_padded_with_escaped_whitespace_is_walked_too()
    {
        var inner = JsonSerializer.Serialize(new { properties = new { note = new string('x', 120), k = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789" } });
        var padded = JsonSerializer.Serialize(new { clientdata = "\n\t" + inner + "\r\n" });
        var plain = JsonSerializer.Serialize(new { clientdata = inner });

        Assert.Equal("/clientdata/properties/k", Assert.Single(Scan(padded)).JsonPointer);
        Assert.Equal("/clientdata/properties/k", Assert.Single(Scan(plain)).JsonPointer);
    }

    [Fact]
    public void A_deferred_value_holding_json_is_walked_from_raw_and_from_escaped_text_alike()
    {
        const string inner = "{\"k\":\"ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\"}";
        var raw = JsonSerializer.Serialize(new { env = new { value = inner } });
        var escaped = raw.Replace("ghp_", "\\u0067hp_", StringComparison.Ordinal);

        Assert.Equal("/env/value/k", Assert.Single(Scan(raw)).JsonPointer);
        Assert.Equal("/env/value/k", Assert.Single(Scan(escaped)).JsonPointer);
    }

    /// <summary>Columns are counted on from the previous hit of the same line: non-ASCII text in between must count in UTF-16 units.</summary>
    [Fact]
    public void Columns_of_several_hits_on_one_line_count_utf16_units_across_non_ascii_text()
    {
        const string first = "AKIAQ3EGUYT6HZBLMXOP";
        const string second = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
        var json = "{\"a\":\"" + first + "\",\"b\":\"Zoë 😀 日本 ✓ ✓ ✓ ✓ ✓ ✓\",\"c\":\"" + second + "\",\"d\":\"" + first + "\"}";

        var hits = Scan(json);

        Assert.Equal(
            new[] { json.IndexOf("\"" + first, StringComparison.Ordinal), json.IndexOf("\"" + second, StringComparison.Ordinal), json.LastIndexOf("\"" + first, StringComparison.Ordinal) }.Select(i => i + 1),
            hits.Select(h => h.Column!.Value));
    }

    /// <summary>
    /// Positions are counted on from the previous hit; a value judged when its object closes comes after hits
    /// nested deeper in that object but sits before them, and must still get its own line and column.
    /// </summary>
    [Fact]
    public void Lines_and_columns_are_right_for_hits_reported_out_of_document_order()
    {
        const string secret = "Xk2pL9qR4tV7wZ1bN5mC8";
        const string token = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
        var json = "{\r\n  \"note\": \"Zoë ✓\",\r\n  \"variable\": {\"name\": \"clientSecret\", \"value\": \"" + secret
            + "\",\r\n    \"inner\": {\"t\": \"" + token + "\"}},\r\n  \"after\": \"AKIAQ3EGUYT6HZBLMXOP\"\r\n}";
        var lines = json.Split("\r\n");

        var hits = Scan(json);

        Assert.Equal(["/variable/inner/t", "/variable/value", "/after"], hits.Select(h => h.JsonPointer));
        Assert.Equal(
            new (int, int)[] { (4, lines[3].IndexOf("\"" + token, StringComparison.Ordinal) + 1), (3, lines[2].IndexOf("\"" + secret, StringComparison.Ordinal) + 1), (5, lines[4].IndexOf("\"AKIA", StringComparison.Ordinal) + 1) },
            hits.Select(h => (h.Line!.Value, h.Column!.Value)));
    }

    /// <summary>A catalog with a non-ASCII keyword cannot be searched in raw bytes: every string is then decoded and searched.</summary>
    [Fact]
    public void A_catalog_with_a_non_ascii_keyword_still_finds_it()
    {
        const string yaml = "version: 1\npatterns:\n  - id: schluessel\n    secretType: Schluessel\n    keywords: [\"Schlüssel=\"]\n    regex: 'Schlüssel=(?<secret>[a-z0-9]{20})'\n    confidence: high\n";
        var detector = new SecretDetector(SecretPatternCatalog.Parse(yaml, "schluessel.yaml"));

        var hit = Assert.Single(detector.ScanJson(Encoding.UTF8.GetBytes("{\"a\":\"Der Schlüssel=k3j5h7g2f4d6s3a2q4w6 gilt\"}")));

        Assert.Equal("Schluessel", hit.SecretType);
    }

    /// <summary>
    /// A value judged for its name but holding no keyword must not inherit the keyword marks of the string before it:
    /// a pattern whose regex does not repeat its keyword would then run on it and report it as the wrong type.
    /// </summary>
    [Theory]
    [InlineData("{\"a\":\"a marker for the next value\",\"password\":\"qwertyuiopasdfghjklzxcvb\"}")]
    [InlineData("{\"a\":\"a marker for the next value\",\"v\":{\"name\":\"password\",\"value\":\"qwertyuiopasdfghjklzxcvb\"}}")]
    public void A_value_judged_for_its_name_gets_its_own_keyword_marks(string json)
    {
        const string yaml = "version: 1\npatterns:\n"
            + "  - id: by-keyword\n    secretType: ByKeyword\n    keywords: [\"marker\"]\n    regex: '(?<secret>[a-z]{24})'\n    confidence: high\n"
            + "  - id: by-name\n    secretType: ByName\n    contextKeys: [password]\n    confidence: high\n";
        var detector = new SecretDetector(SecretPatternCatalog.Parse(yaml, "stale-marks.yaml"));

        var hit = Assert.Single(detector.ScanJson(Encoding.UTF8.GetBytes(json)));

        Assert.Equal("ByName", hit.SecretType);
    }

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static (string, string, string, string) Identity(SecretHit hit) => (hit.SecretType, hit.JsonPointer, hit.Preview, hit.Fingerprint);
}
