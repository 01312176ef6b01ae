using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace TenantScanner.Cli.Tests;

/// <summary>Small hostile inputs made on the spot: zip bombs of a few KB, lying or encrypted zip entries, FIFOs.</summary>
internal static class HostileFiles
{
    public const string GitHubToken = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
    public const string FlowWithSecret = "{\"definition\":{\"actions\":{\"Call\":{\"inputs\":{\"headers\":{\"Authorization\":\"token " + GitHubToken + "\"}}}}}}";
    public const string CleanFlow = "{\"definition\":{\"actions\":{\"Compose\":{\"type\":\"Compose\",\"inputs\":\"@parameters('apiKey')\"}}}}";

    private const uint LocalHeaderSignature = 0x04034b50;
    private const uint CentralHeaderSignature = 0x02014b50;

    /// <summary>Writes a zip with the given entries; an entry's content is text, or a count of zero bytes.</summary>
    public static string Zip(string path, params (string Name, object Content)[] entries)
    {
        File.WriteAllBytes(path, ZipBytes(entries));
        return path;
    }

    public static byte[] ZipBytes(params (string Name, object Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                switch (content)
                {
                    case string text:
                        stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
                        break;
                    case byte[] bytes:
                        stream.Write(bytes);
                        break;
                    case long zeros:
                        var chunk = new byte[1024 * 1024];
                        for (var left = zeros; left > 0; left -= chunk.Length)
                            stream.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
                        break;
                    default:
                        throw new ArgumentException($"entry {name}: text, bytes or a count of zeros");
                }
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Sets the "encrypted" bit of every entry's flags, as a password-protected zip has.</summary>
    public static void MarkEncrypted(string zipPath) =>
        PatchHeaders(zipPath, (bytes, at, isCentral) => bytes[at + (isCentral ? 8 : 6)] |= 1);

    private static void PatchHeaders(string zipPath, Action<byte[], int, bool> patch)
    {
        var bytes = File.ReadAllBytes(zipPath);
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == LocalHeaderSignature)
                patch(bytes, i, false);
            else if (signature == CentralHeaderSignature)
                patch(bytes, i, true);
        }
        File.WriteAllBytes(zipPath, bytes);
    }

    /// <summary>Makes a FIFO; false where the platform has none (Windows).</summary>
    public static bool TryMakeFifo(string path)
    {
        if (OperatingSystem.IsWindows())
            return false;
        if (NativeMethods.mkfifo(path, Convert.ToUInt32("644", 8)) != 0)
            throw new IOException($"mkfifo {path} failed: errno {Marshal.GetLastPInvokeError()}");
        return true;
    }

    /// <summary>True when this process runs as root (root reads folders whose permissions say no).</summary>
    public static bool IsRoot => !OperatingSystem.IsWindows() && NativeMethods.geteuid() == 0;

    private static class NativeMethods
    {
#pragma warning disable CA1401, SYSLIB1054, CA5392 // plain libc calls for test set-up
        [DllImport("libc", SetLastError = true)]
        internal static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

        [DllImport("libc")]
        internal static extern uint geteuid();
#pragma warning restore CA1401, SYSLIB1054, CA5392
    }
}
