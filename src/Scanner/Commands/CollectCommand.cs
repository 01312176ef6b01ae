using System.CommandLine;
using Spectre.Console;
using TenantScanner.Cli.Collect;

namespace TenantScanner.Cli.Commands;

/// <summary>
/// <c>scanner collect</c>: reads a live tenant (Graph, Power Platform, Dataverse, Key Vault) into a
/// snapshot folder. Exit 0 when complete, 3 when some source could not be read (see the manifest's
/// coverage), 2 for bad arguments or configuration.
/// </summary>
public sealed class CollectCommand : ICliCommand
{
    private readonly CollectRuntime? _runtime;

    public CollectCommand() { }

    /// <summary>For tests: a fixed credential instead of the AZURE_* environment.</summary>
    internal CollectCommand(CollectRuntime runtime) => _runtime = runtime;

    private readonly Option<string?> _tenant = new("--tenant") { Description = "Tenant id or domain, e.g. contoso.onmicrosoft.com." };
    private readonly Option<string?> _out = new("--out") { Description = "Snapshot folder to create (must not exist)." };
    private readonly Option<string?> _environments = new("--environments") { Description = "Comma-separated Power Platform environment names (default: all)." };
    private readonly Option<string?> _keyVaults = new("--key-vaults") { Description = "Comma-separated vault URLs whose secret properties (never values) are listed." };
    private readonly Option<string?> _auth = new("--auth") { Description = "default | workload-identity | managed-identity | certificate | azure-cli | device-code (settings come from AZURE_* variables)." };
    private readonly Option<string?> _config = new("--config") { Description = "YAML/JSON file with the same settings plus endpoint overrides." };

    public Command Build()
    {
        var command = new Command("collect", "Collect a live tenant into a snapshot folder (read-only).")
        {
            _tenant, _out, _environments, _keyVaults, _auth, _config,
        };
        // Unknown tokens reach the action, so a secret typed as an unknown option is refused without being echoed.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var refusal = SecretArguments.Refusal(parse.Tokens.Select(t => t.Value).Concat(parse.UnmatchedTokens));
            if (refusal is not null)
            {
                await error.WriteLineAsync(refusal);
                return ExitCodes.BadInput;
            }
            if (parse.UnmatchedTokens.Count > 0)
            {
                await error.WriteLineAsync($"Unknown argument(s): {string.Join(' ', parse.UnmatchedTokens)}. See 'scanner collect --help'.");
                return ExitCodes.BadInput;
            }
            CollectOptions options;
            try
            {
                options = BuildOptions(parse, Environment.GetEnvironmentVariable);
            }
            catch (CollectConfigurationException ex)
            {
                await error.WriteLineAsync(ex.Message);
                return ExitCodes.BadInput;
            }
            return await RunAsync(options, output, error, cancellationToken);
        });
        return command;
    }

    private async Task<int> RunAsync(CollectOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
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
                        live = await SnapshotCollector.CollectAsync(options, progress, cancellationToken, _runtime);
                        progress.StopAll();
                    });
                result = live!;
            }
            else
            {
                result = await SnapshotCollector.CollectAsync(options, new PlainCollectProgress(output), cancellationToken, _runtime);
            }
        }
        catch (CollectConfigurationException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return ExitCodes.BadInput;
        }
        catch (Azure.Identity.AuthenticationFailedException ex)
        {
            await error.WriteLineAsync($"Sign-in failed ({ex.GetType().Name}): {ex.Message.Split('\n', 2)[0]}");
            return ExitCodes.BadInput;
        }
        foreach (var source in result.Sources)
            await output.WriteLineAsync($"{source.Source}: {source.Requests} requests, {source.Pages} pages, {source.Objects} objects, {source.Retries} retries");
        foreach (var gap in result.Coverage)
            await output.WriteLineAsync($"GAP {gap.Source}{(gap.EnvironmentId is null ? "" : $" [{gap.EnvironmentId}]")}: {gap.Status?.ToString() ?? "-"} {gap.Error}");
        await output.WriteLineAsync($"Snapshot written to {result.SnapshotFolder} ({result.RequestsSent} requests, {result.Coverage.Count} coverage gaps).");
        return result.IsComplete ? ExitCodes.Success : ExitCodes.Incomplete;
    }

    internal CollectOptions BuildOptions(ParseResult parse, Func<string, string?> environment)
    {
        var configPath = parse.GetValue(_config);
        var file = configPath is null ? new CollectConfigFile() : CollectConfigFile.Load(configPath);
        var origin = configPath ?? "configuration";
        var tenant = parse.GetValue(_tenant) ?? file.Tenant ?? throw new CollectConfigurationException("--tenant is required (or 'tenant' in --config).");
        var outFolder = parse.GetValue(_out) ?? throw new CollectConfigurationException("--out is required: the snapshot folder to create.");
        var authName = parse.GetValue(_auth) ?? file.Auth ?? "default";
        if (!AuthModeNames.TryParse(authName, out var auth))
            throw new CollectConfigurationException($"--auth: '{authName}' is not one of {string.Join(", ", AuthModeNames.Names)}.");
        var vaults = Split(parse.GetValue(_keyVaults)) ?? file.KeyVaults ?? [];
        var resilience = new ResilienceOptions();
        if (file.Resilience is { } r)
        {
            resilience = resilience with
            {
                MaxAttempts = Positive(r.MaxAttempts, "resilience.maxAttempts", origin) ?? resilience.MaxAttempts,
                MaxConcurrencyPerHost = Positive(r.MaxConcurrencyPerHost, "resilience.maxConcurrencyPerHost", origin) ?? resilience.MaxConcurrencyPerHost,
                BaseDelay = r.BaseDelaySeconds is { } s && s >= 0 ? TimeSpan.FromSeconds(s) : resilience.BaseDelay,
            };
        }
        return new CollectOptions
        {
            Tenant = tenant,
            OutputFolder = outFolder,
            Environments = Split(parse.GetValue(_environments)) ?? file.Environments ?? [],
            KeyVaults = [.. vaults.Select(v => CollectConfigFile.ParseUrl(v, "--key-vaults", requireHttps: true)!)],
            Auth = auth,
            Endpoints = file.ToEndpoints(environment, origin),
            Resilience = resilience,
        };
    }

    private static int? Positive(int? value, string field, string origin) =>
        value is null or > 0 ? value : throw new CollectConfigurationException($"{origin}: {field} must be at least 1.");

    private static List<string>? Split(string? list) =>
        list is null ? null : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
