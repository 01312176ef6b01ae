using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.FlowDefinitions;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.Tests.Secrets;

public sealed class SecretTextTests
{
    [Theory]
    [InlineData("", 0.0)]
    [InlineData("aaaaaaaa", 0.0)]
    [InlineData("ab", 1.0)]
    [InlineData("abcdabcd", 2.0)]
    [InlineData("ééèè", 1.0)] // beyond ASCII
    public void Entropy_of_known_texts(string text, double bits) =>
        Assert.Equal(bits, SecretText.Entropy(text), precision: 12);

    [Fact]
    public void Entropy_is_the_textbook_sum_over_character_frequencies()
    {
        var random = new Random(4);
        for (var round = 0; round < 2000; round++)
        {
            // Short keys and long runs (counts past the lookup table), mostly ASCII, sometimes not.
            var alphabet = random.Next(1, 70);
            var text = new string(Enumerable.Range(0, random.Next(1, 600))
                .Select(_ => (char)(random.Next(10) == 0 ? 0x3b1 + random.Next(alphabet) : '!' + random.Next(alphabet))).ToArray());
            var textbook = text.GroupBy(c => c).Sum(g => -((double)g.Count() / text.Length) * Math.Log2((double)g.Count() / text.Length));

            Assert.Equal(textbook, SecretText.Entropy(text), precision: 9);
        }
    }
}
