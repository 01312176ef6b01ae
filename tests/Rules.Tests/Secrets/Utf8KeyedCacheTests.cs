using System.Text;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.FlowDefinitions;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.Tests.Secrets;

/// <summary>The name cache may miss (two keys in one slot), but must never answer with another key's value.</summary>
public sealed class Utf8KeyedCacheTests
{
    [Fact]
    public void A_hit_is_always_the_value_set_for_exactly_that_key()
    {
        var random = new Random(9);
        var keys = new HashSet<string>(StringComparer.Ordinal) { "", "a", "ab", "ba", "abc", "acb", "aab", "abb", "type", "typf", "uri", "url" };
        // Every length up to past the longest cached key, with near twins: one byte changed at the start, middle or end.
        for (var length = 1; length <= Utf8KeyedCache<string>.MaxKeyLength + 8; length++)
        {
            var key = new string(Enumerable.Range(0, length).Select(_ => (char)random.Next('a', 'e')).ToArray());
            keys.Add(key);
            foreach (var position in new[] { 0, length / 2, length - 1 })
                keys.Add(string.Concat(key.AsSpan(0, position), "z", key.AsSpan(position + 1)));
        }
        var cache = new Utf8KeyedCache<string>(slotBits: 3); // eight slots: keys keep evicting each other
        for (var round = 0; round < 20; round++)
        {
            foreach (var key in keys.OrderBy(_ => random.Next()))
            {
                cache.Set(Encoding.UTF8.GetBytes(key), key);
                foreach (var other in keys)
                {
                    if (cache.TryGet(Encoding.UTF8.GetBytes(other), out var value))
                        Assert.Equal(other, value);
                }
            }
        }
    }

    [Fact]
    public void A_key_just_set_is_found_unless_it_is_too_long_to_cache()
    {
        var cache = new Utf8KeyedCache<string>(slotBits: 4);
        foreach (var length in new[] { 0, 1, 2, 3, 4, 7, 8, 15, 16, 17, Utf8KeyedCache<string>.MaxKeyLength, Utf8KeyedCache<string>.MaxKeyLength + 1 })
        {
            var key = Encoding.UTF8.GetBytes(new string('k', length));
            cache.Set(key, "value");
            Assert.Equal(length <= Utf8KeyedCache<string>.MaxKeyLength, cache.TryGet(key, out _));
        }
    }
}
