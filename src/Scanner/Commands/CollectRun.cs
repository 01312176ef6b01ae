using Spectre.Console;
using TenantScanner.Cli.Collect;
using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Commands;

/// <summary>
/// Runs one collection for a command: live progress on a terminal, plain lines otherwise, a summary per
/// source and per coverage gap at the end. Sign-in and configuration failures are printed (without
/// secrets) and returned as <see cref="ExitCodes.BadInput"/>, as is an output folder that already exists.
/// </summary>
internal static class CollectRun
{
    public sealed record Outcome(CollectResult? Result, int ExitCode);

    public static async Task<Outcome> RunAsync(CollectOptions options, TextWriter output, TextWriter error, CollectRuntime? runtime, CancellationToken cancellationToken)
    {
        CollectResult result;
        try
        {
            if (!Console.IsOutputRedirected && ReferenceEquals(output, Console.Out))
            {
                CollectResult? live = null;
                await AnsiConsole.Progress().AutoClear(false).HideCompleted(false)
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new SpinnerColumn())
                    .StartAsync(async progressContext =>
                    {
                        var progress = new LiveCollectProgress(progressContext);
                        live = await SnapshotCollector.CollectAsync(options, progress, cancellationToken, runtime);
                        progress.StopAll();
                    });
                result = live!;
            }
            else
            {
                result = await SnapshotCollector.CollectAsync(options, new PlainCollectProgress(output), cancellationToken, runtime);
            }
        }
        catch (CollectConfigurationException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return new Outcome(null, ExitCodes.BadInput);
        }
        catch (SnapshotOutputException ex)
        {
            // --out names a folder that exists (or the finished snapshot could not be moved there): the user picks another.
            await error.WriteLineAsync(ex.Message);
            return new Outcome(null, ExitCodes.BadInput);
        }
        catch (Azure.Identity.AuthenticationFailedException ex)
        {
            await error.WriteLineAsync($"Sign-in failed ({ex.GetType().Name}): {ex.Message.Split('\n', 2)[0]}");
            return new Outcome(null, ExitCodes.BadInput);
        }
        foreach (var source in result.Sources)
            await output.WriteLineAsync($"{source.Source}: {source.Requests} requests, {source.Pages} pages, {source.Objects} objects, {source.Retries} retries");
        foreach (var gap in result.Coverage)
            await output.WriteLineAsync($"GAP {gap.Source}{(gap.EnvironmentId is null ? "" : $" [{gap.EnvironmentId}]")}: {gap.Status?.ToString() ?? "-"} {gap.Error}");
        await output.WriteLineAsync($"Snapshot written to {result.SnapshotFolder} ({result.RequestsSent} requests, {result.Coverage.Count} coverage gaps).");
        return new Outcome(result, result.IsComplete ? ExitCodes.Success : ExitCodes.Incomplete);
    }
}
