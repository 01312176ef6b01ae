using System.Diagnostics;
using TenantScanner.Fuzz.Targets;

namespace TenantScanner.Fuzz;

/// <summary>
/// The loop: mutate a seed of each target in turn, run it, keep every undocumented exception (one saved input per
/// distinct exception type and top frame, so a bug found a thousand times is one file). A watchdog saves an input
/// that runs past the hang limit and ends the process: a thread stuck in a parser cannot be stopped otherwise.
/// </summary>
internal sealed class FuzzRun(FuzzOptions options, IReadOnlyList<IFuzzTarget> targets)
{
    private readonly Random _random = new(options.Seed);
    private readonly HashSet<string> _signatures = [];
    private byte[] _current = [];
    private string _currentTarget = "";
    private long _startedAt;

    public int Run()
    {
        Directory.CreateDirectory(options.OutputFolder);
        var mutator = new Mutator(_random);
        using var watchdog = new Timer(_ => CheckForHang(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();
        var runs = targets.ToDictionary(t => t.Name, _ => 0L);
        var crashes = 0;
        for (var i = 0; clock.Elapsed.TotalSeconds < options.Seconds; i++)
        {
            var target = targets[i % targets.Count];
            var input = mutator.Mutate(target.Seed(_random));
            Volatile.Write(ref _current, input);
            _currentTarget = target.Name;
            Interlocked.Exchange(ref _startedAt, Stopwatch.GetTimestamp());
            try
            {
                target.Run(input);
            }
            catch (Exception e) when (!target.IsDocumented(e))
            {
                crashes++;
                Save(target, input, e);
            }
            catch (Exception)
            {
                // the documented refusal of bad input
            }
            Interlocked.Exchange(ref _startedAt, 0);
            runs[target.Name]++;
        }
        Console.WriteLine($"fuzz: {string.Join(", ", runs.Select(r => $"{r.Key} {r.Value:N0} inputs"))}; {crashes} crash(es), {_signatures.Count} distinct");
        return crashes == 0 ? 0 : 1;
    }

    private void Save(IFuzzTarget target, byte[] input, Exception e)
    {
        var frame = new StackTrace(e).GetFrames().FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Namespace?.StartsWith("TenantScanner", StringComparison.Ordinal) == true);
        var signature = $"{target.Name}:{e.GetType().FullName}:{frame?.GetMethod()?.DeclaringType?.Name}.{frame?.GetMethod()?.Name}";
        if (!_signatures.Add(signature))
            return;
        var name = $"{target.Name}-{(target is SnapshotTarget s ? s.Describe() + "-" : "")}{_signatures.Count:D3}";
        File.WriteAllBytes(Path.Combine(options.OutputFolder, name + ".bin"), input);
        File.WriteAllText(Path.Combine(options.OutputFolder, name + ".txt"), $"seed {options.Seed}\n{signature}\n\n{e}\n");
        Console.WriteLine($"crash: {signature} -> {Path.Combine(options.OutputFolder, name)}.bin");
    }

    private void CheckForHang()
    {
        var started = Interlocked.Read(ref _startedAt);
        if (started == 0 || Stopwatch.GetElapsedTime(started).TotalSeconds < options.HangSeconds)
            return;
        var path = Path.Combine(options.OutputFolder, $"{_currentTarget}-hang.bin");
        File.WriteAllBytes(path, Volatile.Read(ref _current));
        Console.WriteLine($"hang: {_currentTarget} ran over {options.HangSeconds} s on {path}");
        Environment.Exit(2);
    }
}
