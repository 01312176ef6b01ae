using TenantScanner.TestKit.SecretCorpus;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.FlowDefinitions;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;
using Xunit.Abstractions;

namespace TenantScanner.Tests.Secrets;

public sealed class CorpusAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void Precision_and_recall_are_at_least_098_for_every_secret_type_on_the_labelled_corpus()
    {
        var files = new CorpusGenerator(seed: 42).Generate(300).ToList();

        var report = AccuracyReport.Measure(new SecretDetector(SecretPatternCatalog.LoadDefault()), files);
        output.WriteLine(report.ToMarkdown());
        foreach (var mistake in report.Mistakes)
            output.WriteLine(mistake);

        Assert.Equal(SecretPlanter.SecretTypes.Order(StringComparer.Ordinal), report.Types.Select(t => t.SecretType));
        Assert.All(report.Types, t => Assert.True(t.Planted >= 15, $"{t.SecretType}: only {t.Planted} planted"));
        Assert.All(report.Types, t => Assert.True(t.Precision >= 0.98, $"{t.SecretType}: precision {t.Precision:0.000}"));
        Assert.All(report.Types, t => Assert.True(t.Recall >= 0.98, $"{t.SecretType}: recall {t.Recall:0.000}"));
    }

    [Fact]
    public void Corpus_holds_hard_decoys_in_every_file_and_is_the_same_for_the_same_seed()
    {
        var first = new CorpusGenerator(seed: 7).Generate(5).ToList();
        var second = new CorpusGenerator(seed: 7).Generate(5).ToList();

        Assert.Equal(first.Select(f => Convert.ToHexString(f.Content)), second.Select(f => Convert.ToHexString(f.Content)));
        Assert.Contains(first, f => f.Labels.Count == 0);
    }
}
