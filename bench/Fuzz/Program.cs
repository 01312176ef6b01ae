using TenantScanner.Fuzz;
using TenantScanner.Fuzz.Targets;

// Fuzzes the parsers of untrusted input for a bounded time and reports every exception that is not the parser's
// documented refusal, with the input saved to a file. Exit code: 0 nothing found, 1 crashes found, 2 a hang, 64 usage.
FuzzOptions options;
try
{
    options = FuzzOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine("usage: fuzz [--seconds N] [--seed S] [--target snapshot|overlay|suppressions|patterns|secrets] [--out DIR] [--hang-seconds N]");
    return 64;
}

var repository = Seeds.RepositoryRoot();
var demoTenant = Seeds.DemoTenant(repository);
IFuzzTarget[] all =
[
    new SnapshotTarget(demoTenant),
    new RuleOverlayTarget(),
    new SuppressionTarget(),
    new SecretPatternsTarget(File.ReadAllBytes(Path.Combine(repository, "secret-patterns.yaml"))),
    new SecretWalkerTarget(Seeds.SecretDocuments(demoTenant)),
];
var targets = options.Target is null ? all : all.Where(t => t.Name == options.Target).ToArray();
if (targets.Length == 0)
{
    Console.Error.WriteLine($"error: unknown target {options.Target}");
    return 64;
}

Console.WriteLine($"fuzz: seed {options.Seed}, {options.Seconds} s, targets {string.Join(", ", targets.Select(t => t.Name))}, crashes to {options.OutputFolder}");
return new FuzzRun(options, targets).Run();
