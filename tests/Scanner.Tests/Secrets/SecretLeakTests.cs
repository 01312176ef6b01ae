using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TenantScanner.TestKit.SecretCorpus;

namespace TenantScanner.Cli.Tests.Secrets;

/// <summary>No planted secret, nor its decoded or JSON-escaped forms, may appear in any output format.</summary>
public sealed class SecretLeakTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void No_output_format_contains_any_planted_secret_of_the_labelled_corpus()
    {
        using var folder = new TempFolder();
        var corpus = Path.Combine(folder.Path, "corpus");
        var files = new CorpusGenerator(seed: 42).Generate(300).ToList();
        CorpusGenerator.WriteTo(corpus, files);
        File.Delete(Path.Combine(corpus, "labels.jsonl")); // the labels hold the values; only flows are scanned
        var outputs = new List<string>();
        foreach (var format in new[] { "console", "json", "sarif" })
        {
            var run = CliRun.Invoke("secrets", corpus, "--format", format);
            Assert.Equal(1, run.ExitCode);
            outputs.Add(run.Output + run.Error);
        }
        var outFile = Path.Combine(folder.Path, "report.sarif");
        outputs.Add(CliRun.Invoke("secrets", corpus, "--format", "sarif", "--out", outFile).Output + File.ReadAllText(outFile));

        var secrets = files.SelectMany(f => f.Labels).Select(l => l.Value).Distinct().ToList();
        Assert.True(secrets.Count > 400);
        foreach (var secret in secrets)
        {
            foreach (var form in Forms(secret))
            {
                foreach (var output in outputs)
                    Assert.False(output.Contains(form, StringComparison.Ordinal), $"an output contains a planted secret ({form.Length} chars)");
            }
        }
    }

    /// <summary>The value, its URL-decoded and base64-decoded forms, and how JSON writers would escape them.</summary>
    private static IEnumerable<string> Forms(string secret)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal) { secret, Uri.UnescapeDataString(secret) };
        var buffer = new byte[secret.Length];
        if (Convert.TryFromBase64String(secret, buffer, out var written))
        {
            var decoded = Encoding.UTF8.GetString(buffer, 0, written);
            if (decoded.All(c => !char.IsControl(c)) && decoded.Length >= 6)
            {
                forms.Add(decoded);
                var colon = decoded.IndexOf(':');
                if (colon >= 0 && decoded.Length - colon > 6)
                    forms.Add(decoded[(colon + 1)..]); // the password of a Basic credential
            }
        }
        foreach (var form in forms.ToList())
        {
            forms.Add(JsonSerializer.Serialize(form)[1..^1]);
            forms.Add(JsonSerializer.Serialize(form, Relaxed)[1..^1]);
        }
        return forms.Where(f => f.Length >= 6);
    }
}
