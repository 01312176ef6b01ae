using System.Xml;
using TenantScanner.SecretScanning;

namespace TenantScanner.Cli.Secrets;

/// <summary>
/// Scans solution XML: every element's text and every attribute, judged under its element or attribute
/// name; for an environment variable definition the value is judged under the variable's schema name too
/// (a String variable called <c>contoso_ApiPassword</c> holding a password is a finding). Pointers are
/// XPath-like (<c>/environmentvariabledefinition/defaultvalue</c>). Values a detector could not finish judging
/// are returned with the same pointers and positions as secrets.
/// </summary>
public static class XmlSecretScanner
{
    public static SecretScan Scan(byte[] content, SecretDetector detector)
    {
        var hits = new List<SecretHit>();
        var unjudged = new List<UnjudgedValue>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(new MemoryStream(content), settings);
        var path = new List<string>();
        string? schemaName = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var empty = reader.IsEmptyElement;
                    path.Add(reader.LocalName);
                    schemaName = reader.GetAttribute("schemaname") ?? schemaName;
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                            Add(hits, unjudged, detector.InspectValue(reader.Value, reader.LocalName), Pointer(path) + "/@" + reader.LocalName, (IXmlLineInfo)reader);
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }
                    if (empty)
                        path.RemoveAt(path.Count - 1);
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                    var element = path.Count > 0 ? path[^1] : "";
                    var key = schemaName is not null && element is "defaultvalue" or "value" ? schemaName : element;
                    Add(hits, unjudged, detector.InspectValue(reader.Value, key), Pointer(path), (IXmlLineInfo)reader);
                    break;
                case XmlNodeType.EndElement:
                    path.RemoveAt(path.Count - 1);
                    break;
            }
        }
        return new SecretScan(hits, unjudged);
    }

    /// <summary>Places what one value's scan found at the element or attribute holding the value.</summary>
    private static void Add(List<SecretHit> hits, List<UnjudgedValue> unjudged, SecretScan found, string pointer, IXmlLineInfo position)
    {
        foreach (var hit in found.Hits)
            hits.Add(hit with { JsonPointer = pointer + hit.JsonPointer, Line = position.LineNumber, Column = position.LinePosition });
        foreach (var value in found.Unjudged)
            unjudged.Add(value with { JsonPointer = pointer + value.JsonPointer, Line = position.LineNumber, Column = position.LinePosition });
    }

    private static string Pointer(List<string> path) => "/" + string.Join('/', path);
}
