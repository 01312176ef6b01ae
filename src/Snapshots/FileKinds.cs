using System.Runtime.InteropServices;

namespace TenantScanner.Snapshots;

/// <summary>What a path names, as far as reading it as a document is concerned.</summary>
public enum FileKind
{
    Missing,
    RegularFile,
    Directory,
    SymbolicLink,
    /// <summary>A FIFO, a socket, a character or block device: opening one can block for ever (a FIFO with no
    /// writer) or read without end (<c>/dev/zero</c>), so it is never read as a document.</summary>
    Special,
    /// <summary>The platform cannot tell (a Unix other than Linux): treated as a regular file.</summary>
    Unknown,
}

/// <summary>
/// Tells regular files from FIFOs and devices before anything opens them. .NET's file APIs do not say (a FIFO is
/// just a file to <see cref="File.Exists"/>, and opening it blocks until a writer comes), so on Linux the kind is
/// read with <c>statx(2)</c>, whose structure has the same layout on every architecture. Windows has no such files
/// under a folder. Other systems answer <see cref="FileKind.Unknown"/>.
/// </summary>
public static class FileKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int StatxSize = 256;
    private const int TypeMask = 0xF000;

    private static bool s_statxMissing;

    /// <param name="followLinks">False: a symbolic link is reported as <see cref="FileKind.SymbolicLink"/>; true: as what it finally names.</param>
    public static FileKind Of(string path, bool followLinks)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsLinux() && !s_statxMissing)
            return OfLinux(path, followLinks);
        var info = new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null)
            return FileKind.SymbolicLink;
        if (Directory.Exists(path))
            return FileKind.Directory;
        if (!File.Exists(path))
            return FileKind.Missing;
        return OperatingSystem.IsWindows() ? FileKind.RegularFile : FileKind.Unknown;
    }

    private static FileKind OfLinux(string path, bool followLinks)
    {
        var buffer = new byte[StatxSize];
        int result;
        try
        {
            result = NativeMethods.statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            s_statxMissing = true; // a C library older than glibc 2.28 or musl 1.2.5
            return Of(path, followLinks);
        }
        if (result != 0)
            return FileKind.Missing; // no such file, a dangling link, or a path that cannot be reached
        var mode = BitConverter.ToUInt16(buffer, StatxModeOffset) & TypeMask;
        return mode switch
        {
            0x8000 => FileKind.RegularFile,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            _ => FileKind.Special,
        };
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable CA1401, SYSLIB1054 // a plain, blittable call; LibraryImport would need unsafe code for the buffer
        internal static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string pathname, int flags, uint mask, byte[] statxbuf);
#pragma warning restore CA1401, SYSLIB1054
    }
}
