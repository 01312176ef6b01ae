using System.Text;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.Tests.Secrets;

/// <summary>One defect in a file must not hide a secret elsewhere in it (<see cref="SecretDetector.InspectDocument"/>).</summary>
public sealed class HostileDocumentTests
{
    private const string Token = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
    private static readonly SecretDetector Detector = new(SecretPatternCatalog.LoadDefault());

    private static SecretScan Inspect(string json) => Detector.InspectDocument(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Lone_surrogate_escape_is_mended_and_the_whole_document_is_walked_with_its_structure()
    {
        var scan = Inspect("{\"note\":\"cut emoji \\ud83d here and there\",\"auth\":{\"token\":\"" + Token + "\"}}");

        var hit = Assert.Single(scan.Hits);
        Assert.Equal(("/auth/token", 1, 59), (hit.JsonPointer, hit.Line, hit.Column));
        Assert.Null(scan.Malformed);
    }

    [Theory]
    [InlineData(@"{""p"":""C:\\ud800 \ud800""}", @"{""p"":""C:\\ud800 \uFFFD""}")]
    [InlineData(@"{""p"":""\ud83d\ude00 \ude00\ud83d""}", @"{""p"":""\ud83d\ude00 \uFFFD\uFFFD""}")]
    [InlineData(@"{""p"":""\\\ud800""}", @"{""p"":""\\\uFFFD""}")]
    public void Repair_mends_only_escapes_of_half_a_pair_and_reads_an_escaped_backslash_as_such(string json, string expected)
    {
        var repaired = JsonTextRepair.TryRepair(Encoding.UTF8.GetBytes(json));

        Assert.Equal(expected, Encoding.UTF8.GetString(repaired!));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_in_an_escaped_string_do_not_stop_the_walk()
    {
        var before = Encoding.UTF8.GetBytes("{\"password\":\"caf");
        var after = Encoding.UTF8.GetBytes("\\n more text here\",\"token\":\"" + Token + "\"}");
        byte[] document = [.. before, 0xE9, .. after]; // Latin-1 é

        var scan = Detector.InspectDocument(document);

        Assert.Equal("/token", Assert.Single(scan.Hits).JsonPointer);
        Assert.Null(scan.Malformed);
    }

    [Fact]
    public void Nesting_deeper_than_the_reader_allows_leaves_the_secret_beside_it_found_and_says_where_it_broke()
    {
        var deep = new string('[', 300) + new string(']', 300);
        var scan = Inspect("{\"deep\":" + deep + ",\n\"auth\":{\"token\":\"" + Token + "\"}}");

        var hit = Assert.Single(scan.Hits);
        Assert.Equal(("/auth/token", 2, 17), (hit.JsonPointer, hit.Line, hit.Column));
        Assert.NotNull(scan.Malformed);
        Assert.False(scan.Complete);
    }

    [Fact]
    public void Syntax_error_keeps_what_came_before_it_and_judges_the_strings_after_it()
    {
        var scan = Inspect("{\"authentication\":{\"type\":\"Basic\",\"username\":\"svc\",\"password\":\"hunter2\"},\n\"b\": oops,\n\"c\":[\"x\",\"" + Token + "\"]}");

        // The credential is found by the strict walk, which sees its sibling type; the token only by the lenient pass.
        Assert.Equal(["/authentication/password", "/c/1"], scan.Hits.Select(h => h.JsonPointer).Order(StringComparer.Ordinal));
        Assert.Equal((2, 6), (scan.Malformed!.Line, scan.Malformed.Column));
    }

    [Fact]
    public void Secret_inside_deep_nesting_is_found_with_a_pointer_cut_at_the_tracked_depth()
    {
        var open = string.Concat(Enumerable.Repeat("{\"k\":", 400));
        var scan = Inspect(open + "{\"password\":\"Xk2pL9qR4tV7wZ1bN5mC8\"}" + new string('}', 400));

        var hit = Assert.Single(scan.Hits);
        Assert.EndsWith("/k/…", hit.JsonPointer, StringComparison.Ordinal);
        Assert.Equal(LenientStringReader.MaxTrackedDepth, hit.JsonPointer.Split('/').Count(s => s == "k"));
    }

    [Theory]
    [InlineData("utf-16", true)]
    [InlineData("utf-16", false)]
    [InlineData("utf-16BE", true)]
    [InlineData("utf-16BE", false)]
    [InlineData("utf-32", true)]
    [InlineData("utf-32BE", true)]
    public void Utf16_and_utf32_documents_are_transcoded_and_scanned(string encodingName, bool byteOrderMark)
    {
        var encoding = encodingName switch
        {
            "utf-16" => (Encoding)new UnicodeEncoding(bigEndian: false, byteOrderMark),
            "utf-16BE" => new UnicodeEncoding(bigEndian: true, byteOrderMark),
            "utf-32" => new UTF32Encoding(bigEndian: false, byteOrderMark),
            _ => new UTF32Encoding(bigEndian: true, byteOrderMark),
        };
        var text = "{\n  \"auth\": {\"token\": \"" + Token + "\"}\n}";
        byte[] document = [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];

        var scan = Detector.InspectDocument(document);

        var hit = Assert.Single(scan.Hits);
        Assert.Equal(("/auth/token", 2, 21), (hit.JsonPointer, hit.Line, hit.Column));
        Assert.True(scan.Complete);
    }

    [Fact]
    public void Unterminated_string_and_stray_brackets_never_throw()
    {
        var scan = Inspect("]]}}{\"password\":\"Xk2pL9qR4tV7wZ1bN5mC8\"} , \"open \\u12");

        Assert.Equal("/password", Assert.Single(scan.Hits).JsonPointer);
    }

    [Fact]
    public void Inspect_still_refuses_malformed_json_for_callers_that_want_all_or_nothing()
    {
        Assert.Throws<MalformedJsonException>(() => Detector.Inspect(Encoding.UTF8.GetBytes("{\"a\":")));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\\nb\\t\\\"\\\\\\/", "a\nb\t\"\\/")]
    [InlineData("\\ud83d\\ude00", "\U0001F600")]
    [InlineData("\\ud83d!", "\uFFFD!")]
    [InlineData("\\ude00", "\uFFFD")]
    [InlineData("\\x\\u12", "\\x\\u12")]
    public void Lenient_unescape_decodes_what_it_can_and_keeps_or_replaces_the_rest(string raw, string expected)
    {
        Assert.Equal(expected, LenientStringReader.Unescape(Encoding.UTF8.GetBytes(raw)));
    }
}
