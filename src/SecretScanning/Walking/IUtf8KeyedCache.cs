using System.Diagnostics.CodeAnalysis;

namespace TenantScanner.SecretScanning.Walking;

/// <summary>
/// Values (property names, action types) already worked out from short UTF-8 texts, found again from the raw bytes
/// without decoding them. A cache may forget or refuse any key, but never answers with another key's value.
/// One per walker (not thread-safe).
/// </summary>
/// <remarks>
/// The plain implementation (<see cref="Plain.NoUtf8KeyedCache{T}"/>) keeps nothing, so every name is decoded and
/// worked out again; the accelerated one is <see cref="Acceleration.Utf8KeyedCache{T}"/>.
/// </remarks>
internal interface IUtf8KeyedCache<T> where T : class
{
    bool TryGet(ReadOnlySpan<byte> key, [MaybeNullWhen(false)] out T value);

    void Set(ReadOnlySpan<byte> key, T value);
}
