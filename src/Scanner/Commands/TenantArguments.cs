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
    public Option<string?> DeadlineMinutes { get; } = new("--deadline-minutes")
    {
        Description = "Stop sending requests this many minutes after collection started; what is unread becomes coverage gaps (exit code 3). Default 180.",
    };

    public IEnumerable<Option> All => [Tenant, Environments, KeyVaults, Auth, Config, DeadlineMinutes];

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
            Limits = LimitsFrom(file.Limits, parse.GetValue(DeadlineMinutes), parse.GetValue(Config) ?? "configuration"),
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
        return new TenantConnection
        {
            Tenant = tenant, Auth = auth, Endpoints = file.ToEndpoints(environment, origin), Resilience = ResilienceFrom(file.Resilience, origin),
        };
    }

    private static ResilienceOptions ResilienceFrom(CollectConfigFile.ResilienceSection? section, string origin)
    {
        var defaults = new ResilienceOptions();
        if (section is null)
            return defaults;
        return defaults with
        {
            MaxAttempts = Positive(section.MaxAttempts, "resilience.maxAttempts", origin) ?? defaults.MaxAttempts,
            MaxConcurrencyPerHost = Positive(section.MaxConcurrencyPerHost, "resilience.maxConcurrencyPerHost", origin) ?? defaults.MaxConcurrencyPerHost,
            BaseDelay = section.BaseDelaySeconds is { } s && s >= 0 ? TimeSpan.FromSeconds(s) : defaults.BaseDelay,
            RequestTimeout = Duration(section.RequestTimeoutSeconds, $"{origin}: resilience.requestTimeoutSeconds", TimeSpan.FromSeconds, TimeSpan.FromDays(1))
                ?? defaults.RequestTimeout,
            HostFailureLimit = Positive(section.HostFailureLimit, "resilience.hostFailureLimit", origin) ?? defaults.HostFailureLimit,
            MaxRetryAfter = Duration(section.MaxRetryAfterSeconds, $"{origin}: resilience.maxRetryAfterSeconds", TimeSpan.FromSeconds, TimeSpan.FromDays(1))
                ?? defaults.MaxRetryAfter,
        };
    }

    /// <summary>Collection limits from the file; <c>--deadline-minutes</c> wins over <c>limits.deadlineMinutes</c>.</summary>
    private static CollectLimits LimitsFrom(CollectConfigFile.LimitsSection? section, string? deadlineOption, string origin)
    {
        var defaults = new CollectLimits();
        double? optionMinutes = null;
        if (deadlineOption is not null)
        {
            optionMinutes = double.TryParse(deadlineOption, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var minutes)
                ? minutes
                : throw new CollectConfigurationException($"--deadline-minutes: '{deadlineOption}' is not a number of minutes (e.g. 180 or 0.5).");
        }
        return defaults with
        {
            Deadline = Duration(optionMinutes, "--deadline-minutes", TimeSpan.FromMinutes, TimeSpan.FromDays(7))
                ?? Duration(section?.DeadlineMinutes, $"{origin}: limits.deadlineMinutes", TimeSpan.FromMinutes, TimeSpan.FromDays(7))
                ?? defaults.Deadline,
            MaxPagesPerSource = Positive(section?.MaxPagesPerSource, "limits.maxPagesPerSource", origin) ?? defaults.MaxPagesPerSource,
        };
    }

    private static int? Positive(int? value, string field, string origin) =>
        value is null or > 0 ? value : throw new CollectConfigurationException($"{origin}: {field} must be at least 1.");

    /// <summary>A positive duration no longer than <paramref name="maximum"/>, or null when not given.</summary>
    private static TimeSpan? Duration(double? value, string field, Func<double, TimeSpan> unit, TimeSpan maximum)
    {
        if (value is null)
            return null;
        if (!double.IsFinite(value.Value) || value.Value <= 0 || value.Value > Units(maximum, unit))
            throw new CollectConfigurationException($"{field}: must be a number above 0 and at most {Units(maximum, unit):0.##}.");
        return unit(value.Value);
    }

    private static double Units(TimeSpan span, Func<double, TimeSpan> unit) => span / unit(1);

    private static List<string>? Split(string? list) =>
        list is null ? null : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
