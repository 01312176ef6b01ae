using TenantScanner.Cli.Changes.Http;
using TenantScanner.Cli.Collect;

namespace TenantScanner.Cli.Changes;

/// <summary>
/// Opens the write client for one apply or undo run, names the signed-in identity and checks that it is signed in
/// to the tenant the plan was made for, before anything is written.
/// </summary>
internal static class ChangeConnection
{
    public static async Task<(TenantChangeClient Client, string Identity)> OpenAsync(TenantConnection connection, string planTenantId, CollectRuntime runtime,
        TextWriter output, CancellationToken cancellationToken)
    {
        var client = new TenantChangeClient(connection, runtime, new LogOnlyProgress(output));
        try
        {
            var identity = SignedInIdentity.Describe(await client.GraphTokenAsync(cancellationToken));
            var organization = await client.ListAsync("https://graph.microsoft.com/v1.0/organization?$select=id,displayName", cancellationToken);
            var tenantId = organization?.FirstOrDefault()?["id"]?.GetValue<string>();
            if (!string.Equals(tenantId, planTenantId, StringComparison.OrdinalIgnoreCase))
                throw new CollectConfigurationException(
                    $"Signed in to tenant {tenantId ?? "(unknown)"}, but the plan was made for tenant {planTenantId}. Nothing was changed.");
            return (client, identity);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Prints the retries of reads (throttling, transient faults) as they happen; progress counters are not shown.</summary>
    private sealed class LogOnlyProgress(TextWriter output) : ICollectProgress
    {
        public void Report(SourceProgress progress) { }

        public void Log(string message)
        {
            lock (output)
                output.WriteLine($"  {message}");
        }
    }
}
