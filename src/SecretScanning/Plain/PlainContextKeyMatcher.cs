using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Judging;

namespace TenantScanner.SecretScanning.Plain;

/// <summary>The definition of <see cref="IContextKeyMatcher"/>: the pattern's keys, one by one.</summary>
internal sealed class PlainContextKeyMatcher(IReadOnlyList<SecretPattern> patterns) : IContextKeyMatcher
{
    public bool Matches(int pattern, in ValueContext context)
    {
        foreach (var key in patterns[pattern].ContextKeys)
        {
            if (context.Matches(key))
                return true;
        }
        return false;
    }
}
