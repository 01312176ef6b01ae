using System.Text;
using System.Text.Json;
using TenantScanner.Cli.Changes.Plans;

namespace TenantScanner.Cli.Changes.Journal;

/// <summary>
/// The append-only journal: one JSON object per line, each written with a single write and flushed to disk
/// before the next step, so a crash loses at most the line being written. A last line cut short by a crash is
/// ignored on reading; any other unreadable line is an error naming its line number.
/// </summary>
public sealed class JournalFile : IDisposable
{
    private readonly FileStream _stream;

    private JournalFile(FileStream stream) => _stream = stream;

    public static JournalFile OpenForAppend(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        return new JournalFile(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));
    }

    public void Append(JournalEntry entry)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(entry, Compact);
        var bytes = new byte[line.Length + 1];
        line.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';
        _stream.Write(bytes);
        _stream.Flush(flushToDisk: true);
    }

    public static IReadOnlyList<JournalEntry> Read(string path)
    {
        if (!File.Exists(path))
            throw new JournalFileException($"{path}: the journal does not exist.");
        var text = File.ReadAllText(path, Encoding.UTF8);
        var lines = text.Split('\n');
        var entries = new List<JournalEntry>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
                continue;
            try
            {
                entries.Add(JsonSerializer.Deserialize<JournalEntry>(lines[i], Compact) ?? throw new JsonException("empty line"));
            }
            catch (JsonException ex)
            {
                var cutShort = i == lines.Length - 1 && !text.EndsWith('\n');
                if (cutShort)
                    continue;
                throw new JournalFileException($"{path}: line {i + 1} is not a journal entry ({ex.Message.Split(" Path:")[0]}).");
            }
        }
        return entries;
    }

    public static IReadOnlyList<JournalEntry> ReadIfExists(string path) => File.Exists(path) ? Read(path) : [];

    public void Dispose() => _stream.Dispose();

    private static readonly JsonSerializerOptions Compact = new(PlanFile.Indented) { WriteIndented = false };
}

/// <summary>A journal that is missing, unreadable, or belongs to another plan.</summary>
public sealed class JournalFileException(string message) : Exception(message);
