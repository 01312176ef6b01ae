using System.Xml;
using TenantScanner.Secrets;

namespace TenantScanner.Cli.Secrets;

/// <summary>
/// Scans documents on all cores. A document that cannot be read or parsed becomes a <see cref="SecretScanError"/>
/// naming the file and position (never quoting content); the others are still scanned. Results keep input order.
/// </summary>
public sealed class SecretScanRunner(SecretPatternCatalog catalog)
{
    private readonly SecretDetector _detector = new(catalog);

    public SecretScanResult Run(IReadOnlyList<SecretScanInput> inputs, IReadOnlyList<SecretScanError> collectErrors)
    {
        var outcomes = new (IReadOnlyList<SecretHit> Hits, SecretScanError? Error)[inputs.Count];
        Parallel.For(0, inputs.Count, i => outcomes[i] = ScanOne(inputs[i]));
        var findings = new List<SecretFinding>();
        var errors = new List<SecretScanError>(collectErrors);
        for (var i = 0; i < inputs.Count; i++)
        {
            findings.AddRange(outcomes[i].Hits.Select(hit => new SecretFinding(inputs[i], hit)));
            if (outcomes[i].Error is { } error)
                errors.Add(error);
        }
        return new SecretScanResult(findings, errors, inputs.Count, catalog);
    }

    private (IReadOnlyList<SecretHit>, SecretScanError?) ScanOne(SecretScanInput input)
    {
        byte[] content;
        try
        {
            content = input.Read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], new SecretScanError(input.DisplayPath, null, null, $"cannot read: {e.Message}"));
        }
        try
        {
            return input.Format == SecretInputFormat.Xml
                ? (XmlSecretScanner.Scan(content, _detector), null)
                : (_detector.ScanJson(content), null);
        }
        catch (MalformedJsonException e)
        {
            return ([], new SecretScanError(input.DisplayPath, e.Line, e.Column, "malformed JSON; the file was skipped"));
        }
        catch (XmlException e)
        {
            // XmlException messages can quote names from the document: keep the position only.
            return ([], new SecretScanError(input.DisplayPath, e.LineNumber, e.LinePosition, "malformed XML; the file was skipped"));
        }
    }
}
