namespace TenantScanner.Cli.Output;

/// <summary>
/// The folder reports are written to. A folder that is really a file, or one that cannot be created or written,
/// is a problem with the command line (<c>--out</c>), not a crash: it is reported naming the folder.
/// </summary>
public static class OutputFolder
{
    /// <summary>Why <paramref name="folder"/> cannot hold reports, when that is known before writing; null otherwise.</summary>
    public static string? Problem(string folder) =>
        File.Exists(folder) ? $"'{folder}' is a file, not a folder" : null;

    /// <summary>Runs <paramref name="write"/>; a file-system refusal becomes an <see cref="OutputFolderException"/> naming the folder.</summary>
    public static T Write<T>(string folder, string option, Func<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (Problem(folder) is { } problem)
            throw new OutputFolderException($"{option}: {problem}; give a folder for the reports.");
        try
        {
            return write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException($"{option}: the reports cannot be written to '{folder}': {e.Message}");
        }
    }
}

/// <summary>The output folder cannot be used; the message names it and the option that chose it.</summary>
public sealed class OutputFolderException(string message) : Exception(message);
