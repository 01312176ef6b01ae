using TenantScanner.Cli;
using System.CommandLine;
using TenantScanner.Cli.Collect;
using TenantScanner.Cli.Commands;
using TenantScanner.TestKit.SecretCorpus;

namespace TenantScanner.Cli.Tests.Live;

/// <summary>Collection settings that would leak a token or a secret are refused before any request; the network limits reach the options.</summary>
public sealed class CollectConfigurationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("http://10.1.2.3:8080")]
    [InlineData("http://proxy.contoso.com")]
    public async Task A_plain_http_base_url_to_another_machine_is_refused_naming_the_config_field(string baseUrl)
    {
        var config = _temp.Write("collect.yaml", $"tenant: contoso.onmicrosoft.com\nendpoints:\n  baseUrl: {baseUrl}\n");

        var (exit, output) = await CollectAsync(_ => null, "--config", config);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("endpoints.baseUrl", output, StringComparison.Ordinal);
        Assert.Contains("in clear", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "out")));
    }

    [Fact]
    public async Task A_plain_http_base_url_from_the_environment_is_refused_naming_the_variable()
    {
        var (exit, output) = await CollectAsync(name => name == CollectConfigFile.BaseUrlVariable ? "http://192.168.1.20" : null,
            "--tenant", "contoso.onmicrosoft.com");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(CollectConfigFile.BaseUrlVariable, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("https://gateway.contoso.com")]
    public void A_loopback_http_or_any_https_base_url_is_accepted(string baseUrl) =>
        Assert.NotNull(CollectConfigFile.ParseUrl(baseUrl, "endpoints.baseUrl", requireHttps: false));

    [Fact]
    public void A_base_url_with_credentials_in_it_is_refused_without_showing_them()
    {
        var error = Assert.Throws<CollectConfigurationException>(() => CollectConfigFile.ParseUrl("https://scanner:hunter2@gateway.contoso.com", "endpoints.baseUrl", false));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tenant: {0}\n", 1)]
    [InlineData("tenant: contoso.onmicrosoft.com\nenvironments:\n  - env-a\n  - \"{0}\"\n", 4)]
    [InlineData("tenant: contoso.onmicrosoft.com\nendpoints:\n  keyVaultCertificateThumbprint: {0}\n", 3)]
    public void A_config_value_shaped_like_a_client_secret_is_refused_naming_the_line_without_echoing_it(string yaml, int line)
    {
        var secret = new SecretValues(new Random(line)).EntraClientSecret();
        var path = _temp.Write("collect.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, yaml, secret));

        var error = Assert.Throws<CollectConfigurationException>(() => CollectConfigFile.Load(path));

        Assert.Contains($"{path}({line},", error.Message, StringComparison.Ordinal);
        Assert.Contains("client secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_value_that_only_mentions_a_secret_word_is_not_mistaken_for_a_secret()
    {
        var path = _temp.Write("collect.yaml", "tenant: contoso.onmicrosoft.com\nenvironments: [password-reset-team, secret-santa]\n");

        Assert.Equal(new[] { "password-reset-team", "secret-santa" }, CollectConfigFile.Load(path).Environments);
    }

    [Fact]
    public void Network_limits_come_from_the_config_file_and_the_deadline_option_wins()
    {
        var config = _temp.Write("collect.yaml", """
            tenant: contoso.onmicrosoft.com
            resilience: { requestTimeoutSeconds: 30, hostFailureLimit: 5, maxRetryAfterSeconds: 60 }
            limits: { deadlineMinutes: 90, maxPagesPerSource: 200 }
            """);

        var fromFile = Build("--config", config);
        var fromOption = Build("--config", config, "--deadline-minutes", "0.5");

        Assert.Equal((TimeSpan.FromSeconds(30), 5, TimeSpan.FromSeconds(60)),
            (fromFile.Resilience.RequestTimeout, fromFile.Resilience.HostFailureLimit, fromFile.Resilience.MaxRetryAfter));
        Assert.Equal((TimeSpan.FromMinutes(90), 200), (fromFile.Limits.Deadline, fromFile.Limits.MaxPagesPerSource));
        Assert.Equal(TimeSpan.FromSeconds(30), fromOption.Limits.Deadline);
    }

    [Fact]
    public void Without_settings_the_documented_defaults_apply()
    {
        var options = Build("--tenant", "contoso.onmicrosoft.com");

        Assert.Equal((TimeSpan.FromHours(3), 5000), (options.Limits.Deadline, options.Limits.MaxPagesPerSource));
        Assert.Equal((TimeSpan.FromSeconds(100), 10, TimeSpan.FromMinutes(5)),
            (options.Resilience.RequestTimeout, options.Resilience.HostFailureLimit, options.Resilience.MaxRetryAfter));
    }

    [Theory]
    [InlineData("--deadline-minutes", "soon", "--deadline-minutes")]
    [InlineData("--deadline-minutes", "0", "--deadline-minutes")]
    [InlineData("--deadline-minutes", "-5", "--deadline-minutes")]
    public async Task A_bad_deadline_is_refused_naming_the_option(string option, string value, string named)
    {
        var (exit, output) = await CollectAsync(_ => null, "--tenant", "contoso.onmicrosoft.com", option, value);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(named, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("limits: { deadlineMinutes: 0 }", "limits.deadlineMinutes")]
    [InlineData("limits: { maxPagesPerSource: 0 }", "limits.maxPagesPerSource")]
    [InlineData("resilience: { requestTimeoutSeconds: -1 }", "resilience.requestTimeoutSeconds")]
    [InlineData("resilience: { hostFailureLimit: 0 }", "resilience.hostFailureLimit")]
    [InlineData("resilience: { maxRetryAfterSeconds: 0 }", "resilience.maxRetryAfterSeconds")]
    public async Task A_bad_network_limit_in_the_config_file_is_refused_naming_the_field(string yaml, string field)
    {
        var config = _temp.Write("collect.yaml", "tenant: contoso.onmicrosoft.com\n" + yaml + "\n");

        var (exit, output) = await CollectAsync(_ => null, "--config", config);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(field, output, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output)> CollectAsync(Func<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var root = new RootCommand { new CollectCommand(new CollectRuntime { Environment = environment }).Build() };
        var exit = await root.Parse(["collect", "--out", Path.Combine(_temp.Path, "out"), .. args])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    private CollectOptions Build(params string[] args)
    {
        var tenant = new TenantArguments();
        var command = new Command("collect");
        foreach (var option in tenant.All)
            command.Options.Add(option);
        return tenant.Build(command.Parse(args), Path.Combine(_temp.Path, "out"), _ => null);
    }
}
