using System.CommandLine;
using TenantScanner.Cli.Output;
using TenantScanner.Cli.Sarif;
using TenantScanner.Cli.Secrets;

namespace TenantScanner.Cli.Commands;

/// <summary>
/// <c>scanner secrets PATH... [--format console|json|sarif] [--out FILE] [--patterns FILE] [--max-file-size SIZE]
/// [--max-archive-size SIZE] [--max-compression-ratio N] [--max-archive-depth N]</c>: finds hardcoded
/// secrets in flow exports, definitions, Dataverse rows, solution zips and unpacked solutions.
/// Exit codes: 1 when any secret is found (even if some files failed: a found secret is the more urgent
/// news); otherwise 2 when any path could not be read or parsed, any value could not be fully judged (a
/// detector's regex timed out on it: it may hold a secret), a limit or encryption kept content out, or the
/// arguments/patterns are bad; else 0. Links to folders and special files are listed as skipped without changing the code.
/// </summary>
public sealed class SecretsCommand : ICliCommand
{
    public Command Build()
    {
        var paths = new Argument<string[]>("paths")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Files or folders: flow JSON, Dataverse workflow rows, solution .zip files, unpacked solutions.",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "console",
        };
        format.AcceptOnlyFromAmong("console", "json", "sarif");
        var output = new Option<string?>("--out") { Description = "Write the report to this file (atomically) instead of standard output." };
        var patterns = new Option<string?>("--patterns") { Description = "Use this detector catalog instead of the built-in secret-patterns.yaml." };
        var maxFileSize = new Option<string?>("--max-file-size") { Description = "Largest file or zip entry read (e.g. 100MiB, the default); larger ones are skipped and reported." };
        var maxArchiveSize = new Option<string?>("--max-archive-size") { Description = "Most bytes unpacked from one zip, nested zips included (default 1GiB)." };
        var maxRatio = new Option<int?>("--max-compression-ratio") { Description = "Largest unpacked-to-packed size ratio of a zip entry past its first MiB (default 100)." };
        var maxDepth = new Option<int?>("--max-archive-depth") { Description = "How many zips may hold each other (default 3: a zip in a zip in a zip)." };

        var command = new Command("secrets", "Find hardcoded secrets (Azure and other providers) in flow definitions and solutions; values are never printed.");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(patterns);
        command.Options.Add(maxFileSize);
        command.Options.Add(maxArchiveSize);
        command.Options.Add(maxRatio);
        command.Options.Add(maxDepth);
        command.SetAction(parse =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var defaults = new SecretScanLimits();
            if (!TrySize(parse.GetValue(maxFileSize), "--max-file-size", defaults.MaxFileBytes, stderr, out var fileBytes)
                || !TrySize(parse.GetValue(maxArchiveSize), "--max-archive-size", defaults.MaxArchiveBytes, stderr, out var archiveBytes))
                return ExitCodes.BadInput;
            var limits = new SecretScanLimits
            {
                MaxFileBytes = fileBytes,
                MaxArchiveBytes = archiveBytes,
                MaxCompressionRatio = parse.GetValue(maxRatio) ?? defaults.MaxCompressionRatio,
                MaxArchiveDepth = parse.GetValue(maxDepth) ?? defaults.MaxArchiveDepth,
            };
            if (limits.Problem() is { } problem)
            {
                stderr.WriteLine($"error: {problem}");
                return ExitCodes.BadInput;
            }
            var options = new SecretScanOptions
            {
                Paths = parse.GetValue(paths) ?? [],
                Format = Enum.Parse<SecretOutputFormat>(parse.GetValue(format) ?? "console", ignoreCase: true),
                OutputFile = parse.GetValue(output),
                PatternsFile = parse.GetValue(patterns),
                Limits = limits,
            };
            return Run(options, parse.InvocationConfiguration.Output, stderr);
        });
        return command;
    }

    private static bool TrySize(string? text, string option, long fallback, TextWriter stderr, out long bytes)
    {
        if (text is null)
        {
            bytes = fallback;
            return true;
        }
        if (ByteSizeText.TryParse(text, out bytes))
            return true;
        stderr.WriteLine($"error: {option} '{DisplayText.Escape(text)}' is not a size (a number of bytes, or a number with K, M or G, e.g. 100MiB)");
        return false;
    }

    public static int Run(SecretScanOptions options, TextWriter stdout, TextWriter stderr)
    {
        if (options.OutputFile is { } outFile && Directory.Exists(outFile))
        {
            stderr.WriteLine($"error: --out: '{outFile}' is a folder; give a file for the report.");
            return ExitCodes.BadInput;
        }
        if (!SecretPatternFiles.TryLoad(options.PatternsFile, out var catalog, out var patternsError))
        {
            stderr.WriteLine($"error: {patternsError}");
            return ExitCodes.BadInput;
        }

        var log = new SecretScanLog();
        var inputs = new SecretInputCollector(Directory.GetCurrentDirectory(), options.Limits).Collect(options.Paths, log);
        var result = new SecretScanRunner(catalog).Run(inputs, log);
        var report = options.Format switch
        {
            SecretOutputFormat.Json => JsonSecretWriter.Render(result),
            SecretOutputFormat.Sarif => SarifSecretWriter.Render(result),
            _ => ConsoleSecretWriter.Render(result),
        };
        if (options.OutputFile is null)
        {
            stdout.Write(report);
        }
        else
        {
            try
            {
                AtomicFile.WriteAllText(options.OutputFile, report);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Without its report the run has produced nothing a pipeline can use, whatever it found.
                stderr.WriteLine($"error: --out: the report cannot be written to '{options.OutputFile}': {e.Message}");
                return ExitCodes.BadInput;
            }
            stdout.WriteLine($"{result.Findings.Count} secret(s) in {result.DocumentsScanned} document(s); report written to {options.OutputFile}");
        }
        if (options.Format != SecretOutputFormat.Console || options.OutputFile is not null)
        {
            // Machine formats carry the errors inside; people still need to see them.
            foreach (var error in result.Errors)
                stderr.WriteLine($"error: {error}");
            foreach (var unjudged in result.Unjudged)
                stderr.WriteLine($"warning: {unjudged}");
            foreach (var skip in result.Skipped)
                stderr.WriteLine($"skipped: {skip}");
        }
        if (result.Findings.Count > 0)
            return ExitCodes.FindingsAtOrAboveThreshold;
        // An unread file, an unjudged value and content a limit kept out alike leave the scan incomplete: "no secret" is not proven.
        return result.Complete ? ExitCodes.Success : ExitCodes.BadInput;
    }
}
