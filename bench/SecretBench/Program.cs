using TenantScanner.Bench.Secrets;

// secret-bench tokenize|tokenize-embedded|detect|detect-plain|keyword-search[-in-memory] DIR   throughput of one pass over DIR (JSON line)
// secret-bench interleaved DIR                                                  detection's time over tokenising's, from passes run back to back
if (args.Length != 2 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: secret-bench MODE DIR   (MODE: tokenize, tokenize-embedded, detect, detect-plain, keyword-search, each optionally -in-memory; or interleaved)");
    return 2;
}
if (!Directory.Exists(args[1]))
{
    Console.Error.WriteLine($"secret-bench: folder not found: {args[1]}");
    return 2;
}
try
{
    Console.WriteLine(ThroughputBenchmark.Run(args[0], args[1]));
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"secret-bench: {e.Message}");
    return 2;
}
