using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Plain;

namespace TenantScanner.Tests.Secrets;

/// <summary>
/// The cached matcher answers plain keys once per name for all patterns; it must answer as the plain matcher does,
/// asking <see cref="ValueContext.Matches"/> key by key.
/// </summary>
public sealed class CachedContextKeyMatcherTests
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
            var cached = new CachedContextKeyMatcher(patterns);
            var plain = new PlainContextKeyMatcher(patterns);
            for (var round = 0; round < 3000; round++)
            {
                // New strings now and then: equal names in other string objects must get the same answers.
                var context = new ValueContext(Pick(random), Pick(random), Pick(random), Pick(random));
                for (var pattern = 0; pattern < patterns.Count; pattern++)
                {
                    Assert.True(plain.Matches(pattern, context) == cached.Matches(pattern, context), $"pattern {patterns[pattern].Id} in {context}");
                }
            }
        }
    }

    private static string? Pick(Random random)
    {
        var name = Names[random.Next(Names.Length)];
        return name is not null && random.Next(4) == 0 ? new string(name.AsSpan()) : name;
    }
}
