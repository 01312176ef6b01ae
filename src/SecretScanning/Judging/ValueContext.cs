using TenantScanner.SecretScanning.Catalog;
namespace TenantScanner.SecretScanning.Judging;

/// <summary>
/// Where a value sits, as normalised names (see <see cref="SecretKeyNames"/>): its property, the property
/// that holds its object, and two siblings that change its meaning (<c>name</c> of a name/value pair and
/// <c>type</c>, e.g. a <c>SecureString</c> parameter).
/// </summary>
internal readonly record struct ValueContext(string? Key, string? Parent, string? SiblingName, string? SiblingType)
{
    public static readonly ValueContext None = new(null, null, null, null);

    public bool Matches(string contextKey)
    {
        var dot = contextKey.IndexOf('.');
        if (dot < 0)
            return EndsWith(Key, contextKey) || EndsWith(SiblingName, contextKey);
        if (Key is null || !contextKey.AsSpan(dot + 1).SequenceEqual(Key))
            return false;
        var qualifier = contextKey.AsSpan(0, dot);
        return qualifier.SequenceEqual(Parent) || qualifier.SequenceEqual(SiblingType);
    }

    private static bool EndsWith(string? name, string contextKey) =>
        name is not null && name.EndsWith(contextKey, StringComparison.Ordinal);
}
