using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using TenantScanner.Snapshots;

namespace TenantScanner.Cli.Collect;

/// <summary>
/// Lists secret <em>properties</em> of each vault with <see cref="SecretClient.GetPropertiesOfSecretsAsync"/>
/// (the list API never returns values, and nothing here asks for one). A pipeline policy records each raw
/// page after the SDK's challenge handshake; retries and throttling are left to the shared resilience handler.
/// </summary>
public sealed class KeyVaultCollector(CollectContext context, HttpClient transport)
{
    public async Task CollectAsync(CancellationToken ct)
    {
        await Task.WhenAll(context.Options.KeyVaults.Select(vault => context.TryReadAsync(SourceKind.KeyVaultSecrets, null,
            SourceTable.Of(SourceKind.KeyVaultSecrets).CanonicalUrl(vault.Authority), async () =>
            {
                // The client is given the canonical vault URL (it keeps only scheme and host); the transport's rewrite handler redirects it.
                var client = new SecretClient(new Uri(vault.GetLeftPart(UriPartial.Authority)), context.Credential, ClientOptions());
                var trail = context.NewTrail(vault.GetLeftPart(UriPartial.Authority) + "/secrets");
                await foreach (var page in client.GetPropertiesOfSecretsAsync(ct).AsPages().WithCancellation(ct))
                {
                    // The SDK asks for the next page when the loop goes on: the trail refuses a looping or endless one first.
                    if (page.ContinuationToken is { Length: > 0 } next)
                        trail.Follow(next);
                }
            }, ct)));
    }

    private SecretClientOptions ClientOptions()
    {
        var options = new SecretClientOptions
        {
            Transport = new HttpClientTransport(transport),
            // The shared resilience handler retries (and counts) 429/503/504 and broken connections.
            Retry = { MaxRetries = 0 },
            // Against a base URL override the vault's challenge names a loopback host, not *.vault.azure.net.
            DisableChallengeResourceVerification = context.Options.Endpoints.KeyVaultBaseUrl is not null,
        };
        options.AddPolicy(new RecordingPolicy(context), HttpPipelinePosition.PerCall);
        return options;
    }

    /// <summary>
    /// Records each final page (per call, so after the 401 challenge and the authenticated retry); a successful
    /// answer that <see cref="Http.PageCheck"/> refuses is not recorded and fails the read instead.
    /// </summary>
    private sealed class RecordingPolicy(CollectContext context) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            Record(message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            Record(message);
        }

        private void Record(HttpMessage message)
        {
            if (!message.HasResponse)
                return;
            var canonical = context.Endpoints.ToCanonical(message.Request.Uri.ToUri());
            var body = message.Response.Content.ToArray();
            var status = message.Response.Status;
            if (status is >= 200 and < 300
                && Http.PageCheck.Problem(message.Request.Method.Method, canonical, body, MediaType(message.Response)) is { } problem)
                throw new SourceReadException("", status, $"HTTP {status}, but the response was not recorded: {problem}.");
            context.Writer.Record(message.Request.Method.Method, canonical.AbsoluteUri, message.Response.Status, body);
            context.Statistics.PageRecorded(Http.RequestSource.Of(canonical), CountValues(body));
        }

        private static string? MediaType(Azure.Response response) =>
            response.Headers.ContentType is { } type ? type.Split(';', 2)[0].Trim() : null;

        private static int CountValues(byte[] body)
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(body);
                return document.RootElement.TryGetProperty("value", out var value) ? value.GetArrayLength() : 0;
            }
            catch (System.Text.Json.JsonException)
            {
                return 0;
            }
        }
    }
}
