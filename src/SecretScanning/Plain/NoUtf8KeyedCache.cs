using System.Diagnostics.CodeAnalysis;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.SecretScanning.Plain;

/// <summary>A cache that keeps nothing: every name is decoded and worked out again, so no cache can change an answer.</summary>
internal sealed class NoUtf8KeyedCache<T> : IUtf8KeyedCache<T> where T : class
{
    public bool TryGet(ReadOnlySpan<byte> key, [MaybeNullWhen(false)] out T value)
    {
        value = null;
        return false;
    }

    public void Set(ReadOnlySpan<byte> key, T value)
    {
    }
}
