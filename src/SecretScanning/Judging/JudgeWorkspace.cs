namespace TenantScanner.SecretScanning.Judging;

/// <summary>
/// What one thread's judging needs of its own (the <see cref="SecretValueJudge"/> is shared by every thread): the
/// engine's regex runner, a buffer for a value with its interpolations masked, and a list for candidate bounds.
/// Not thread-safe, by design.
/// </summary>
internal sealed class JudgeWorkspace(IRegexRunner regexes)
{
    private char[] _masked = new char[256];
    /// <summary>How much of <see cref="_masked"/> holds value text, cleared by <see cref="ForgetValue"/>.</summary>
    private int _maskedUsed;

    public IRegexRunner Regexes { get; } = regexes;

    /// <summary>Filled by <see cref="IRegexRunner.FindCandidates"/>, one pattern at a time.</summary>
    public List<SecretBounds> Candidates { get; } = [];

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

    /// <summary>Wipes what the workspace holds of the value just judged: it outlives the value (which may be a secret).</summary>
    public void ForgetValue()
    {
        ClearMasked();
        Candidates.Clear();
        Regexes.ForgetValue();
    }

    private void ClearMasked()
    {
        _masked.AsSpan(0, _maskedUsed).Clear();
        _maskedUsed = 0;
    }
}
