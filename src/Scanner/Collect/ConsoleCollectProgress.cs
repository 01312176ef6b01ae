using System.Collections.Concurrent;
using Spectre.Console;

namespace TenantScanner.Cli.Collect;

/// <summary>Plain log lines (output redirected, CI logs): retries and gaps as they happen, a summary per source at the end.</summary>
public sealed class PlainCollectProgress(TextWriter output) : ICollectProgress
{
    private readonly object _gate = new();

    public void Report(SourceProgress progress) { }

    public void Log(string message)
    {
        lock (_gate)
            output.WriteLine(message);
    }
}

/// <summary>Spectre.Console live progress, one line per source: pages, objects, retries.</summary>
public sealed class LiveCollectProgress(ProgressContext context) : ICollectProgress
{
    private readonly ConcurrentDictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public void Report(SourceProgress progress)
    {
        ProgressTask task;
        lock (_gate)
            task = _tasks.GetOrAdd(progress.Source, source => context.AddTask(Markup.Escape(source), maxValue: double.MaxValue).IsIndeterminate());
        task.Description = Markup.Escape($"{progress.Source}: {progress.Pages} pages, {progress.Objects} objects"
            + (progress.Retries > 0 ? $", {progress.Retries} retries" : "") + (progress.Failures > 0 ? $", {progress.Failures} FAILED" : ""));
    }

    public void Log(string message) { }

    public void StopAll()
    {
        foreach (var task in _tasks.Values)
            task.StopTask();
    }
}
