using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.TestKit.SecretCorpus;

// secret-corpus OUT_DIR [--count N] [--seed S] [--filler N]   writes the corpus and labels.jsonl
// secret-corpus --evaluate [--count N] [--seed S]              prints the per-type accuracy table (markdown)
// (The throughput benchmark over such a corpus is bench/SecretBench.)
var count = Option("--count", 300);
var seed = Option("--seed", 42);
var filler = Option("--filler", 12);
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
