using System.Text;
using System.Text.RegularExpressions;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.FlowDefinitions;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.Tests.Secrets;

/// <summary>
/// Some catalog regexes are written for speed rather than for reading (anchored at a rare literal, looking back
/// for the rest). Each must find exactly what its plain form finds, the form a reviewer would write and check.
/// </summary>
public sealed class CatalogRegexRewriteTests
{
    private const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private static Regex Shipped(string id) =>
        SecretPatternCatalog.LoadDefault().Patterns.Single(p => p.Id == id).Regex!;

    private static string Secrets(Regex regex, string text) =>
        string.Join(";", regex.Matches(text).Select(m => m.Groups["secret"]).Select(g => $"{g.Index}+{g.Length}"));

    [Fact]
    public void The_storage_account_key_regex_finds_what_its_plain_form_finds()
    {
        var plain = new Regex("(?<![A-Za-z0-9+/=])(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
        var shipped = Shipped("azure-storage-account-key");
        var random = new Random(3);
        var withKeys = 0;
        for (var round = 0; round < 5000; round++)
        {
            // Runs of base64 just shorter, as long as and longer than a key, with one, two or three '=' and separators.
            var text = new StringBuilder();
            for (var part = random.Next(1, 6); part > 0; part--)
            {
                text.Append(Enumerable.Range(0, random.GetItems([85, 86, 86, 87], 1)[0]).Select(_ => Base64[random.Next(Base64.Length)]).ToArray());
                text.Append('=', random.GetItems([0, 1, 2, 2, 3], 1)[0]);
                text.Append(random.Next(3) switch { 0 => "", 1 => ";", _ => "\" " });
            }
            var expected = Secrets(plain, text.ToString());
            withKeys += expected.Length > 0 ? 1 : 0;

            Assert.Equal(expected, Secrets(shipped, text.ToString()));
        }
        Assert.InRange(withKeys, 500, 4500); // the generator makes both cases often
    }
}
