using System.Collections.Frozen;
using System.Reflection;

namespace TenantScanner.Snapshots;

/// <summary>
/// A snapshot embedded as resources in an assembly (the demo tenant). Resource names are
/// <c>{resourcePrefix}/{relative path}</c>; '\' in names (MSBuild's RecursiveDir on Windows) is read as '/'.
/// </summary>
public sealed class EmbeddedSnapshotSource : ISnapshotSource
{
    private readonly Assembly _assembly;
    private readonly FrozenDictionary<string, string> _resourceByPath;

    public EmbeddedSnapshotSource(Assembly assembly, string resourcePrefix, string description)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourcePrefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        _assembly = assembly;
        Description = description;
        var prefix = resourcePrefix.Replace('\\', '/');
        if (prefix.Length > 0 && !prefix.EndsWith('/'))
            prefix += "/";
        _resourceByPath = assembly.GetManifestResourceNames()
            .Select(name => (Name: name, Normalised: name.Replace('\\', '/')))
            .Where(r => r.Normalised.StartsWith(prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(r => r.Normalised[prefix.Length..], r => r.Name, StringComparer.Ordinal);
    }

    public string Description { get; }

    public Stream Open(string relativePath)
    {
        SnapshotPaths.EnsureSafe(relativePath, Description);
        if (!_resourceByPath.TryGetValue(relativePath, out var resource))
            throw SnapshotPaths.Missing(relativePath, Description);
        return _assembly.GetManifestResourceStream(resource)
            ?? throw new SnapshotFormatException($"{relativePath}: resource '{resource}' could not be opened in {Description}.", relativePath);
    }
}
