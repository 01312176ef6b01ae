using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;

namespace TenantScanner.Bench.Secrets;

/// <summary>
/// Measures one pass over every JSON file of a folder on all cores (Parallel.ForEach over files, reading each
/// file inside the loop): <c>tokenize</c> only reads every token with <see cref="Utf8JsonReader"/> (the floor any
/// JSON scanner pays), <c>tokenize-embedded</c> also tokenises the JSON documents held in strings (as the detector
/// must), <c>detect</c> runs <see cref="SecretDetector.ScanJson(ReadOnlySpan{byte})"/>, <c>detect-plain</c> the same
/// with the plain engine (what the acceleration earns), <c>keyword-search</c> only the detector's keyword search over
/// each whole file. A warm-up pass over all files runs first (JIT, page cache).
/// Wall time suffers when other work shares the machine; CPU time is reported too; both are medians of five timed
/// passes, with the GC's collections and pause per pass. Prints one JSON line.
/// </summary>
public static class ThroughputBenchmark
{
    public static string Run(string mode, string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        if (mode == InterleavedMode)
            return RunInterleaved(files);
        if (mode.EndsWith(InMemorySuffix, StringComparison.Ordinal))
            return RunInMemory(mode, files, Work(mode[..^InMemorySuffix.Length]));
        var work = Work(mode);
        // A whole warm-up pass: tiered JIT and the page cache reach their steady state before timing.
        Pass(files, work);
        using var process = Process.GetCurrentProcess();
        var walls = new List<double>();
        var cpus = new List<double>();
        long bytes = 0, hits = 0;
        var collections = CollectionCounts();
        var gcPause = GC.GetTotalPauseDuration();
        for (var pass = 0; pass < TimedPasses; pass++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            (bytes, hits) = Pass(files, work);
            walls.Add(stopwatch.Elapsed.TotalSeconds);
            process.Refresh();
            cpus.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
        }
        collections = CollectionCounts().Zip(collections, (after, before) => (after - before) / TimedPasses).ToArray();
        var gcPauseSeconds = (GC.GetTotalPauseDuration() - gcPause).TotalSeconds / TimedPasses;
        // Medians: a pass that another process slowed down moves neither figure.
        var seconds = Median(walls);
        var cpuSeconds = Median(cpus);
        return JsonSerializer.Serialize(new
        {
            mode,
            files = files.Length,
            megabytes = Math.Round(bytes / 1e6, 1),
            passes = TimedPasses,
            seconds = Math.Round(seconds, 2),
            fastestSeconds = Math.Round(walls.Min(), 2),
            mbPerSecond = Math.Round(bytes / 1e6 / seconds, 1),
            filesPerSecond = Math.Round(files.Length / seconds, 0),
            cpuSeconds = Math.Round(cpuSeconds, 2),
            mbPerCpuSecond = Math.Round(bytes / 1e6 / cpuSeconds, 1),
            peakWorkingSetMb = Math.Round(process.PeakWorkingSet64 / 1e6, 0),
            // Per pass: collections of generations 0, 1 and 2, and the time the GC paused the program.
            gcCollectionsPerPass = collections,
            gcPauseSecondsPerPass = Math.Round(gcPauseSeconds, 3),
            hits,
            cores = Environment.ProcessorCount,
        }).ToString(CultureInfo.InvariantCulture);
    }

    private const string InterleavedMode = "interleaved";
    private const int InterleavedRounds = 7;
    private static readonly string[] InterleavedModes = ["tokenize", "tokenize-embedded", "detect"];

    /// <summary>
    /// The ratios alone, measured so that the machine's speed cannot tilt them: one process, one warm-up pass of each
    /// mode, then rounds of one parallel pass of each mode back to back (the order turning each round). Each round
    /// gives detection's ratio to each tokeniser from passes a second apart; the medians of those ratios are reported,
    /// with their range. Separate processes minutes apart (the other rows) can differ by a third on a shared machine.
    /// </summary>
    private static string RunInterleaved(string[] files)
    {
        var works = InterleavedModes.ToDictionary(mode => mode, Work);
        foreach (var work in works.Values)
            Pass(files, work);
        using var process = Process.GetCurrentProcess();
        var walls = InterleavedModes.ToDictionary(mode => mode, _ => new List<double>());
        var cpus = InterleavedModes.ToDictionary(mode => mode, _ => new List<double>());
        for (var round = 0; round < InterleavedRounds; round++)
        {
            for (var turn = 0; turn < InterleavedModes.Length; turn++)
            {
                var mode = InterleavedModes[(round + turn) % InterleavedModes.Length];
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var stopwatch = Stopwatch.StartNew();
                Pass(files, works[mode]);
                walls[mode].Add(stopwatch.Elapsed.TotalSeconds);
                process.Refresh();
                cpus[mode].Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
            }
        }
        return JsonSerializer.Serialize(new
        {
            mode = InterleavedMode,
            files = files.Length,
            rounds = InterleavedRounds,
            seconds = InterleavedModes.ToDictionary(mode => mode, mode => Math.Round(Median(walls[mode]), 3)),
            cpuSeconds = InterleavedModes.ToDictionary(mode => mode, mode => Math.Round(Median(cpus[mode]), 3)),
            detectVsTokenize = Ratios(walls, cpus, "tokenize"),
            detectVsTokenizeEmbedded = Ratios(walls, cpus, "tokenize-embedded"),
            cores = Environment.ProcessorCount,
        }).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Detection's time over a tokeniser's, round by round: the median, the lowest and the highest.</summary>
    private static object Ratios(Dictionary<string, List<double>> walls, Dictionary<string, List<double>> cpus, string baseline)
    {
        List<double> PerRound(Dictionary<string, List<double>> times) =>
            times["detect"].Zip(times[baseline], (detect, tokenize) => detect / tokenize).ToList();
        var wall = PerRound(walls);
        var cpu = PerRound(cpus);
        return new
        {
            wall = Math.Round(Median(wall), 2),
            wallRange = new[] { Math.Round(wall.Min(), 2), Math.Round(wall.Max(), 2) },
            cpu = Math.Round(Median(cpu), 2),
            cpuRange = new[] { Math.Round(cpu.Min(), 2), Math.Round(cpu.Max(), 2) },
        };
    }

    private static int[] CollectionCounts() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

    /// <summary>Timed parallel passes after the warm-up; each figure reported is the median of these.</summary>
    private const int TimedPasses = 5;

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private const string InMemorySuffix = "-in-memory";
    private const int InMemoryPasses = 5;

    private static Func<byte[], int> Work(string mode)
    {
        var catalog = SecretPatternCatalog.LoadDefault();
        var detector = new SecretDetector(catalog);
        var plainDetector = new SecretDetector(catalog, SecretScanningEngine.Plain);
        return mode switch
        {
            "tokenize" => Tokenize,
            "tokenize-embedded" => content => TokenizeWithEmbedded(content, 0),
            "detect" => bytes => detector.ScanJson(bytes).Count,
            "detect-plain" => bytes => plainDetector.ScanJson(bytes).Count,
            "keyword-search" => KeywordSearch(),
            _ => throw new ArgumentException($"unknown benchmark mode '{mode}' (tokenize, tokenize-embedded, detect, detect-plain or keyword-search, optionally with {InMemorySuffix})", nameof(mode)),
        };
    }

    /// <summary>One part of detection alone: the search for every keyword start in each whole file (embedded documents not included).</summary>
    private static Func<byte[], int> KeywordSearch()
    {
        var finder = new SimdKeywordFinder(SecretPatternCatalog.LoadDefault().Patterns);
        var starts = new ThreadLocal<List<KeywordStart>>(() => []);
        return content =>
        {
            var found = starts.Value!;
            found.Clear();
            finder.FindKeywordStarts(content, content.Length, found);
            return found.Count;
        };
    }

    /// <summary>
    /// The work alone: every file read into memory first, then passes on one thread, so neither file reading nor
    /// the other core's load blurs the comparison. Reports the fastest and the median of five passes after a
    /// warm-up pass, and the managed allocation of one pass.
    /// </summary>
    private static string RunInMemory(string mode, string[] files, Func<byte[], int> work)
    {
        var contents = files.Select(File.ReadAllBytes).ToArray();
        var bytes = contents.Sum(c => (long)c.Length);
        long hits = 0;
        foreach (var content in contents)
            hits += work(content);
        var seconds = new List<double>();
        long allocated = 0;
        for (var pass = 0; pass < InMemoryPasses; pass++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            foreach (var content in contents)
                work(content);
            seconds.Add(stopwatch.Elapsed.TotalSeconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        }
        seconds.Sort();
        return JsonSerializer.Serialize(new
        {
            mode,
            files = files.Length,
            megabytes = Math.Round(bytes / 1e6, 1),
            fastestSeconds = Math.Round(seconds[0], 3),
            medianSeconds = Math.Round(seconds[seconds.Count / 2], 3),
            mbPerSecond = Math.Round(bytes / 1e6 / seconds[seconds.Count / 2], 1),
            allocatedMbPerPass = Math.Round(allocated / 1e6, 1),
            hits,
            threads = 1,
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

    /// <summary>
    /// The detector also parses every string that holds a JSON document (a third of the corpus are Dataverse rows
    /// whose whole definition is the escaped <c>clientdata</c> string), which a bare tokeniser never looks inside.
    /// This baseline does that too, the same way and no more: unescape such a string to UTF-8 and tokenise it,
    /// up to four levels deep, ignoring strings that turn out not to be JSON.
    /// </summary>
    private static int TokenizeWithEmbedded(ReadOnlySpan<byte> content, int depth)
    {
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var strings = 0;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.String)
                continue;
            strings++;
            var raw = reader.ValueSpan.Trim(" \t\r\n"u8);
            if (depth >= 4 || raw.Length < 2 || !((raw[0] == '{' && raw[^1] == '}') || (raw[0] == '[' && raw[^1] == ']')))
                continue;
            var utf8 = System.Buffers.ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
            try
            {
                strings += TokenizeWithEmbedded(utf8.AsSpan(0, reader.CopyString(utf8)), depth + 1);
            }
            catch (JsonException)
            {
                // not JSON after all
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(utf8);
            }
        }
        return depth == 0 ? (strings > int.MaxValue ? 1 : 0) : strings;
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
