namespace TenantScanner.SecretScanning.Acceleration;

/// <summary>
/// Which byte values a group of keywords admits at one fingerprint position, as the set of low nibbles and the
/// set of high nibbles: the form the search's shuffle tables take. A byte is admitted when both its nibbles are,
/// so the sets admit every byte of the group and, when the group is mixed, some others (false candidates).
/// </summary>
internal readonly record struct NibbleSets(ushort Low, ushort High)
{
    /// <summary>A keyword shorter than the position says nothing about that byte.</summary>
    public static readonly NibbleSets Any = new(0xFFFF, 0xFFFF);

    public static NibbleSets Of(IEnumerable<SearchKeyword> keywords, int position)
    {
        var sets = new NibbleSets(0, 0);
        foreach (var keyword in keywords)
        {
            if (position >= keyword.Bytes.Length)
                return Any;
            var value = keyword.Bytes[position];
            sets = sets.With(value);
            if (keyword.IgnoreCase && char.IsAsciiLetter((char)value))
                sets = sets.With((byte)(value ^ 0x20));
        }
        return sets;
    }

    private NibbleSets With(byte value) => new((ushort)(Low | (1 << (value & 0xF))), (ushort)(High | (1 << (value >> 4))));

    public NibbleSets Union(NibbleSets other) => new((ushort)(Low | other.Low), (ushort)(High | other.High));

    /// <summary>The share of the bytes of typical flow text that these sets admit.</summary>
    public double AdmittedShare()
    {
        double admitted = 0;
        for (var value = 0; value < 256; value++)
        {
            if ((Low & (1 << (value & 0xF))) != 0 && (High & (1 << (value >> 4))) != 0)
                admitted += TypicalTextWeights[value];
        }
        return admitted / TotalWeight;
    }

    /// <summary>
    /// A rough byte distribution of JSON flow definitions: mostly lower-case words, then names, ids and base64
    /// (capitals, digits), then JSON punctuation; control characters and multi-byte sequences are rare. Only
    /// used to choose which keywords share a bucket, so it needs to rank byte classes, not to be exact.
    /// </summary>
    private static readonly double[] TypicalTextWeights = Enumerable.Range(0, 256).Select(value => (char)value switch
    {
        >= 'a' and <= 'z' => 4.0,
        (>= 'A' and <= 'Z') or (>= '0' and <= '9') => 1.5,
        ' ' or '"' or '\\' or ':' or ',' or '{' or '}' or '[' or ']' or '-' or '_' or '.' or '/' or '=' => 2.0,
        _ => 0.1,
    }).ToArray();

    private static readonly double TotalWeight = TypicalTextWeights.Sum();
}

/// <summary>
/// Spreads keywords over the search's eight buckets. Keywords with the same fingerprint start as one group;
/// then the two groups whose merging adds the least expected verification work are merged, until eight are
/// left. The work of a bucket is the share of positions it admits (the product over the fingerprint
/// positions) times the keywords a candidate is compared with. On a sample of the benchmark corpus this left
/// 1.6 % of positions as candidates where cutting the sorted keywords into runs left 4.0 % (three-byte fingerprints).
/// </summary>
internal static class KeywordBuckets
{
    public const int Count = 8;
    /// <summary>Above this many groups, alike neighbours (in fingerprint order) are joined first: merging is quadratic per step.</summary>
    private const int MaxGroupsToMerge = 64;

    public static int[][] Assign(IReadOnlyList<SearchKeyword> keywords)
    {
        var groups = Enumerable.Range(0, keywords.Count)
            .GroupBy(i => Fingerprint(keywords[i]), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Group(g.ToArray(), keywords))
            .ToList();
        if (groups.Count > MaxGroupsToMerge)
        {
            groups = Enumerable.Range(0, MaxGroupsToMerge)
                .Select(part => groups.Skip(groups.Count * part / MaxGroupsToMerge).Take(groups.Count * (part + 1) / MaxGroupsToMerge - groups.Count * part / MaxGroupsToMerge))
                .Select(run => run.Aggregate((a, b) => a.Merge(b)))
                .ToList();
        }
        // The work each pair would add if merged, kept between steps: only pairs with the new group change.
        var increase = new double[groups.Count, groups.Count];
        for (var a = 0; a < groups.Count; a++)
        {
            for (var b = a + 1; b < groups.Count; b++)
                increase[a, b] = MergeIncrease(groups[a], groups[b]);
        }
        var alive = Enumerable.Repeat(true, groups.Count).ToArray();
        for (var left = groups.Count; left > Count; left--)
        {
            var (bestA, bestB) = (-1, -1);
            for (var a = 0; a < groups.Count; a++)
            {
                for (var b = a + 1; alive[a] && b < groups.Count; b++)
                {
                    if (alive[b] && (bestA < 0 || increase[a, b] < increase[bestA, bestB]))
                        (bestA, bestB) = (a, b);
                }
            }
            groups[bestA] = groups[bestA].Merge(groups[bestB]);
            alive[bestB] = false;
            for (var other = 0; other < groups.Count; other++)
            {
                if (alive[other] && other != bestA)
                    increase[Math.Min(bestA, other), Math.Max(bestA, other)] = MergeIncrease(groups[bestA], groups[other]);
            }
        }
        return groups.Where((_, index) => alive[index]).Select(g => g.Members).ToArray();
    }

    private static double MergeIncrease(Group a, Group b) => a.Merge(b).Work - a.Work - b.Work;

    /// <summary>The bytes the fingerprint looks at, case-folded for a case-insensitive keyword (which then admits both cases).</summary>
    private static string Fingerprint(SearchKeyword keyword)
    {
        var head = System.Text.Encoding.ASCII.GetString(keyword.Bytes, 0, Math.Min(Utf8KeywordSearch.FingerprintLength, keyword.Bytes.Length));
        return keyword.IgnoreCase ? "i" + head.ToLowerInvariant() : "c" + head;
    }

    private sealed class Group
    {
        private readonly NibbleSets[] _positions;

        public Group(int[] members, IReadOnlyList<SearchKeyword> keywords)
            : this(members, Enumerable.Range(0, Utf8KeywordSearch.FingerprintLength).Select(p => NibbleSets.Of(members.Select(i => keywords[i]), p)).ToArray())
        {
        }

        private Group(int[] members, NibbleSets[] positions)
        {
            Members = members;
            _positions = positions;
            Work = positions.Aggregate(1.0, (share, sets) => share * sets.AdmittedShare()) * (1 + members.Length);
        }

        public int[] Members { get; }

        /// <summary>Expected comparisons per byte searched (a candidate's own check counted as one).</summary>
        public double Work { get; }

        public Group Merge(Group other) =>
            new([.. Members, .. other.Members], _positions.Zip(other._positions, (a, b) => a.Union(b)).ToArray());
    }
}
