using System.Text.RegularExpressions;
using TenantScanner.SecretScanning.Catalog;

namespace TenantScanner.SecretScanning.Judging;

/// <summary>
/// What one thread's judging needs of its own (the <see cref="SecretValueJudge"/> is shared by every thread):
/// regexes with runners of their own, and a buffer for a value with its interpolations masked. Not thread-safe, by design.
/// </summary>
/// <remarks>
/// Where the catalog compiled a pattern (<see cref="CatalogRegex"/>) the thread has two copies of it: the probe, which
/// only runs on spans (its match object is reused and never holds a value), and the capture copy, which only runs
/// where the probe found a match starting (each run hands its match object out, so none grows old holding young
/// text). A pattern built around another <see cref="Regex"/> uses that regex for both.
/// </remarks>
internal sealed class JudgeWorkspace
{
    private readonly Regex?[] _probes;
    private readonly Regex?[] _captures;
    private char[] _masked = new char[256];
    /// <summary>How much of <see cref="_masked"/> holds value text, cleared by <see cref="ClearMasked"/>.</summary>
    private int _maskedUsed;

    public JudgeWorkspace(IReadOnlyList<SecretPattern> patterns)
    {
        _probes = patterns.Select(pattern => OwnCopy(pattern.Regex)).ToArray();
        _captures = patterns.Select(pattern => OwnCopy(pattern.Regex)).ToArray();
    }

    /// <summary>False for a pattern whose candidate is the whole value.</summary>
    public bool HasRegex(int patternIndex) => _probes[patternIndex] is not null;

    /// <summary>For span matching: IsMatch and EnumerateMatches.</summary>
    public Regex Probe(int patternIndex) => _probes[patternIndex]!;

    /// <summary>For <see cref="Regex.Match(string, int)"/> where the probe found a match starting.</summary>
    public Regex Capture(int patternIndex) => _captures[patternIndex]!;

    /// <summary><paramref name="value"/> with its interpolations masked (<see cref="SecretText.MaskInterpolations"/>), in the buffer.</summary>
    public ReadOnlySpan<char> Mask(ReadOnlySpan<char> value)
    {
        if (_masked.Length < value.Length)
        {
            ClearMasked();
            _masked = new char[Math.Max(value.Length, 2 * _masked.Length)];
        }
        var masked = _masked.AsSpan(0, value.Length);
        value.CopyTo(masked);
        SecretText.MaskInterpolations(masked);
        _maskedUsed = Math.Max(_maskedUsed, value.Length);
        return masked;
    }

    /// <summary>Wipes the buffer's value text: the workspace outlives the value (and may hold a secret).</summary>
    public void ClearMasked()
    {
        _masked.AsSpan(0, _maskedUsed).Clear();
        _maskedUsed = 0;
    }

    private static Regex? OwnCopy(Regex? regex) => regex is CatalogRegex compiled ? compiled.WithOwnRunner() : regex;
}
