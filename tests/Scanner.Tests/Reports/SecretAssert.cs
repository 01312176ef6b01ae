namespace TenantScanner.Cli.Tests.Reports;

internal static class SecretAssert
{
    /// <summary>Characters of a secret that may appear together: redaction previews show at most 4.</summary>
    private const int Window = 8;

    /// <summary>Fails when the whole secret or any 8 consecutive characters of it occur in <paramref name="text"/>.</summary>
    public static void NoFragmentOf(string secret, string text)
    {
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        for (var i = 0; i + Window <= secret.Length; i++)
        {
            var fragment = secret.Substring(i, Window);
            Assert.False(text.Contains(fragment, StringComparison.Ordinal), $"A fragment of a planted secret appears in the report (offset {i}).");
        }
    }
}
