using System.Globalization;
using System.Text;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.FlowDefinitions;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.TestKit.SecretCorpus;

/// <summary>Precision and recall of one secret type over a labelled corpus.</summary>
public sealed record TypeAccuracy(string SecretType, int Planted, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => Planted == 0 ? 1 : (double)TruePositives / Planted;
}

/// <summary>
/// Scores the detector against the labels: a hit is right when a label has the same file, JSON pointer
/// and type. Several hits of one type at one pointer count once; a hit of another type at a labelled
/// pointer is a false positive for its type and leaves the label missed.
/// </summary>
public sealed class AccuracyReport
{
    public required IReadOnlyList<TypeAccuracy> Types { get; init; }
    /// <summary>Up to 50 misclassified locations (file, pointer, expected or found type) to debug with; no values.</summary>
    public required IReadOnlyList<string> Mistakes { get; init; }

    public static AccuracyReport Measure(SecretDetector detector, IEnumerable<CorpusFile> files)
    {
        var expected = new HashSet<(string File, string Pointer, string Type)>();
        var found = new HashSet<(string File, string Pointer, string Type)>();
        foreach (var file in files)
        {
            foreach (var label in file.Labels)
                expected.Add((label.File, label.JsonPointer, label.SecretType));
            foreach (var hit in detector.ScanJson(file.Content))
                found.Add((file.RelativePath, hit.JsonPointer, hit.SecretType));
        }
        var types = expected.Select(e => e.Type).Concat(found.Select(f => f.Type)).Distinct().Order(StringComparer.Ordinal);
        var rows = types.Select(type => new TypeAccuracy(
            type,
            expected.Count(e => e.Type == type),
            found.Count(f => f.Type == type && expected.Contains(f)),
            found.Count(f => f.Type == type && !expected.Contains(f)),
            expected.Count(e => e.Type == type && !found.Contains(e)))).ToList();
        var mistakes = found.Where(f => !expected.Contains(f)).Select(f => $"false positive {f.Type} at {f.File}#{f.Pointer}")
            .Concat(expected.Where(e => !found.Contains(e)).Select(e => $"missed {e.Type} at {e.File}#{e.Pointer}"))
            .Take(50).ToList();
        return new AccuracyReport { Types = rows, Mistakes = mistakes };
    }

    public string ToMarkdown()
    {
        var builder = new StringBuilder();
        builder.AppendLine("| Secret type | Planted | True positives | False positives | Missed | Precision | Recall |");
        builder.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in Types)
        {
            builder.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.SecretType} | {row.Planted} | {row.TruePositives} | {row.FalsePositives} | {row.FalseNegatives} | {row.Precision:0.000} | {row.Recall:0.000} |");
        }
        var tp = Types.Sum(t => t.TruePositives);
        var fp = Types.Sum(t => t.FalsePositives);
        var planted = Types.Sum(t => t.Planted);
        builder.AppendLine(CultureInfo.InvariantCulture,
            $"| **all** | {planted} | {tp} | {fp} | {Types.Sum(t => t.FalseNegatives)} | {(tp + fp == 0 ? 1 : (double)tp / (tp + fp)):0.000} | {(planted == 0 ? 1 : (double)tp / planted):0.000} |");
        return builder.ToString();
    }
}
