namespace TenantScanner.SecretScanning.Walking;

/// <summary>
/// The second pass over a document the strict walk refused: every string <see cref="LenientStringReader"/> finds
/// is judged as a lone value under its property name (<see cref="SecretDetector.InspectValue"/>: a string holding
/// a JSON document is still walked), placed at its opening quote. What the strict walk found before the defect is
/// kept (it saw siblings and types the lone values lack); a place both passes report is reported once.
/// </summary>
internal static class LenientDocumentScan
{
    public static SecretScan Scan(SecretDetector detector, byte[] json, SecretScan strictPrefix, MalformedJsonException malformed)
    {
        var hits = new List<SecretHit>(strictPrefix.Hits);
        var unjudged = new List<UnjudgedValue>(strictPrefix.Unjudged);
        var seenHits = hits.Select(HitKey).ToHashSet();
        var seenUnjudged = unjudged.Select(UnjudgedKey).ToHashSet();
        var lines = new LineIndex();
        var reader = new LenientStringReader();
        foreach (var value in reader.Read(json))
        {
            var found = detector.InspectValue(value.Text, value.Key);
            if (found.Hits.Count == 0 && found.Unjudged.Count == 0)
                continue;
            var pointer = reader.CurrentPointer();
            var (line, column) = lines.PositionOf(json, value.Offset);
            foreach (var hit in found.Hits)
            {
                var placed = hit with { JsonPointer = pointer + hit.JsonPointer, Line = line, Column = column };
                if (seenHits.Add(HitKey(placed)))
                    hits.Add(placed);
            }
            foreach (var open in found.Unjudged)
            {
                var placed = open with { JsonPointer = pointer + open.JsonPointer, Line = line, Column = column };
                if (seenUnjudged.Add(UnjudgedKey(placed)))
                    unjudged.Add(placed);
            }
        }
        return new SecretScan(hits, unjudged) { Malformed = malformed };
    }

    private static (int?, int?, string) HitKey(SecretHit hit) => (hit.Line, hit.Column, hit.Fingerprint);

    private static (int?, int?, string) UnjudgedKey(UnjudgedValue value) => (value.Line, value.Column, value.Detector);
}
