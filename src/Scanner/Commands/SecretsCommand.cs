using System.CommandLine;
using TenantScanner.Cli.Output;
using TenantScanner.Cli.Sarif;
using TenantScanner.Cli.Secrets;

namespace TenantScanner.Cli.Commands;

/// <summary>
/// <c>scanner secrets PATH... [--format console|json|sarif] [--out FILE] [--patterns FILE]</c>: finds hardcoded
/// secrets in flow exports, definitions, Dataverse rows, solution zips and unpacked solutions.
/// Exit codes: 1 when any secret is found (even if some files failed: a found secret is the more urgent
/// news); otherwise 2 when any path could not be read or parsed, any value could not be fully judged (a
/// detector's regex timed out on it: it may hold a secret), or the arguments/patterns are bad; else 0.
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

        var command = new Command("secrets", "Find hardcoded secrets (Azure and other providers) in flow definitions and solutions; values are never printed.");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(patterns);
        command.SetAction(parse =>
        {
            var options = new SecretScanOptions
            {
                Paths = parse.GetValue(paths) ?? [],
                Format = Enum.Parse<SecretOutputFormat>(parse.GetValue(format) ?? "console", ignoreCase: true),
                OutputFile = parse.GetValue(output),
                PatternsFile = parse.GetValue(patterns),
            };
            return Run(options, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
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

        var (inputs, collectErrors) = new SecretInputCollector(Directory.GetCurrentDirectory()).Collect(options.Paths);
        var result = new SecretScanRunner(catalog).Run(inputs, collectErrors);
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
        }
        if (result.Findings.Count > 0)
            return ExitCodes.FindingsAtOrAboveThreshold;
        // An unread file and an unjudged value alike leave the scan incomplete: "no secret" is not proven.
        return result.Complete ? ExitCodes.Success : ExitCodes.BadInput;
    }
}
