namespace TenantScanner.TestKit.TenantGenerator.Synthetic;

/// <summary>
/// A fresh, seeded <see cref="Random"/> per generated item, so item N is the same whichever
/// sequence asks for it (the list pass, the details pass and the Dataverse pass must agree) and no
/// state is kept between items.
/// </summary>
internal static class SyntheticRandom
{
    public static Random For(int seed, string kind, int index) => new(Mix(seed, kind, index));

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Stable across processes, unlike string.GetHashCode.</summary>
    private static int Mix(int seed, string kind, int index)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in kind)
            hash = (hash ^ c) * 16777619u;
        hash = (hash ^ (uint)index) * 16777619u;
        hash ^= hash >> 15;
        hash *= 0x2c1b3c6du;
        hash ^= hash >> 12;
        return (int)(hash & 0x7fffffff);
    }
}
