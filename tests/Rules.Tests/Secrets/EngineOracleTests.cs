using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.TestKit.SecretCorpus;

namespace TenantScanner.Tests.Secrets;

/// <summary>
/// The plain engine is the oracle for the accelerated one (keyword search on bytes and on text, regexes on spans,
/// context-key masks, name caches, the walker's raw-byte shortcuts that lean on them): a detector built with either
/// must report the same hits, in the same order, with the same positions, previews and fingerprints, and the same
/// values it could not judge, on every document.
/// </summary>
public sealed class EngineOracleTests
{
    private static readonly SecretPatternCatalog Catalog = SecretPatternCatalog.LoadDefault();
    private static readonly SecretDetector Accelerated = new(Catalog, SecretScanningEngine.Accelerated);
    private static readonly SecretDetector Plain = new(Catalog, SecretScanningEngine.Plain);
    private static readonly List<CorpusFile> Corpus = new CorpusGenerator(seed: 23).Generate(300).ToList();

    [Fact]
    public void Both_engines_report_the_same_hits_in_every_generated_file()
    {
        var hits = 0;
        foreach (var file in Corpus)
            hits += AssertSameScan(file.RelativePath, Accelerated.Inspect(file.Content), Plain.Inspect(file.Content));

        Assert.True(hits > 300, $"only {hits} hits in the corpus: the comparison proves little");
    }

    /// <summary>
    /// Escaped strings are decoded before they are searched; the default encoder escapes '+' (in every base64 key) and
    /// non-ASCII text, so most documents mix raw and escaped strings; every fifth has every string and name escaped.
    /// </summary>
    [Fact]
    public void Both_engines_report_the_same_hits_in_every_generated_file_with_its_strings_escaped()
    {
        var hits = 0;
        for (var index = 0; index < Corpus.Count; index++)
        {
            var node = JsonNode.Parse(Corpus[index].Content)!;
            var escaped = index % 5 == 0 ? SecretSamples.EscapeEveryString(node.ToJsonString()) : node.ToJsonString();
            var bytes = Encoding.UTF8.GetBytes(escaped);
            hits += AssertSameScan(Corpus[index].RelativePath + " (escaped)", Accelerated.Inspect(bytes), Plain.Inspect(bytes));
        }

        Assert.True(hits > 300, $"only {hits} hits in the escaped corpus");
    }

    [Fact]
    public void Both_engines_report_the_same_hits_in_parsed_elements_and_in_lone_values()
    {
        var hits = 0;
        foreach (var file in Corpus.Take(40))
        {
            using var document = JsonDocument.Parse(file.Content);
            hits += AssertSameScan(file.RelativePath + " (element)", Accelerated.Inspect(document.RootElement, "/base"), Plain.Inspect(document.RootElement, "/base"));
            var strings = SecretSamples.Strings(file.Content);
            for (var i = 0; i < strings.Count; i++)
            {
                var key = ValueKeys[i % ValueKeys.Length];
                hits += AssertSameScan($"{file.RelativePath} value {i} under {key ?? "no key"}", Accelerated.InspectValue(strings[i], key), Plain.InspectValue(strings[i], key));
            }
        }

        Assert.True(hits > 150, $"only {hits} hits in elements and values");
    }

    [Fact]
    public void Both_engines_report_the_same_hits_in_crowded_values_and_edge_cases()
    {
        var hits = 0;
        foreach (var (name, json) in OracleDocuments.Crowded(Corpus).Concat(OracleDocuments.Edges()))
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            hits += AssertSameScan(name, Accelerated.Inspect(bytes), Plain.Inspect(bytes));
        }

        Assert.True(hits > 1500, $"only {hits} hits in the crowded and edge documents");
    }

    /// <summary>Names under which a lone value is judged: none, ordinary ones, context keys, not-secret keys.</summary>
    private static readonly string?[] ValueKeys = [null, "description", "password", "Authorization", "x-functions-key", "documentHash", "awsSecretAccessKey", "notes"];

    /// <returns>The number of hits, so that callers can tell that the comparison covered something.</returns>
    private static int AssertSameScan(string document, SecretScan accelerated, SecretScan plain)
    {
        var expected = Describe(plain);
        var actual = Describe(accelerated);
        for (var line = 0; line < Math.Max(expected.Count, actual.Count); line++)
        {
            var want = line < expected.Count ? expected[line] : "(nothing)";
            var got = line < actual.Count ? actual[line] : "(nothing)";
            Assert.True(want == got, $"{document}, entry {line}: the plain engine reports {want}, the accelerated one {got}");
        }
        return plain.Hits.Count;
    }

    private static List<string> Describe(SecretScan scan) =>
    [
        .. scan.Hits.Select(h => $"hit {h.SecretType} {h.Detector} {h.Confidence} at {h.JsonPointer} {h.Line}:{h.Column} {h.Preview} {h.Fingerprint}"),
        .. scan.Unjudged.Select(u => $"unjudged {u.Detector} at {u.JsonPointer} {u.Line}:{u.Column}"),
    ];
}
