using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.FlowDefinitions;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.Tests.Secrets;

/// <summary>The matcher answers plain keys once per name for all patterns; it must answer as <see cref="ValueContext.Matches"/> does key by key.</summary>
public sealed class ContextKeyMatcherTests
{
    private static readonly string?[] Names =
    [
        null, "", "value", "password", "dbpassword", "passwordhint", "secret", "clientsecret", "authorization", "code",
        "subscriptionkey", "xfunctionskey", "defaultvalue", "authentication", "queries", "headers", "securestring",
        "apikey", "token", "uri", "name", "type", "pat", "awssecretaccesskey", "twilioauthtoken", "notes",
    ];

    [Fact]
    public void Answers_like_matching_each_key_for_the_shipped_catalog_and_for_a_catalog_too_large_for_masks()
    {
        var shipped = SecretPatternCatalog.LoadDefault().Patterns;
        // Over 64 patterns: the matcher falls back to asking key by key.
        var large = Enumerable.Range(0, 70).Select(i => shipped[i % shipped.Count] with { Id = $"p{i}" }).ToList();
        var random = new Random(9);
        foreach (var patterns in new[] { shipped, large })
        {
            var matcher = new ContextKeyMatcher(patterns);
            for (var round = 0; round < 3000; round++)
            {
                var context = new ValueContext(Pick(random), Pick(random), Pick(random), Pick(random));
                ulong? plain = null;
                for (var pattern = 0; pattern < patterns.Count; pattern++)
                {
                    var expected = patterns[pattern].ContextKeys.Any(context.Matches);

                    Assert.True(expected == matcher.Matches(pattern, context, ref plain), $"pattern {patterns[pattern].Id} in {context}");
                }
            }
        }
    }

    private static string? Pick(Random random) => Names[random.Next(Names.Length)];
}
