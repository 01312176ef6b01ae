using System.Collections.Concurrent;
using System.Xml;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.Cli.Secrets;

/// <summary>
/// Scans documents on all cores as the collector yields them: each worker takes one document at a time (no
/// read-ahead), so memory holds a few documents, not a whole export. A document that cannot be read becomes a
/// <see cref="SecretScanError"/>, one that is not valid JSON an error naming the position (its strings are still
/// judged one by one: <see cref="SecretDetector.InspectDocument"/>), never quoting content; the others are still
/// scanned. A value a detector could not finish judging becomes a <see cref="SecretUnjudgedValue"/>. Results keep
/// input order.
/// </summary>
public sealed class SecretScanRunner(SecretPatternCatalog catalog)
{
    private static readonly SecretScan Nothing = new([], []);
    private static readonly Func<byte[]> ContentReleased = static () => [];

    private readonly SecretDetector _detector = new(catalog);

    /// <summary>Per detector id, how long its regex may run on one value (named in the unjudged message).</summary>
    private readonly Dictionary<string, TimeSpan> _timeouts = catalog.Patterns
        .Where(p => p.Regex is not null)
        .ToDictionary(p => p.Id, p => p.Regex!.MatchTimeout, StringComparer.Ordinal);

    private sealed record Outcome(SecretScan Scan, SecretScanError? Error, SecretScanSkip? Skip);

    /// <param name="log">Filled by the collector while <paramref name="inputs"/> is enumerated; read once the scan ends.</param>
    public SecretScanResult Run(IEnumerable<SecretScanInput> inputs, SecretScanLog log)
    {
        var outcomes = new ConcurrentBag<(int Index, SecretScanInput Input, Outcome Outcome)>();
        var numbered = inputs.Select((input, index) => (input, index));
        // One worker per core, so at most that many documents (each within --max-file-size) are held at once.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(Partitioner.Create(numbered, EnumerablePartitionerOptions.NoBuffering), parallel,
            item => outcomes.Add((item.index, item.input, ScanOne(item.input))));

        var findings = new List<SecretFinding>();
        var errors = new List<SecretScanError>(log.Errors);
        var skipped = new List<SecretScanSkip>(log.Skipped);
        var unjudged = new List<SecretUnjudgedValue>();
        var scanned = 0;
        foreach (var (_, read, outcome) in outcomes.OrderBy(o => o.Index))
        {
            // Results outlive the scan: keep the name of each document, not its bytes (a zip entry's are in the closure).
            var input = read with { Read = ContentReleased };
            findings.AddRange(outcome.Scan.Hits.Select(hit => new SecretFinding(input, hit)));
            unjudged.AddRange(outcome.Scan.Unjudged.Select(value => new SecretUnjudgedValue(input, value, _timeouts.GetValueOrDefault(value.Detector))));
            if (outcome.Error is { } error)
                errors.Add(error);
            if (outcome.Skip is { } skip)
                skipped.Add(skip);
            else
                scanned++;
        }
        return new SecretScanResult(findings, errors, unjudged, scanned, catalog) { Skipped = skipped };
    }

    private Outcome ScanOne(SecretScanInput input)
    {
        byte[] content;
        try
        {
            content = input.Read();
        }
        catch (SecretInputSkippedException e)
        {
            return new Outcome(Nothing, null, new SecretScanSkip(input.DisplayPath, e.Reason, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Outcome(Nothing, new SecretScanError(input.DisplayPath, null, null, $"cannot read: {SecretInputCollector.Reason(e)}"), null);
        }
        try
        {
            if (input.Format == SecretInputFormat.Xml)
                return new Outcome(XmlSecretScanner.Scan(content, _detector), null, null);
            var scan = _detector.InspectDocument(content);
            var error = scan.Malformed is { } malformed
                ? new SecretScanError(input.DisplayPath, malformed.Line, malformed.Column, "malformed JSON; every string in the file was still judged, one by one without the structure around it")
                : null;
            return new Outcome(scan, error, null);
        }
        catch (XmlException e)
        {
            // XmlException messages can quote names from the document: keep the position only.
            return new Outcome(Nothing, new SecretScanError(input.DisplayPath, e.LineNumber, e.LinePosition, "malformed XML; the file was skipped"), null);
        }
        finally
        {
            Array.Clear(content); // the bytes may hold secrets; they are garbage from here on
        }
    }
}
