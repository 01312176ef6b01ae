using System.Text.Json;
using TenantScanner.Cli.Commands;
using static TenantScanner.Cli.Tests.HostileFiles;

namespace TenantScanner.Cli.Tests.Secrets.Hostile;

/// <summary>Zips built to exhaust memory or time: each is skipped and named, and the rest of the zip is still scanned.</summary>
public sealed class ZipBombTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void Entry_declaring_more_than_the_file_size_limit_is_skipped_unread_and_its_siblings_are_scanned()
    {
        using var folder = new TempFolder();
        var zip = Zip(Path.Combine(folder.Path, "bomb.zip"), ("Workflows/big.json", 2 * MiB), ("Workflows/flow.json", FlowWithSecret));

        var run = CliRun.Invoke("secrets", zip, "--format", "json", "--max-file-size", "1MiB");

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        var skip = Assert.Single(report.RootElement.GetProperty("skipped").EnumerateArray());
        Assert.EndsWith("bomb.zip!/Workflows/big.json", skip.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.Equal("tooLarge", skip.GetProperty("reason").GetString());
        Assert.Contains("declares 2,097,152 bytes unpacked, over --max-file-size (1,048,576 bytes)", skip.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("bomb.zip!/Workflows/flow.json", Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray()).GetProperty("file").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_of_zeros_with_a_thousandfold_compression_ratio_is_skipped_under_the_default_limits()
    {
        using var folder = new TempFolder();
        var zip = Zip(Path.Combine(folder.Path, "bomb.zip"), ("Workflows/zeros.json", 8 * MiB));
        Assert.True(new FileInfo(zip).Length < 64 * 1024);

        var run = CliRun.Invoke("secrets", zip);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("skipped: bomb.zip!/Workflows/zeros.json: declares 8,388,608 bytes unpacked from ", Relative(run.Output, folder), StringComparison.Ordinal);
        Assert.Contains("over --max-compression-ratio 100; not unpacked", run.Output, StringComparison.Ordinal);
        Assert.Contains("No secrets found in 0 document(s); 1 skipped.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_past_the_archive_size_limit_are_skipped_and_those_before_it_scanned()
    {
        using var folder = new TempFolder();
        // Incompressible entries (so the ratio limit does not apply) of 600 KiB each, a 1 MiB budget: the second
        // entry crosses it, the third finds it spent.
        var noise = new byte[600 * 1024];
        new Random(7).NextBytes(noise);
        var withSecret = System.Text.Encoding.UTF8.GetBytes(FlowWithSecret);
        var zip = Zip(Path.Combine(folder.Path, "many.zip"), ("a.json", withSecret), ("b.json", noise), ("c.json", noise), ("d.json", noise));

        var run = CliRun.Invoke("secrets", zip, "--format", "json", "--max-archive-size", "1M");

        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray());
        var skips = report.RootElement.GetProperty("skipped").EnumerateArray().Select(s => (Path.GetFileName(s.GetProperty("file").GetString()), s.GetProperty("reason").GetString())).ToList();
        Assert.Equal([("c.json", "archiveBudget"), ("d.json", "archiveBudget")], skips);
        Assert.Contains(report.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("file").GetString()!.EndsWith("b.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Nested_zip_is_scanned_and_its_entries_are_named_through_both_zips()
    {
        using var folder = new TempFolder();
        var inner = ZipBytes(("Workflows/flow.json", FlowWithSecret));
        var zip = Zip(Path.Combine(folder.Path, "package.zip"), ("solutions/inner.zip", inner));

        var run = CliRun.Invoke("secrets", zip, "--format", "sarif");

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        using var sarif = JsonDocument.Parse(run.Output);
        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("solutions/inner.zip!/Workflows/flow.json", result.GetProperty("properties").GetProperty("archiveEntry").GetString());
        Assert.EndsWith("package.zip", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Zip_nested_deeper_than_the_limit_is_reported_as_skipped_not_opened()
    {
        using var folder = new TempFolder();
        var level3 = ZipBytes(("flow.json", FlowWithSecret));
        var level2 = ZipBytes(("three.zip", level3));
        var zip = Zip(Path.Combine(folder.Path, "one.zip"), ("two.zip", level2));

        var run = CliRun.Invoke("secrets", zip, "--max-archive-depth", "2");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("one.zip!/two.zip!/three.zip: a zip nested 3 deep, over --max-archive-depth 2; not opened", run.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, CliRun.Invoke("secrets", zip).ExitCode);
    }

    [Fact]
    public void Encrypted_entry_is_reported_as_encrypted_not_as_malformed()
    {
        using var folder = new TempFolder();
        var zip = Zip(Path.Combine(folder.Path, "locked.zip"), ("Workflows/flow.json", FlowWithSecret));
        MarkEncrypted(zip);

        var run = CliRun.Invoke("secrets", zip, "--format", "json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        Assert.Empty(report.RootElement.GetProperty("errors").EnumerateArray());
        var skip = Assert.Single(report.RootElement.GetProperty("skipped").EnumerateArray());
        Assert.Equal("encrypted", skip.GetProperty("reason").GetString());
        Assert.Equal("encrypted, not scanned (no password is tried)", skip.GetProperty("message").GetString());
    }

    [Fact]
    public void Control_characters_in_an_entry_name_are_escaped_in_every_output()
    {
        using var folder = new TempFolder();
        var zip = Zip(Path.Combine(folder.Path, "names.zip"), ("Workflows/\u001b]8;;https://evil\u0007x\u202e.json", FlowWithSecret));

        foreach (var format in new[] { "console", "json", "sarif" })
        {
            var run = CliRun.Invoke("secrets", zip, "--format", format);

            Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
            Assert.DoesNotContain('\u001b', run.Output + run.Error);
            Assert.DoesNotContain('\u0007', run.Output + run.Error);
            Assert.DoesNotContain('\u202e', run.Output + run.Error);
            Assert.Contains(format == "console" ? @"\x1b]8;;https://evil\x07x\u202e.json" : @"\\x1b]8;;https://evil\\x07x\\u202e.json", run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Damaged_zip_is_an_error_naming_it_and_the_other_paths_are_scanned()
    {
        using var folder = new TempFolder();
        var zip = Path.Combine(folder.Path, "damaged.zip");
        File.WriteAllBytes(zip, [.. ZipBytes(("flow.json", FlowWithSecret)).Take(40)]);
        var flow = folder.Write("flow.json", FlowWithSecret);

        var run = CliRun.Invoke("secrets", zip, flow);

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, run.ExitCode);
        Assert.Contains("damaged.zip: cannot read zip:", run.Output, StringComparison.Ordinal);
    }

    private static string Relative(string text, TempFolder folder) => text.Replace(folder.Path.Replace('\\', '/') + "/", "", StringComparison.Ordinal);
}
