using System.Runtime.InteropServices;

namespace TenantScanner.SecretScanning.Acceleration;

/// <summary>
/// A direct-mapped cache keyed by short UTF-8 texts (property names, action types), so that text seen before is
/// recognised from its raw bytes without decoding. A slot keeps the key's first and last eight bytes and its
/// length: up to 16 bytes they are the whole key, so a hit reads no other object; longer keys, up to
/// <see cref="MaxKeyLength"/>, keep a copy of their bytes in one array allocated with the cache (a copy per key
/// would be an object that lives until its slot is reused: work for the older GC generations); longer ones are
/// not cached. Two keys sharing a slot cost a miss, never a wrong value.
/// </summary>
internal sealed class Utf8KeyedCache<T>(int slotBits) where T : class
{
    public const int MaxKeyLength = 64;
    private readonly Slot[] _slots = new Slot[1 << slotBits];
    private readonly byte[] _longKeys = new byte[(1 << slotBits) * MaxKeyLength];

    private struct Slot
    {
        public ulong Head;
        public ulong Tail;
        public int Length;
        public T? Value;
    }

    public bool TryGet(ReadOnlySpan<byte> key, out T value)
    {
        var (head, tail) = HeadAndTail(key);
        var index = SlotOf(head, tail, key.Length);
        ref var slot = ref _slots[index];
        if (slot.Value is not null && slot.Head == head && slot.Tail == tail && slot.Length == key.Length
            && (key.Length <= 2 * sizeof(ulong) || key.SequenceEqual(LongKey(index, key.Length))))
        {
            value = slot.Value;
            return true;
        }
        value = null!;
        return false;
    }

    public void Set(ReadOnlySpan<byte> key, T value)
    {
        if (key.Length > MaxKeyLength)
            return;
        var (head, tail) = HeadAndTail(key);
        var index = SlotOf(head, tail, key.Length);
        if (key.Length > 2 * sizeof(ulong))
            key.CopyTo(LongKey(index, key.Length));
        _slots[index] = new Slot { Head = head, Tail = tail, Length = key.Length, Value = value };
    }

    private Span<byte> LongKey(int slot, int length) => _longKeys.AsSpan(slot * MaxKeyLength, length);

    /// <summary>
    /// The first and the last eight bytes (overlapping below 16). Below 8 bytes the head alone holds every byte: the
    /// first and last four (overlapping) from 4 bytes, the first, middle and last below that; with the length, that
    /// is the whole key, read without a loop (most property names are that short: type, inputs, uri, body...).
    /// </summary>
    private static (ulong Head, ulong Tail) HeadAndTail(ReadOnlySpan<byte> key)
    {
        if (key.Length >= sizeof(ulong))
            return (MemoryMarshal.Read<ulong>(key), MemoryMarshal.Read<ulong>(key[^sizeof(ulong)..]));
        if (key.Length >= sizeof(uint))
            return (MemoryMarshal.Read<uint>(key) | ((ulong)MemoryMarshal.Read<uint>(key[^sizeof(uint)..]) << 32), 0);
        if (key.IsEmpty)
            return (0, 0);
        return (key[0] | ((ulong)key[key.Length / 2] << 8) | ((ulong)key[^1] << 16), 0);
    }

    /// <summary>Fibonacci hashing of head, tail and length: the top bits are well mixed.</summary>
    private int SlotOf(ulong head, ulong tail, int length) =>
        (int)((((head * 31) ^ tail ^ (ulong)length) * 0x9E3779B97F4A7C15) >> (64 - slotBits));
}
