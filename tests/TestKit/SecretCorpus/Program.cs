using TenantScanner.TestKit.SecretCorpus;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.FlowDefinitions;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;

// secret-corpus OUT_DIR [--count N] [--seed S] [--filler N]   writes the corpus and labels.jsonl
// secret-corpus --evaluate [--count N] [--seed S]              prints the per-type accuracy table (markdown)
// secret-corpus --bench tokenize|tokenize-embedded|detect|keyword-search[-in-memory] DIR   throughput of one pass over DIR (JSON line)
// secret-corpus --bench interleaved DIR                        detection's time over tokenising's, from passes run back to back
var count = Option("--count", 300);
var seed = Option("--seed", 42);
var filler = Option("--filler", 12);
var benchIndex = Array.IndexOf(args, "--bench");
if (benchIndex >= 0 && benchIndex + 2 < args.Length)
{
    Console.WriteLine(ThroughputBenchmark.Run(args[benchIndex + 1], args[benchIndex + 2]));
    return 0;
}
if (args.Contains("--evaluate"))
{
    var report = AccuracyReport.Measure(new SecretDetector(SecretPatternCatalog.LoadDefault()), new CorpusGenerator(seed).Generate(count, filler));
    Console.Write(report.ToMarkdown());
    foreach (var mistake in report.Mistakes)
        Console.Error.WriteLine(mistake);
    return 0;
}
if (args.Length == 0 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: secret-corpus OUT_DIR [--count 300] [--seed 42] [--filler 12] | secret-corpus --evaluate [--count 300] [--seed 42]");
    return 2;
}
var written = CorpusGenerator.WriteTo(args[0], new CorpusGenerator(seed).Generate(count, filler));
Console.WriteLine($"wrote {written} files and labels.jsonl to {args[0]}");
return 0;

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}
