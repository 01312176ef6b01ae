using System.Text.Json;
using TenantScanner.Cli.Commands;
using TenantScanner.Cli.Secrets;
using TenantScanner.SecretScanning.Catalog;
using static TenantScanner.Cli.Tests.HostileFiles;

namespace TenantScanner.Cli.Tests.Secrets.Hostile;

/// <summary>Folders with link loops, FIFOs, devices and unreadable parts: the scan ends, reports each once, and goes on.</summary>
public sealed class HostileFolderTests
{
    [Fact]
    public void Link_of_a_folder_to_itself_is_not_followed_and_the_secret_is_reported_once()
    {
        using var folder = new TempFolder();
        folder.Write("flows/flow.json", FlowWithSecret);
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "flows", "loop"), Path.Combine(folder.Path, "flows"));

        var run = CliRun.Invoke("secrets", folder.Path, "--format", "json");

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray());
        var skip = Assert.Single(report.RootElement.GetProperty("skipped").EnumerateArray());
        Assert.EndsWith("flows/loop", skip.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.Equal("linkNotFollowed", skip.GetProperty("reason").GetString());
        Assert.False(skip.GetProperty("leavesGap").GetBoolean());
        Assert.True(report.RootElement.GetProperty("complete").GetBoolean());
    }

    [Fact]
    public void Two_folder_links_pointing_at_each_other_end_the_scan()
    {
        using var folder = new TempFolder();
        folder.Write("a/flow.json", FlowWithSecret);
        Directory.CreateDirectory(Path.Combine(folder.Path, "b"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "a", "to-b"), Path.Combine(folder.Path, "b"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "b", "to-a"), Path.Combine(folder.Path, "a"));

        var run = CliRun.Invoke("secrets", folder.Path);

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Contains("1 secret(s) found in 1 document(s); 2 skipped.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void File_reached_directly_and_through_a_link_is_scanned_once()
    {
        using var folder = new TempFolder();
        var flow = folder.Write("flows/flow.json", FlowWithSecret);
        File.CreateSymbolicLink(Path.Combine(folder.Path, "flows", "alias.json"), flow);

        var run = CliRun.Invoke("secrets", folder.Path, flow);

        Assert.Contains("1 secret(s) found in 1 document(s).", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifo_in_a_folder_is_skipped_without_being_opened()
    {
        using var folder = new TempFolder();
        folder.Write("flow.json", FlowWithSecret);
        var fifo = Path.Combine(folder.Path, "pipe.json");
        if (!TryMakeFifo(fifo))
            return; // no FIFOs on this platform
        // Opening a FIFO for reading blocks until a writer comes: this writer lets the old code finish (reading an
        // empty document) instead of hanging the test run, and is itself released below if nothing opened the FIFO.
        var writer = Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write).Dispose());

        var run = CliRun.Invoke("secrets", folder.Path, "--format", "json");

        if (!writer.IsCompleted)
            new FileStream(fifo, FileMode.Open, FileAccess.Read).Dispose();
        await writer;
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        var skip = Assert.Single(report.RootElement.GetProperty("skipped").EnumerateArray());
        Assert.EndsWith("pipe.json", skip.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.Equal("notRegularFile", skip.GetProperty("reason").GetString());
        Assert.Empty(report.RootElement.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public void Link_to_an_endless_device_is_skipped_not_read()
    {
        if (!File.Exists("/dev/zero"))
            return; // no such device on this platform
        using var folder = new TempFolder();
        File.CreateSymbolicLink(Path.Combine(folder.Path, "zero.json"), "/dev/zero");

        var run = CliRun.Invoke("secrets", folder.Path);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("zero.json: not a regular file (a FIFO, socket or device); not read", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Device_named_on_the_command_line_is_an_error()
    {
        if (!File.Exists("/dev/zero"))
            return;

        var run = CliRun.Invoke("secrets", "/dev/zero");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("/dev/zero: not a regular file (a FIFO, socket or device); not read", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void File_larger_than_the_limit_is_skipped_by_its_size()
    {
        using var folder = new TempFolder();
        var big = Path.Combine(folder.Path, "big.json");
        using (var stream = File.Create(big))
            stream.SetLength(3L * 1024 * 1024 * 1024); // sparse: takes no disk space
        folder.Write("flow.json", FlowWithSecret);

        var run = CliRun.Invoke("secrets", folder.Path);

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Contains("big.json: 3,221,225,472 bytes, over --max-file-size (104,857,600 bytes); not read", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unlistable_subfolder_is_an_error_naming_it_and_the_secret_in_its_sibling_is_still_found()
    {
        using var folder = new TempFolder();
        folder.Write("locked/flow.json", CleanFlow);
        folder.Write("open/flow.json", FlowWithSecret);
        var locked = Path.Combine(folder.Path, "locked");
        // Root reads a folder whose permissions are 000, so the folder is made unlistable at the listing seam;
        // what the collector does with the failure is the real code.
        var collector = new SecretInputCollector(folder.Path, new SecretScanLimits(), dir =>
            dir.FullName == locked ? throw new UnauthorizedAccessException($"Access to the path '{dir.FullName}' is denied.") : FolderWalker.RealListing(dir));
        var log = new SecretScanLog();

        var result = new SecretScanRunner(SecretPatternCatalog.LoadDefault()).Run(collector.Collect([folder.Path], log), log);

        var error = Assert.Single(result.Errors);
        Assert.Equal("locked", error.File);
        Assert.StartsWith("cannot list folder: Access to the path", error.Message, StringComparison.Ordinal);
        Assert.Equal("open/flow.json", Assert.Single(result.Findings).Input.DisplayPath);
    }

    [Fact]
    public void Folder_without_read_permission_is_an_error_and_the_scan_exits_one_for_the_secret_beside_it()
    {
        if (OperatingSystem.IsWindows() || IsRoot)
            return; // root reads it anyway: the seam test above covers root
        using var folder = new TempFolder();
        folder.Write("locked/flow.json", CleanFlow);
        folder.Write("open/flow.json", FlowWithSecret);
        var locked = Path.Combine(folder.Path, "locked");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var run = CliRun.Invoke("secrets", folder.Path);

            Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
            Assert.Contains("locked: cannot list folder:", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Control_characters_in_a_file_name_are_escaped()
    {
        if (OperatingSystem.IsWindows())
            return; // Windows refuses such names
        using var folder = new TempFolder();
        folder.Write("flow\u001b[2J.json", FlowWithSecret);

        var run = CliRun.Invoke("secrets", folder.Path);

        Assert.DoesNotContain('\u001b', run.Output);
        Assert.Contains(@"flow\x1b[2J.json", run.Output, StringComparison.Ordinal);
    }
}
