using System.IO.Compression;

namespace TenantScanner.Cli.Secrets;

/// <summary>
/// Turns the command's PATH arguments into documents: JSON files (flow exports, definitions, Dataverse rows),
/// solution XML files, solution packages (<c>.zip</c>, read in memory, never extracted) and folders
/// (recursively, e.g. an unpacked solution). Paths that cannot be read become errors, not exceptions.
/// </summary>
public sealed class SecretInputCollector(string workingFolder)
{
    public (IReadOnlyList<SecretScanInput> Inputs, IReadOnlyList<SecretScanError> Errors) Collect(IEnumerable<string> paths)
    {
        var inputs = new List<SecretScanInput>();
        var errors = new List<SecretScanError>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    AddFile(file, explicitlyNamed: false, inputs, errors);
            }
            else if (File.Exists(path))
            {
                AddFile(path, explicitlyNamed: true, inputs, errors);
            }
            else
            {
                errors.Add(new SecretScanError(Display(path), null, null, "no such file or folder"));
            }
        }
        return (inputs, errors);
    }

    private void AddFile(string path, bool explicitlyNamed, List<SecretScanInput> inputs, List<SecretScanError> errors)
    {
        var display = Display(path);
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            AddZip(path, display, inputs, errors);
            return;
        }
        var format = FormatOf(path, explicitlyNamed);
        if (format is not null)
            inputs.Add(new SecretScanInput(display, format.Value, () => File.ReadAllBytes(path)));
    }

    private static void AddZip(string path, string display, List<SecretScanInput> inputs, List<SecretScanError> errors)
    {
        try
        {
            using var archive = ZipFile.OpenRead(path);
            foreach (var entry in archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                var name = entry.FullName.Replace('\\', '/');
                var format = FormatOf(name, explicitlyNamed: false);
                if (format is null || entry.Length == 0)
                    continue;
                // Solutions are small; reading entries now lets the scan run in parallel without sharing the archive.
                using var stream = entry.Open();
                using var buffer = new MemoryStream((int)Math.Min(entry.Length, int.MaxValue));
                stream.CopyTo(buffer);
                var bytes = buffer.ToArray();
                inputs.Add(new SecretScanInput($"{display}!/{name}", format.Value, () => bytes) { ArtifactPath = display, ArchiveEntry = name });
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            errors.Add(new SecretScanError(display, null, null, $"cannot read zip: {e.Message}"));
        }
    }

    /// <summary>JSON anywhere; XML only where solutions keep values (environment variables, customizations.xml), or when named explicitly.</summary>
    private static SecretInputFormat? FormatOf(string path, bool explicitlyNamed)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return SecretInputFormat.Json;
        if (!name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            return null;
        return explicitlyNamed
            || name.Equals("environmentvariabledefinition.xml", StringComparison.OrdinalIgnoreCase)
            || name.Equals("customizations.xml", StringComparison.OrdinalIgnoreCase)
            ? SecretInputFormat.Xml
            : null;
    }

    private string Display(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(workingFolder, full);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
        return shown.Replace('\\', '/');
    }
}
