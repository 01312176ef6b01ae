using System.Text;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Judging;

namespace TenantScanner.SecretScanning;

/// <summary>
/// Replaces the secrets inside free text: a display name, a service's error message, a JSON pointer whose
/// keys come from a document. Such text is written to reports and consoles as it is, so anyone who can name a
/// flow or answer an HTTP request could otherwise put a secret there. Each secret becomes
/// <c>[redacted SecretType: preview fingerprint]</c>; the rest of the text is kept. Thread-safe.
/// </summary>
/// <remarks>
/// The text is judged as one value with no property name around it, so only detectors with a keyword apply
/// (a bare high-entropy name is not a secret). A text a detector could not finish judging (its regex timed
/// out) is withheld as a whole: what it holds is unknown.
/// </remarks>
public sealed class TextRedactor
{
    private static readonly Lazy<TextRedactor> Default = new(() => new TextRedactor(new SecretDetector(SecretPatternCatalog.LoadDefault())));

    /// <summary>The redactor of the built-in secret catalog.</summary>
    public static TextRedactor BuiltIn => Default.Value;

    [ThreadStatic]
    private static Scratch? t_scratch;

    private readonly SecretValueJudge _judge;

    public TextRedactor(SecretDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        _judge = detector.Judge;
    }

    /// <summary>The text with every secret replaced; the same instance when there is none (the usual case, and cheap).</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
            return text;
        var scratch = t_scratch is { } own && own.Judge == _judge ? own : t_scratch = new Scratch(_judge);
        // Without a property name only keyword patterns apply, so text without a keyword cannot hold a secret.
        if (!_judge.Keywords.MarkPatterns(text, scratch.KeywordHits))
            return text;
        var found = scratch.Found;
        var timedOut = scratch.TimedOut;
        try
        {
            _judge.Judge(text, ValueContext.None, scratch.KeywordHits, scratch.Workspace, found, timedOut);
            if (timedOut.Count > 0)
                return $"[text withheld: it could not be fully checked for secrets ({text.Length} chars)]";
            return found.Count == 0 ? text : Replace(text, found);
        }
        finally
        {
            // The candidates hold the secret text: none of it stays with the thread.
            found.Clear();
            timedOut.Clear();
        }
    }

    /// <summary><see cref="Redact(string)"/> for optional text.</summary>
    public string? RedactOptional(string? text) => text is null ? null : Redact(text);

    private static string Replace(string text, List<SecretCandidate> found)
    {
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        var result = new StringBuilder(text.Length);
        var next = 0;
        foreach (var candidate in found)
        {
            if (candidate.Start < next)
                continue; // overlaps one already replaced
            result.Append(text, next, candidate.Start - next)
                .Append("[redacted ").Append(candidate.Pattern.SecretType).Append(": ")
                .Append(SecretRedaction.Preview(candidate.Secret)).Append(' ')
                .Append(SecretRedaction.Fingerprint(candidate.Secret)).Append(']');
            next = candidate.Start + candidate.Length;
        }
        return result.Append(text, next, text.Length - next).ToString();
    }

    /// <summary>One thread's judging state for one judge (a workspace holds its own copies of the regexes).</summary>
    private sealed class Scratch(SecretValueJudge judge)
    {
        public SecretValueJudge Judge { get; } = judge;
        public JudgeWorkspace Workspace { get; } = judge.CreateWorkspace();
        public bool[] KeywordHits { get; } = new bool[judge.PatternCount];
        public List<SecretCandidate> Found { get; } = [];
        public List<SecretPattern> TimedOut { get; } = [];
    }
}
