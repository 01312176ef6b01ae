using System.Xml;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.Walking;

namespace TenantScanner.Cli.Secrets;

/// <summary>
/// Scans documents on all cores. A document that cannot be read or parsed becomes a <see cref="SecretScanError"/>
/// naming the file and position (never quoting content); the others are still scanned. A value a detector could
/// not finish judging becomes a <see cref="SecretUnjudgedValue"/>. Results keep input order.
/// </summary>
public sealed class SecretScanRunner(SecretPatternCatalog catalog)
{
    private static readonly SecretScan Nothing = new([], []);

    private readonly SecretDetector _detector = new(catalog);

    /// <summary>Per detector id, how long its regex may run on one value (named in the unjudged message).</summary>
    private readonly Dictionary<string, TimeSpan> _timeouts = catalog.Patterns
        .Where(p => p.Regex is not null)
        .ToDictionary(p => p.Id, p => p.Regex!.MatchTimeout, StringComparer.Ordinal);

    public SecretScanResult Run(IReadOnlyList<SecretScanInput> inputs, IReadOnlyList<SecretScanError> collectErrors)
    {
        var outcomes = new (SecretScan Scan, SecretScanError? Error)[inputs.Count];
        Parallel.For(0, inputs.Count, i => outcomes[i] = ScanOne(inputs[i]));
        var findings = new List<SecretFinding>();
        var errors = new List<SecretScanError>(collectErrors);
        var unjudged = new List<SecretUnjudgedValue>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            findings.AddRange(outcomes[i].Scan.Hits.Select(hit => new SecretFinding(input, hit)));
            unjudged.AddRange(outcomes[i].Scan.Unjudged.Select(value => new SecretUnjudgedValue(input, value, _timeouts.GetValueOrDefault(value.Detector))));
            if (outcomes[i].Error is { } error)
                errors.Add(error);
        }
        return new SecretScanResult(findings, errors, unjudged, inputs.Count, catalog);
    }

    private (SecretScan, SecretScanError?) ScanOne(SecretScanInput input)
    {
        byte[] content;
        try
        {
            content = input.Read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (Nothing, new SecretScanError(input.DisplayPath, null, null, $"cannot read: {e.Message}"));
        }
        try
        {
            return input.Format == SecretInputFormat.Xml
                ? (XmlSecretScanner.Scan(content, _detector), null)
                : (_detector.Inspect(content), null);
        }
        catch (MalformedJsonException e)
        {
            return (Nothing, new SecretScanError(input.DisplayPath, e.Line, e.Column, "malformed JSON; the file was skipped"));
        }
        catch (XmlException e)
        {
            // XmlException messages can quote names from the document: keep the position only.
            return (Nothing, new SecretScanError(input.DisplayPath, e.LineNumber, e.LinePosition, "malformed XML; the file was skipped"));
        }
    }
}
