namespace TenantScanner.SecretScanning.Judging;

/// <summary>
/// Whether a value's context matches one of a pattern's <see cref="Catalog.SecretPattern.ContextKeys"/>, as
/// <see cref="ValueContext.Matches"/> says key by key. Thread-safe.
/// </summary>
/// <remarks>
/// The plain implementation (<see cref="Plain.PlainContextKeyMatcher"/>) asks key by key; the accelerated one
/// (<see cref="Acceleration.CachedContextKeyMatcher"/>) answers a name's plain keys once for all patterns.
/// </remarks>
internal interface IContextKeyMatcher
{
    /// <param name="pattern">Index of the pattern in the catalog.</param>
    bool Matches(int pattern, in ValueContext context);
}
