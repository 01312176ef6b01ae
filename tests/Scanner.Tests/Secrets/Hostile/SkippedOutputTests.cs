using System.Text.Json;
using TenantScanner.Cli.Commands;
using static TenantScanner.Cli.Tests.HostileFiles;

namespace TenantScanner.Cli.Tests.Secrets.Hostile;

/// <summary>What was skipped reaches every format, and the exit code weighs it as README's table says.</summary>
public sealed class SkippedOutputTests
{
    [Fact]
    public void Sarif_lists_a_gap_as_a_warning_and_a_link_as_a_note_and_the_gap_fails_the_execution()
    {
        using var folder = new TempFolder();
        Zip(Path.Combine(folder.Path, "bomb.zip"), ("zeros.json", 8L * 1024 * 1024));
        Directory.CreateDirectory(Path.Combine(folder.Path, "real"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "alias"), Path.Combine(folder.Path, "real"));

        var run = CliRun.Invoke("secrets", folder.Path, "--format", "sarif");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        using var sarif = JsonDocument.Parse(run.Output);
        var invocation = sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notifications = invocation.GetProperty("toolExecutionNotifications").EnumerateArray()
            .Select(n => (n.GetProperty("level").GetString(), n.GetProperty("properties").GetProperty("reason").GetString(), n.GetProperty("message").GetProperty("text").GetString()!))
            .ToList();
        Assert.Contains(notifications, n => n.Item1 == "note" && n.Item2 == "linkNotFollowed" && n.Item3.Contains("alias: symbolic link to a folder", StringComparison.Ordinal));
        Assert.Contains(notifications, n => n.Item1 == "warning" && n.Item2 == "compressionRatio" && n.Item3.Contains("bomb.zip!/zeros.json", StringComparison.Ordinal));
        Assert.Contains("skipped: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_that_leaves_no_gap_keeps_a_clean_scan_at_exit_zero_and_complete()
    {
        using var folder = new TempFolder();
        folder.Write("real/flow.json", CleanFlow);
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "alias"), Path.Combine(folder.Path, "real"));

        var run = CliRun.Invoke("secrets", folder.Path, "--format", "sarif");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var sarif = JsonDocument.Parse(run.Output);
        Assert.True(sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Theory]
    [InlineData("--max-file-size", "0", "--max-file-size must be at least 1 byte")]
    [InlineData("--max-file-size", "lots", "--max-file-size 'lots' is not a size")]
    [InlineData("--max-file-size", "3G", "--max-file-size can be at most")]
    [InlineData("--max-archive-size", "1.5M", "--max-archive-size '1.5M' is not a size")]
    [InlineData("--max-compression-ratio", "0", "--max-compression-ratio must be at least 1")]
    [InlineData("--max-archive-depth", "0", "--max-archive-depth must be at least 1")]
    public void Impossible_limit_is_refused_before_anything_is_read(string option, string value, string message)
    {
        using var folder = new TempFolder();
        var flow = folder.Write("flow.json", FlowWithSecret);

        var run = CliRun.Invoke("secrets", flow, option, value);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("FINGERPRINT", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1048576", 1048576L)]
    [InlineData("100MiB", 104857600L)]
    [InlineData("2g", 2147483648L)]
    [InlineData("512 KB", 524288L)]
    [InlineData("7B", 7L)]
    public void Sizes_are_bytes_or_a_number_with_a_binary_unit(string text, long bytes)
    {
        Assert.True(ByteSizeText.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }
}
