using System.Runtime.InteropServices;

namespace TenantScanner.Secrets;

/// <summary>
/// A direct-mapped cache keyed by short UTF-8 texts (property names, action types), so that text seen before is
/// recognised from its raw bytes without decoding. A slot keeps the key's first and last eight bytes and its
/// length: up to 16 bytes they are the whole key, so a hit reads no other object; longer keys keep a copy of
/// their bytes. Two keys sharing a slot cost a miss, never a wrong value.
/// </summary>
internal sealed class Utf8KeyedCache<T>(int slotBits) where T : class
{
    private readonly Slot[] _slots = new Slot[1 << slotBits];

    private struct Slot
    {
        public ulong Head;
        public ulong Tail;
        public int Length;
        public byte[]? LongKey;
        public T? Value;
    }

    public bool TryGet(ReadOnlySpan<byte> key, out T value)
    {
        var (head, tail) = HeadAndTail(key);
        ref var slot = ref _slots[SlotOf(head, tail, key.Length)];
        if (slot.Value is not null && slot.Head == head && slot.Tail == tail && slot.Length == key.Length
            && (slot.LongKey is null || key.SequenceEqual(slot.LongKey)))
        {
            value = slot.Value;
            return true;
        }
        value = null!;
        return false;
    }

    public void Set(ReadOnlySpan<byte> key, T value)
    {
        var (head, tail) = HeadAndTail(key);
        _slots[SlotOf(head, tail, key.Length)] = new Slot
        {
            Head = head,
            Tail = tail,
            Length = key.Length,
            LongKey = key.Length > 2 * sizeof(ulong) ? key.ToArray() : null,
            Value = value,
        };
    }

    /// <summary>The first and the last eight bytes (overlapping below 16, zero-padded below 8).</summary>
    private static (ulong Head, ulong Tail) HeadAndTail(ReadOnlySpan<byte> key)
    {
        if (key.Length >= sizeof(ulong))
            return (MemoryMarshal.Read<ulong>(key), MemoryMarshal.Read<ulong>(key[^sizeof(ulong)..]));
        ulong head = 0;
        for (var i = key.Length - 1; i >= 0; i--)
            head = (head << 8) | key[i];
        return (head, 0);
    }

    /// <summary>Fibonacci hashing of head, tail and length: the top bits are well mixed.</summary>
    private int SlotOf(ulong head, ulong tail, int length) =>
        (int)((((head * 31) ^ tail ^ (ulong)length) * 0x9E3779B97F4A7C15) >> (64 - slotBits));
}
