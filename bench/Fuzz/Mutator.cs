using System.Text;

namespace TenantScanner.Fuzz;

/// <summary>
/// Changes a valid input a little, the way files really break or are made to break: flipped bits, bytes added or
/// lost, a truncation, a chunk repeated or moved, and tokens parsers trip on (brackets, quotes, escapes, halves of
/// surrogate pairs, bytes that are not UTF-8, deep nesting, huge numbers, YAML anchors and tags).
/// </summary>
internal sealed class Mutator(Random random)
{
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "{", "}", "[", "]", "\"", ":", ",", "\\", "\\u", "\\ud800", "\\udc00", "\\u0000", "null", "true", "-0",
            "1e309", "99999999999999999999999", "NaN", "/*", "*/", "//", "\n", "\r", "\t", " ",
            "&a", "*a", "!!binary", "!!python/object", "<<: *a", "---", "...", "? ", "- ", "|", ">", "%YAML 1.2", "~",
            "'", "#", "@odata.nextLink", "value", "id", "clientdata", "definition", "../", "C:/", "%2e%2e/",
            "2026-02-30", "9999-12-31", "0001-01-01T00:00:00Z",
        }.Select(Encoding.UTF8.GetBytes),
        [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00], [0xEF, 0xBB, 0xBF], [0xFE, 0xFF],
    ];

    public byte[] Mutate(byte[] input)
    {
        var bytes = new List<byte>(input);
        var rounds = 1 + random.Next(4);
        for (var i = 0; i < rounds; i++)
            MutateOnce(bytes);
        return [.. bytes];
    }

    private void MutateOnce(List<byte> bytes)
    {
        var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
        switch (random.Next(9))
        {
            case 0 when bytes.Count > 0:
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when bytes.Count > 0:
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16)));
                break;
            case 2:
                bytes.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                break;
            case 3 when bytes.Count > 0:
                bytes.RemoveRange(at, bytes.Count - at); // truncated, as a download that stopped
                break;
            case 4 when bytes.Count > 0:
                var length = Math.Min(bytes.Count - at, 1 + random.Next(64));
                var chunk = bytes.GetRange(at, length);
                bytes.InsertRange(random.Next(bytes.Count + 1), chunk);
                break;
            case 5:
                var open = random.Next(2) == 0 ? (byte)'[' : (byte)'{';
                var depth = random.Next(2) == 0 ? 10 + random.Next(100) : 250 + random.Next(2000);
                bytes.InsertRange(at, Enumerable.Repeat(open == '[' ? open : (byte)'[', depth));
                break;
            case 6 when bytes.Count > 0:
                bytes[at] = (byte)random.Next(256);
                break;
            case 7:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(new string('a', random.Next(2) == 0 ? 17 : 40_000)));
                break;
            default:
                bytes.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                bytes.InsertRange(random.Next(bytes.Count + 1), Tokens[random.Next(Tokens.Length)]);
                break;
        }
    }
}
