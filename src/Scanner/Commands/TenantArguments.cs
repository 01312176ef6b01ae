using System.CommandLine;
using TenantScanner.Cli.Changes.Http;
using TenantScanner.Cli.Collect;

namespace TenantScanner.Cli.Commands;

/// <summary>
/// The live-tenant options that <c>scanner collect</c> and <c>scanner scan --tenant</c> share, and the one
/// place that turns them (plus the <c>--config</c> file and the environment) into <see cref="CollectOptions"/>.
/// </summary>
internal sealed class TenantArguments
{
    public Option<string?> Tenant { get; } = new("--tenant") { Description = "Tenant id or domain, e.g. contoso.onmicrosoft.com." };
    public Option<string?> Environments { get; } = new("--environments") { Description = "Comma-separated Power Platform environment names (default: all)." };
    public Option<string?> KeyVaults { get; } = new("--key-vaults") { Description = "Comma-separated vault URLs whose secret properties (never values) are listed." };
    public Option<string?> Auth { get; } = new("--auth")
    {
        Description = "default | workload-identity | managed-identity | certificate | azure-cli | device-code | access-token (settings come from AZURE_* variables; access-token from SCANNER_ACCESS_TOKEN).",
    };
    public Option<string?> Config { get; } = new("--config") { Description = "YAML/JSON file with the same settings plus endpoint overrides (docs/live-scanning.md)." };

    public IEnumerable<Option> All => [Tenant, Environments, KeyVaults, Auth, Config];

    /// <summary>True when the command line asks for a live tenant (the tenant may also come from the config file).</summary>
    public bool IsGiven(ParseResult parse) => parse.GetValue(Tenant) is not null || parse.GetValue(Config) is not null;

    /// <summary>
    /// The refusal for a secret typed on the command line (never echoing it), or for unknown tokens; null when
    /// the command line is clean. Commands using these options set <c>TreatUnmatchedTokensAsErrors = false</c> so
    /// an unknown token reaches this check instead of a parse error that would print it.
    /// </summary>
    public static string? Refusal(ParseResult parse, string commandName)
    {
        var refusal = SecretArguments.Refusal(parse.Tokens.Select(t => t.Value).Concat(parse.UnmatchedTokens));
        if (refusal is not null)
            return refusal;
        return parse.UnmatchedTokens.Count > 0
            ? $"Unknown argument(s): {string.Join(' ', parse.UnmatchedTokens)}. See 'scanner {commandName} --help'."
            : null;
    }

    /// <summary>The tenant named by --tenant or the config file, without validating anything else; null when neither names one.</summary>
    public string? TenantName(ParseResult parse)
    {
        if (parse.GetValue(Tenant) is { } tenant)
            return tenant;
        return parse.GetValue(Config) is { } path ? CollectConfigFile.Load(path).Tenant : null;
    }

    /// <summary>The options apply and undo take: where and as whom to connect, not what to collect.</summary>
    public IEnumerable<Option> ConnectionOptions => [Tenant, Auth, Config];

    /// <summary>Builds the collection options; throws <see cref="CollectConfigurationException"/> naming the bad field.</summary>
    public CollectOptions Build(ParseResult parse, string outputFolder, Func<string, string?> environment)
    {
        var connection = BuildConnection(parse, environment, out var file);
        var vaults = Split(parse.GetValue(KeyVaults)) ?? file.KeyVaults ?? [];
        return new CollectOptions
        {
            Tenant = connection.Tenant,
            OutputFolder = outputFolder,
            Environments = Split(parse.GetValue(Environments)) ?? file.Environments ?? [],
            KeyVaults = [.. vaults.Select(v => CollectConfigFile.ParseUrl(v, "--key-vaults", requireHttps: true)!)],
            Auth = connection.Auth,
            Endpoints = connection.Endpoints,
            Resilience = connection.Resilience,
        };
    }

    /// <summary>The tenant, sign-in, endpoints and retry limits from the command line, --config and the environment.</summary>
    public TenantConnection BuildConnection(ParseResult parse, Func<string, string?> environment) => BuildConnection(parse, environment, out _);

    private TenantConnection BuildConnection(ParseResult parse, Func<string, string?> environment, out CollectConfigFile file)
    {
        var configPath = parse.GetValue(Config);
        file = configPath is null ? new CollectConfigFile() : CollectConfigFile.Load(configPath);
        var origin = configPath ?? "configuration";
        var tenant = parse.GetValue(Tenant) ?? file.Tenant ?? throw new CollectConfigurationException("--tenant is required (or 'tenant' in --config).");
        var authName = parse.GetValue(Auth) ?? file.Auth ?? "default";
        if (!AuthModeNames.TryParse(authName, out var auth))
            throw new CollectConfigurationException($"--auth: '{authName}' is not one of {string.Join(", ", AuthModeNames.Names)}.");
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
        return new TenantConnection { Tenant = tenant, Auth = auth, Endpoints = file.ToEndpoints(environment, origin), Resilience = resilience };
    }

    private static int? Positive(int? value, string field, string origin) =>
        value is null or > 0 ? value : throw new CollectConfigurationException($"{origin}: {field} must be at least 1.");

    private static List<string>? Split(string? list) =>
        list is null ? null : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
