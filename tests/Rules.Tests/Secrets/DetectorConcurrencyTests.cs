using System.Collections.Concurrent;
using TenantScanner.TestKit.SecretCorpus;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.FlowDefinitions;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.Tests.Secrets;

/// <summary>
/// One detector serves every thread of a scan; each thread keeps its own walker and its own regex copies. Results
/// must not depend on which thread scanned a file, nor on what another thread scanned at the same moment.
/// </summary>
public sealed class DetectorConcurrencyTests
{
    [Fact]
    public void Scanning_on_many_threads_at_once_finds_what_one_thread_finds()
    {
        var files = new CorpusGenerator(seed: 5).Generate(120).ToList();
        var detector = new SecretDetector(SecretPatternCatalog.LoadDefault());
        var expected = files.Select(file => Describe(detector.ScanJson(file.Content))).ToList();
        Assert.True(expected.Count(e => e.Length > 0) > 60, "too few files with secrets for the comparison to mean much");

        for (var round = 0; round < 3; round++)
        {
            var actual = new ConcurrentDictionary<int, string>();
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 },
                index => actual[index] = Describe(detector.ScanJson(files[index].Content)));

            Assert.Equal(expected, Enumerable.Range(0, files.Count).Select(index => actual[index]));
        }
    }

    private static string Describe(IReadOnlyList<SecretHit> hits) =>
        string.Join("|", hits.Select(h => $"{h.Detector} {h.JsonPointer} {h.Line}:{h.Column} {h.Fingerprint}"));
}
