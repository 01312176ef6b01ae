using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TenantScanner.Secrets;

namespace TenantScanner.Bench.SecretCorpus;

/// <summary>
/// Measures one pass over every JSON file of a folder on all cores (Parallel.ForEach over files, reading each
/// file inside the loop): <c>tokenize</c> only reads every token with <see cref="Utf8JsonReader"/> (the floor any
/// JSON scanner pays), <c>detect</c> runs <see cref="SecretDetector.ScanJson(ReadOnlySpan{byte})"/>. A warm-up
/// pass over all files runs first (JIT, page cache). Wall time suffers when other work shares the machine;
/// CPU time of the timed pass is reported too. Prints one JSON line.
/// </summary>
public static class ThroughputBenchmark
{
    public static string Run(string mode, string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var detector = new SecretDetector(SecretPatternCatalog.LoadDefault());
        Func<byte[], int> work = mode switch
        {
            "tokenize" => Tokenize,
            "detect" => bytes => detector.ScanJson(bytes).Count,
            _ => throw new ArgumentException($"unknown benchmark mode '{mode}' (tokenize or detect)", nameof(mode)),
        };
        // A whole warm-up pass: tiered JIT and the page cache reach their steady state before timing.
        Pass(files, work);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var (bytes, hits) = Pass(files, work);
        stopwatch.Stop();
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var seconds = stopwatch.Elapsed.TotalSeconds;
        return JsonSerializer.Serialize(new
        {
            mode,
            files = files.Length,
            megabytes = Math.Round(bytes / 1e6, 1),
            seconds = Math.Round(seconds, 2),
            mbPerSecond = Math.Round(bytes / 1e6 / seconds, 1),
            filesPerSecond = Math.Round(files.Length / seconds, 0),
            cpuSeconds = Math.Round(cpuSeconds, 2),
            mbPerCpuSecond = Math.Round(bytes / 1e6 / cpuSeconds, 1),
            peakWorkingSetMb = Math.Round(process.PeakWorkingSet64 / 1e6, 0),
            hits,
            cores = Environment.ProcessorCount,
        }).ToString(CultureInfo.InvariantCulture);
    }

    private static (long Bytes, long Hits) Pass(string[] files, Func<byte[], int> work)
    {
        long bytes = 0, hits = 0;
        Parallel.ForEach(files, file =>
        {
            var content = File.ReadAllBytes(file);
            var found = work(content);
            Interlocked.Add(ref bytes, content.Length);
            Interlocked.Add(ref hits, found);
        });
        return (bytes, hits);
    }

    private static int Tokenize(byte[] content)
    {
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var strings = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
                strings++;
        }
        return strings > int.MaxValue ? 1 : 0;
    }
}
