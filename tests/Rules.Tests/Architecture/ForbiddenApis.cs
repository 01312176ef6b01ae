using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace TenantScanner.Tests.Architecture;

/// <summary>
/// The APIs an assembly's compiled code refers to, read from its metadata (the type and member references
/// every call, field and signature goes through), not from the source text: aliases, <c>using static</c> and
/// fully qualified names cannot hide a use.
/// </summary>
internal static class ForbiddenApis
{
    /// <summary>Types that touch the file system, the console, the network or other processes.</summary>
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "System.IO.File", "System.IO.Directory", "System.IO.FileStream", "System.IO.FileInfo", "System.IO.DirectoryInfo",
        "System.IO.FileSystemInfo", "System.IO.DriveInfo", "System.IO.FileSystemWatcher", "System.IO.RandomAccess",
        "System.IO.Path", "System.IO.StreamWriter", "System.IO.MemoryMappedFiles.MemoryMappedFile",
        "System.Console", "System.Diagnostics.Process", "System.Net.Http.HttpClient", "System.Net.WebClient",
        "System.Net.Sockets.Socket", "System.Net.Sockets.TcpClient", "System.Net.Dns",
    };

    /// <summary>Members that read the clock: the engine evaluates at the request's as-of instant.</summary>
    private static readonly HashSet<string> Members = new(StringComparer.Ordinal)
    {
        "System.DateTime.get_Now", "System.DateTime.get_UtcNow", "System.DateTime.get_Today",
        "System.DateTimeOffset.get_Now", "System.DateTimeOffset.get_UtcNow", "System.TimeProvider.get_System",
    };

    /// <summary>Every forbidden type or member <paramref name="assembly"/> refers to, as "type" or "type.member".</summary>
    public static IReadOnlyList<string> UsedBy(Assembly assembly)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeReferences)
        {
            var name = FullName(metadata, handle);
            if (Types.Contains(name))
                found.Add(name);
        }
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
                continue;
            var type = FullName(metadata, (TypeReferenceHandle)member.Parent);
            var name = $"{type}.{metadata.GetString(member.Name)}";
            if (Members.Contains(name))
                found.Add(name);
            // new StreamReader(path, ...): every overload that opens a file takes the path as its first parameter.
            if (type == "System.IO.StreamReader" && metadata.GetString(member.Name) == ".ctor" && FirstParameterIsString(metadata, member))
                found.Add("System.IO.StreamReader..ctor(string path, ...)");
        }
        return [.. found];
    }

    private static string FullName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var type = metadata.GetTypeReference(handle);
        var name = metadata.GetString(type.Name);
        // A nested type is named after the type that holds it.
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? $"{FullName(metadata, (TypeReferenceHandle)type.ResolutionScope)}+{name}"
            : $"{metadata.GetString(type.Namespace)}.{name}";
    }

    private static bool FirstParameterIsString(MetadataReader metadata, MemberReference member)
    {
        var signature = metadata.GetBlobReader(member.Signature);
        signature.ReadSignatureHeader();
        if (signature.ReadCompressedInteger() == 0)
            return false;
        signature.ReadSignatureTypeCode(); // the return type: void for a constructor
        return signature.ReadSignatureTypeCode() == SignatureTypeCode.String;
    }
}
